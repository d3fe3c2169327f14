import { describe, expect, it } from 'vitest';
import {
  collectPages,
  decodeStartingToken,
  encodeNextToken,
  planPagination,
  type FetchPage,
  type PaginationOptions,
} from '../../src/pipeline/paginate.js';
import { CliError, ExitCode } from '../../src/errors/errors.js';
import { aggregatePages, textPageRecords } from '../../src/output/pages.js';
import { applyQuery, compileQuery } from '../../src/output/query.js';
import { renderPages } from '../../src/output/render.js';
import type { OutputObject, OutputValue } from '../../src/python/value.js';
import type { PaginatorSpec } from '../../src/spec/types.js';
import { listMultipartUploads } from '../../src/operations/list-multipart-uploads.js';
import { listParts } from '../../src/operations/list-parts.js';
import { errorOfAsync } from '../support/errors.js';
import { readGolden } from '../support/golden.js';

const LIST_PARTS_PAGINATOR = listParts.paginator!;
const LIST_MULTIPART_UPLOADS_PAGINATOR = listMultipartUploads.paginator!;

// ---------------------------------------------------------------------------------------------
// Fixtures: the goldens' data, and fake S3 listings that page like S3 does
// ---------------------------------------------------------------------------------------------

/** What `--output json` prints: Python's json.dumps(indent=4, ensure_ascii=False) + newline. */
function asJson(value: OutputValue): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

/** The AWS CLI 2.9.19 paginators the unprefixed goldens were recorded with. */
const V2_9_LIST_PARTS: PaginatorSpec = {
  ...LIST_PARTS_PAGINATOR,
  nonAggregateKeys: ['ChecksumAlgorithm', 'Initiator', 'Owner', 'StorageClass'],
};
const V2_9_LIST_MULTIPART_UPLOADS: PaginatorSpec = { ...LIST_MULTIPART_UPLOADS_PAGINATOR, nonAggregateKeys: [] };

const OWNER_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';
const OWNER = { DisplayName: 'webfile', ID: OWNER_ID };
const UPLOAD_ID = '3ycBWp9xlGwBmIWzCYu48YIPUKgwljtnuShkYGJjE7SLmxj5C8lZ4iudA';
const ETAG_21_BYTES = '"3278263a70e49679e82b47bf6b54baf6"';
const ETAG_1024_BYTES = '"0f343b0931126a20f133d67c2b018a3b"';

function part(partNumber: number, time = '01:20:53', etag = ETAG_21_BYTES, size = 21): OutputObject {
  return { PartNumber: partNumber, LastModified: `2026-11-22T${time}+00:00`, ETag: etag, Size: size };
}

/** The two parts of the early goldens (list_parts_json ...). */
const FIRST_TWO_PARTS = [part(1), part(2, '01:21:05', ETAG_1024_BYTES, 1024)];
/** Part 1 re-uploaded later (head_* and list_parts_pagesize1_text). */
const LATER_PARTS = [part(1, '01:30:54'), part(2, '01:21:05', ETAG_1024_BYTES, 1024), part(4, '01:32:58'), part(6)];
/** For the goldens that only print part numbers. */
const PARTS_1_TO_9 = [1, 2, 4, 6, 9].map((number) => part(number));
/** moto treats PartNumberMarker as an index, so after marker 4 it listed part 7 next; under S3's semantics that means no part 6. */
const PARTS_RESUMED_AT_7 = [1, 2, 4, 7, 8, 9].map((number) => part(number));

/** ListParts with S3's paging: parts above PartNumberMarker, at most MaxParts of them. */
function fakeListParts(parts: readonly OutputObject[]) {
  const requests: Record<string, unknown>[] = [];
  const fetchPage: FetchPage = async (input) => {
    requests.push(input);
    const marker = (input.PartNumberMarker as number | undefined) ?? 0;
    const maxParts = (input.MaxParts as number | undefined) ?? 1000;
    const remaining = parts.filter((item) => (item.PartNumber as number) > marker);
    const returned = remaining.slice(0, maxParts);
    const page: OutputObject = {
      Bucket: 'bkt',
      Key: 'dir/obj.txt',
      UploadId: UPLOAD_ID,
      PartNumberMarker: marker,
      NextPartNumberMarker: returned.length > 0 ? returned[returned.length - 1].PartNumber : 0,
      MaxParts: maxParts,
      IsTruncated: remaining.length > returned.length,
    };
    if (returned.length > 0) page.Parts = returned;
    return { ...page, Initiator: { ID: OWNER_ID, DisplayName: 'webfile' }, Owner: OWNER, StorageClass: 'STANDARD' };
  };
  return { fetchPage, requests };
}

const USER_ARN = 'arn:aws:iam::123456789012:user/user1-11111a31-17b5-4fb7-9df5-b111111f13de';

function upload(uploadId: string, key: string): OutputObject {
  return {
    UploadId: uploadId,
    Key: key,
    Initiated: '2010-11-10T20:48:33+00:00',
    StorageClass: 'STANDARD',
    Owner: OWNER,
    Initiator: { ID: USER_ARN, DisplayName: USER_ARN.split('/')[1] },
  };
}

const UPLOADS = [
  upload(UPLOAD_ID, 'dir/obj.txt'),
  upload('7sKklzA2wO73QcR6UxHMm9ejZy0albt6YAKP6vV8NS3denwmWK8K3Enu6w', 'other/ünïcødé 日本.txt'),
  upload('xICbSMAci3PhszamCPFIbtvL59sABGY5zzL813Hqr5l1ot6LjATrrNHVbw', 'abort/me'),
  upload('SgOeBeaQqwXbj7LJ3kRz5bBKuqGeanbsFb7h0BPi6b7a0clwYYpG0Kgw', 'meta/k'),
  upload('9HKKeezGbUEx0TruL9ZsJhzI7m9OuE8ge7pt7CzGem12pk3iFE1fi1GNA', 'boolk'),
  upload('es5j3Gc979HTpuUwCD6kpWMfNRPaYttEownLZCyeoCTUfEHt1OtGaG4Q', 'boolk'),
  upload('ozJbM5jWVrP9yLODMKLNAL3v5zIs2htDcHhj1MnF2yO99CVmvG2XpFCw', 'boolk'),
];

/**
 * ListMultipartUploads listing `uploads` in array order; the markers name the last upload
 * already seen. moto 5.2.1 ignores MaxUploads (see golden INDEX), hence `honourMaxUploads`.
 */
function fakeListUploads(uploads: readonly OutputObject[], honourMaxUploads = true) {
  const requests: Record<string, unknown>[] = [];
  const fetchPage: FetchPage = async (input) => {
    requests.push(input);
    const keyMarker = input.KeyMarker as string | undefined;
    const uploadIdMarker = input.UploadIdMarker as string | undefined;
    const start =
      keyMarker === undefined
        ? 0
        : uploads.findIndex((item) => item.Key === keyMarker && item.UploadId === uploadIdMarker) + 1;
    const maxUploads = (input.MaxUploads as number | undefined) ?? 1000;
    const remaining = uploads.slice(start);
    const returned = honourMaxUploads ? remaining.slice(0, maxUploads) : remaining;
    const last = returned[returned.length - 1];
    const isTruncated = remaining.length > returned.length;
    const page: OutputObject = { Bucket: 'bkt', KeyMarker: keyMarker ?? '', UploadIdMarker: uploadIdMarker ?? '' };
    if (isTruncated) Object.assign(page, { NextKeyMarker: last.Key, NextUploadIdMarker: last.UploadId });
    Object.assign(page, { MaxUploads: maxUploads, IsTruncated: isTruncated });
    if (returned.length > 0) page.Uploads = returned;
    return page;
  };
  return { fetchPage, requests };
}

/** Hands out fixed pages in order, for responses S3 would not normally send. */
function cannedPages(pages: readonly OutputObject[]) {
  const requests: Record<string, unknown>[] = [];
  const fetchPage: FetchPage = async (input) => {
    requests.push(input);
    const page = pages[requests.length - 1];
    if (page === undefined) throw new Error(`unexpected request ${requests.length}`);
    return page;
  };
  return { fetchPage, requests };
}

/** How AWS CLI 2.9 prints an error on stderr. */
function asV29Stderr(error: CliError): string {
  return `\n${error.message}\n`;
}

function query(value: OutputValue, expression: string): OutputValue {
  return applyQuery(compileQuery(expression), value);
}

function tokenJson(token: string): string {
  return Buffer.from(token, 'base64').toString('utf8');
}

// ---------------------------------------------------------------------------------------------

describe('planPagination', () => {
  const none: PaginationOptions = {};

  it.each([
    ['auto-pagination by default', LIST_PARTS_PAGINATOR, {}, false, true],
    ['--no-paginate', LIST_PARTS_PAGINATOR, {}, true, false],
    ['--max-parts (part_number_plus_spaces)', LIST_PARTS_PAGINATOR, { MaxParts: 2 }, false, false],
    ['--part-number-marker', LIST_PARTS_PAGINATOR, { PartNumberMarker: 3 }, false, false],
    ['--key-marker', LIST_MULTIPART_UPLOADS_PAGINATOR, { KeyMarker: 'a' }, false, false],
    ['--upload-id-marker', LIST_MULTIPART_UPLOADS_PAGINATOR, { UploadIdMarker: 'u' }, false, false],
    ['MaxUploads from --cli-input-json, even null', LIST_MULTIPART_UPLOADS_PAGINATOR, { MaxUploads: null }, false, false],
    ['an unrelated member', LIST_MULTIPART_UPLOADS_PAGINATOR, { Prefix: 'p', Bucket: 'b' }, false, true],
  ] as const)('%s', (_name, spec, input, noPaginate, paginate) => {
    expect(planPagination(spec, input, none, noPaginate)).toEqual({ paginate, warnings: [] });
  });

  it.each([
    ['err_nopaginate_with_maxitems', {}, true],
    ['err_maxparts_with_maxitems', { MaxParts: 2 }, false],
  ])('%s: --max-items without pagination is a 252 error', async (name, input, noPaginate) => {
    const error = await errorOfAsync(() => planPagination(LIST_PARTS_PAGINATOR, input, { maxItems: 1 }, noPaginate));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(asV29Stderr(error)).toBe(readGolden(name).stderr);
  });

  it('lists every pagination argument given, in the AWS CLI order', async () => {
    const options = { maxItems: 5, pageSize: 2, startingToken: 'x' };
    const error = await errorOfAsync(() => planPagination(LIST_PARTS_PAGINATOR, {}, options, true));
    expect(error.message).toBe(
      'Cannot specify --no-paginate along with pagination arguments: --starting-token, --page-size, --max-items',
    );
  });

  it.each([
    [0, true],
    [-3, true],
    [1, false],
  ])('--max-items %i warns: %s (head_warn_max_items_zero)', (maxItems, warns) => {
    const plan = planPagination(LIST_PARTS_PAGINATOR, {}, { maxItems }, false);
    expect(plan.warnings.join('')).toBe(warns ? readGolden('head_warn_max_items_zero').stderr : '');
  });
});

describe('NextToken encoding', () => {
  it.each([
    [{ PartNumberMarker: null, boto_truncate_amount: 1 }, readGolden('head_list_parts_text').stdout.split('NEXTTOKEN\t')[1].trim()],
    [{ PartNumberMarker: 4 }, 'eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0='],
    [{ PartNumberMarker: 2, boto_truncate_amount: 1 }, 'eyJQYXJ0TnVtYmVyTWFya2VyIjogMiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0='],
    [
      { KeyMarker: null, UploadIdMarker: null, boto_truncate_amount: 3 },
      readGolden('list_mpu_text_pagesize1').stdout.split('NEXTTOKEN\t')[1].trim(),
    ],
  ])('%j encodes like the AWS CLI', (token, expected) => {
    expect(encodeNextToken(token)).toBe(expected);
  });

  it('escapes like json.dumps with ensure_ascii (checked against Python 3.11)', () => {
    const token = encodeNextToken({ KeyMarker: 'other/ünï 日本\u007f"\\\n\u0001😀', UploadIdMarker: 'u', n: [1, true] });
    expect(tokenJson(token)).toBe(
      '{"KeyMarker": "other/\\u00fcn\\u00ef \\u65e5\\u672c\\u007f\\"\\\\\\n\\u0001\\ud83d\\ude00", "UploadIdMarker": "u", "n": [1, true]}',
    );
  });
});

describe('decodeStartingToken', () => {
  it.each([
    ['a token of ours', LIST_PARTS_PAGINATOR, 'eyJQYXJ0TnVtYmVyTWFya2VyIjogMiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=', { PartNumberMarker: 2 }, 1],
    ['whitespace and junk after the padding are ignored', LIST_PARTS_PAGINATOR, 'eyJQYXJ0TnVt YmVyTWFya2VyIjogNH0=\n!', { PartNumberMarker: 4 }, 0],
    ['padding too early is skipped', LIST_PARTS_PAGINATOR, 'e===yJQYXJ0TnVtYmVyTWFya2VyIjogNH0=', { PartNumberMarker: 4 }, 0],
    ['non-ASCII characters are skipped', LIST_PARTS_PAGINATOR, 'eyJQYXJ0TnVtYmVy\u00e9TWFya2VyIjogNH0=', { PartNumberMarker: 4 }, 0],
    // json.loads refuses a BOM ("Unexpected UTF-8 BOM") where JSON.parse would never see it.
    ['JSON after a BOM: used literally', LIST_PARTS_PAGINATOR, '77u/eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0=', { PartNumberMarker: '77u/eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0=' }, 0],
    ['missing padding: used literally', LIST_PARTS_PAGINATOR, 'eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0', { PartNumberMarker: 'eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0' }, 0],
    ['not base64 JSON: used literally', LIST_PARTS_PAGINATOR, 'garbage', { PartNumberMarker: 'garbage' }, 0],
    ['old style marker___count', LIST_PARTS_PAGINATOR, '5___2', { PartNumberMarker: '5' }, 2],
    ['old style count that is not an int', LIST_PARTS_PAGINATOR, 'a___b', { PartNumberMarker: 'a___b' }, 0],
    ['old style, two markers', LIST_MULTIPART_UPLOADS_PAGINATOR, 'k___u', { KeyMarker: 'k', UploadIdMarker: 'u' }, 0],
    ['old style, two markers and a count', LIST_MULTIPART_UPLOADS_PAGINATOR, 'k___None___ +3 ', { KeyMarker: 'k', UploadIdMarker: null }, 3],
    ['old style, missing markers are None', LIST_MULTIPART_UPLOADS_PAGINATOR, 'k', { KeyMarker: 'k', UploadIdMarker: null }, 0],
  ] as const)('%s', (_name, spec, text, markers, skipItems) => {
    expect(decodeStartingToken(spec, text)).toEqual({ markers, skipItems });
  });

  it.each([
    ['too many old-style parts', 'a___b___c___d', 'Bad starting token: a___b___c___d'],
    ['JSON that is not an object', Buffer.from('[1]').toString('base64'), "'list' object has no attribute 'pop'"],
    ['JSON null', Buffer.from('null').toString('base64'), "'NoneType' object has no attribute 'pop'"],
    ['a count that is not an int', encodeNextToken({ KeyMarker: 'k', UploadIdMarker: null, boto_truncate_amount: 'x' }), 'slice indices must be integers or None or have an __index__ method'],
  ])('%s: exit 255', async (_name, text, message) => {
    const error = await errorOfAsync(() => decodeStartingToken(LIST_MULTIPART_UPLOADS_PAGINATOR, text));
    expect(error.exitCode).toBe(ExitCode.other);
    expect(error.message).toBe(message);
  });
});

describe('fetchPages', () => {
  it('sends --page-size as MaxParts and follows NextPartNumberMarker', async () => {
    const s3 = fakeListParts(PARTS_1_TO_9);
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, { Bucket: 'bkt' }, { pageSize: 2 }, s3.fetchPage);
    expect(s3.requests).toEqual([
      { Bucket: 'bkt', MaxParts: 2 },
      { Bucket: 'bkt', MaxParts: 2, PartNumberMarker: 2 },
      { Bucket: 'bkt', MaxParts: 2, PartNumberMarker: 6 },
    ]);
    expect(pages.map((page) => query(page, 'Parts[].PartNumber'))).toEqual([[1, 2], [4, 6], [9]]);
    expect(nextToken).toBeUndefined();
  });

  it('follows both markers of list-multipart-uploads', async () => {
    const s3 = fakeListUploads(UPLOADS.slice(0, 3));
    const { pages } = await collectPages(LIST_MULTIPART_UPLOADS_PAGINATOR, {}, { pageSize: 2 }, s3.fetchPage);
    expect(s3.requests).toEqual([
      { MaxUploads: 2 },
      { MaxUploads: 2, KeyMarker: 'other/ünïcødé 日本.txt', UploadIdMarker: UPLOADS[1].UploadId },
    ]);
    expect(pages.map((page) => query(page, 'Uploads[].Key'))).toEqual([['dir/obj.txt', 'other/ünïcødé 日本.txt'], ['abort/me']]);
  });

  it('stops on a --max-items page boundary without another request (list_parts_pagesize1_maxitems3)', async () => {
    const s3 = fakeListParts(PARTS_1_TO_9);
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, {}, { pageSize: 1, maxItems: 3 }, s3.fetchPage);
    expect(s3.requests).toHaveLength(3);
    expect(pages.map((page) => query(page, 'Parts[].PartNumber'))).toEqual([[1], [2], [4]]);
    expect(tokenJson(nextToken as string)).toBe('{"PartNumberMarker": 4}');
  });

  it('cuts a page at --max-items and resumes from the markers that page was requested with', async () => {
    const s3 = fakeListParts([1, 2, 4, 6, 9, 10].map((number) => part(number)));
    const partNumbers = (pages: OutputObject[]) => pages.map((page) => query(page, 'Parts[].PartNumber'));
    const first = await collectPages(LIST_PARTS_PAGINATOR, {}, { pageSize: 3, maxItems: 4 }, s3.fetchPage);
    expect(partNumbers(first.pages)).toEqual([[1, 2, 4], [6]]);
    expect(tokenJson(first.nextToken as string)).toBe('{"PartNumberMarker": 4, "boto_truncate_amount": 1}');

    // The resumed page is requested again and its printed item skipped; a second cut inside
    // that same page counts the skipped item as well.
    const second = await collectPages(LIST_PARTS_PAGINATOR, {}, { pageSize: 3, maxItems: 1, startingToken: first.nextToken }, s3.fetchPage);
    expect(s3.requests.at(-1)).toEqual({ MaxParts: 3, PartNumberMarker: 4 });
    expect(partNumbers(second.pages)).toEqual([[9]]);
    expect(tokenJson(second.nextToken as string)).toBe('{"PartNumberMarker": 4, "boto_truncate_amount": 2}');

    const third = await collectPages(LIST_PARTS_PAGINATOR, {}, { startingToken: second.nextToken }, s3.fetchPage);
    expect(partNumbers(third.pages)).toEqual([[10]]);
    expect(third.nextToken).toBeUndefined();
  });

  it('resumes from a NextToken of the AWS CLI (list_parts_starting_token)', async () => {
    const s3 = fakeListParts(PARTS_RESUMED_AT_7);
    const options = { startingToken: 'eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0=', maxItems: 2 };
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, {}, options, s3.fetchPage);
    expect(s3.requests).toEqual([{ PartNumberMarker: 4 }]);
    expect(pages.map((page) => query(page, 'Parts[].PartNumber'))).toEqual([[7, 8]]);
    expect(tokenJson(nextToken as string)).toBe('{"PartNumberMarker": 4, "boto_truncate_amount": 2}');
  });

  it('--max-items 0 yields an empty page and a token for the whole first page', async () => {
    const s3 = fakeListParts(FIRST_TWO_PARTS);
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, {}, { maxItems: 0 }, s3.fetchPage);
    expect(pages.map((page) => page.Parts)).toEqual([[]]);
    expect(tokenJson(nextToken as string)).toBe('{"PartNumberMarker": null, "boto_truncate_amount": 0}');
  });

  it('a negative --max-items cuts from the end, as Python slicing does', async () => {
    const s3 = fakeListParts(PARTS_1_TO_9);
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, {}, { maxItems: -2 }, s3.fetchPage);
    expect(query(pages[0], 'Parts[].PartNumber')).toEqual([1, 2, 4]);
    expect(tokenJson(nextToken as string)).toBe('{"PartNumberMarker": null, "boto_truncate_amount": -2}');
  });

  it.each([
    ['IsTruncated is false', { IsTruncated: false, NextPartNumberMarker: 5 }],
    ['the next marker is 0', { IsTruncated: true, NextPartNumberMarker: 0 }],
    ['the next marker is missing', { IsTruncated: true }],
  ])('stops when %s', async (_name, tail) => {
    const s3 = cannedPages([{ Parts: [part(1)], ...tail }]);
    const { pages, nextToken } = await collectPages(LIST_PARTS_PAGINATOR, {}, {}, s3.fetchPage);
    expect(pages).toHaveLength(1);
    expect(nextToken).toBeUndefined();
  });

  it('keeps paging while one of two markers is set, and drops the empty one from the request', async () => {
    const s3 = cannedPages([
      { IsTruncated: true, NextKeyMarker: 'k', NextUploadIdMarker: '' },
      { IsTruncated: false },
    ]);
    await collectPages(LIST_MULTIPART_UPLOADS_PAGINATOR, { Bucket: 'bkt' }, { startingToken: 'k0___u0' }, s3.fetchPage);
    expect(s3.requests).toEqual([
      { Bucket: 'bkt', KeyMarker: 'k0', UploadIdMarker: 'u0' },
      { Bucket: 'bkt', KeyMarker: 'k' },
    ]);
  });

  it.each([
    [LIST_PARTS_PAGINATOR, { NextPartNumberMarker: 2 }, "{'PartNumberMarker': 2}"],
    [LIST_MULTIPART_UPLOADS_PAGINATOR, { NextKeyMarker: "it's", NextUploadIdMarker: 'u' }, `{'KeyMarker': "it's", 'UploadIdMarker': 'u'}`],
    // repr() escapes, checked against Python 3.11
    [
      LIST_MULTIPART_UPLOADS_PAGINATOR,
      { NextKeyMarker: 'a\'b"\\\n\t\u0000\u007f\u00a0é日😀\u200b', NextUploadIdMarker: 'u' },
      `{'KeyMarker': 'a\\'b"\\\\\\n\\t\\x00\\x7f\\xa0é日😀\\u200b', 'UploadIdMarker': 'u'}`,
    ],
  ])('fails with exit 255 when the service repeats its markers', async (spec, markers, shown) => {
    const page = { IsTruncated: true, ...markers };
    const s3 = cannedPages([page, page, page]);
    const error = await errorOfAsync(() => collectPages(spec, {}, {}, s3.fetchPage));
    expect(error.exitCode).toBe(ExitCode.other);
    expect(error.message).toBe(`Error during pagination: The same next token was received twice: ${shown}`);
    expect(s3.requests).toHaveLength(2);
  });

  it('rejects a starting token that is not an int marker before any request (err_bad_starting_token)', async () => {
    const s3 = fakeListParts(FIRST_TWO_PARTS);
    const error = await errorOfAsync(() => collectPages(LIST_PARTS_PAGINATOR, {}, { startingToken: 'garbage' }, s3.fetchPage));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(asV29Stderr(error)).toBe(readGolden('err_bad_starting_token').stderr);
    expect(s3.requests).toEqual([]);
  });

  it.each([
    [LIST_PARTS_PAGINATOR, { PartNumberMarker: [1] }, 'PartNumberMarker, value: [1], type: <class \'list\'>, valid types: <class \'int\'>'],
    [LIST_PARTS_PAGINATOR, { PartNumberMarker: 1.5 }, "PartNumberMarker, value: 1.5, type: <class 'float'>, valid types: <class 'int'>"],
    [LIST_MULTIPART_UPLOADS_PAGINATOR, { KeyMarker: 5, UploadIdMarker: { a: [null, true] } }, "KeyMarker, value: 5, type: <class 'int'>, valid types: <class 'str'>\nInvalid type for parameter UploadIdMarker, value: {'a': [None, True]}, type: <class 'dict'>, valid types: <class 'str'>"],
    [LIST_MULTIPART_UPLOADS_PAGINATOR, { KeyMarker: false, UploadIdMarker: null }, "KeyMarker, value: False, type: <class 'bool'>, valid types: <class 'str'>"],
  ])('validates the types of starting-token markers (%#)', async (spec, markers, problem) => {
    const error = await errorOfAsync(() => collectPages(spec, {}, { startingToken: encodeNextToken(markers) }, cannedPages([]).fetchPage));
    expect(error.message).toBe(`Parameter validation failed:\nInvalid type for parameter ${problem}`);
  });

  it('accepts what botocore accepts: True as an int, the string None as "no marker"', async () => {
    const s3 = cannedPages([{ IsTruncated: false }, { IsTruncated: false }]);
    await collectPages(LIST_PARTS_PAGINATOR, {}, { startingToken: encodeNextToken({ PartNumberMarker: true }) }, s3.fetchPage);
    await collectPages(
      LIST_MULTIPART_UPLOADS_PAGINATOR,
      {},
      { startingToken: encodeNextToken({ KeyMarker: 'None', UploadIdMarker: 'u' }) },
      s3.fetchPage,
    );
    expect(s3.requests).toEqual([{ PartNumberMarker: true }, { UploadIdMarker: 'u' }]);
  });

  it('does not treat garbage as a validation error for list-multipart-uploads (string markers)', async () => {
    const s3 = fakeListUploads(UPLOADS);
    await collectPages(LIST_MULTIPART_UPLOADS_PAGINATOR, {}, { startingToken: 'garbage' }, s3.fetchPage);
    expect(s3.requests).toEqual([{ KeyMarker: 'garbage' }]);
  });

  it('empties the secondary result keys of a resumed first page and sets a missing primary one to null', async () => {
    const s3 = cannedPages([{ CommonPrefixes: [{ Prefix: 'a/' }], IsTruncated: false }]);
    const { pages } = await collectPages(LIST_MULTIPART_UPLOADS_PAGINATOR, {}, { startingToken: 'k___u___1' }, s3.fetchPage);
    expect(pages).toEqual([{ CommonPrefixes: [], IsTruncated: false, Uploads: null }]);
    // A null result key is skipped when aggregating; an empty list is kept.
    expect(aggregatePages(LIST_MULTIPART_UPLOADS_PAGINATOR, pages)).toEqual({ CommonPrefixes: [], RequestCharged: null, Prefix: null });
  });

  it('refuses to encode a resume token whose keys are not the input tokens', async () => {
    const s3 = fakeListParts(PARTS_1_TO_9);
    const options = { startingToken: encodeNextToken({ boto_truncate_amount: 1 }), maxItems: 1 };
    const error = await errorOfAsync(() => collectPages(LIST_PARTS_PAGINATOR, {}, options, s3.fetchPage));
    expect(error.exitCode).toBe(ExitCode.other);
    expect(error.message).toBe("Bad starting token: {'boto_truncate_amount': 2}");
  });
});

describe('aggregatePages', () => {
  it('concatenates result keys in order of first appearance and leaves out keys no page has', () => {
    const pages: OutputObject[] = [
      { CommonPrefixes: [{ Prefix: 'a/' }], Prefix: 'p', Bucket: 'bkt' },
      { Uploads: [UPLOADS[0]], CommonPrefixes: [{ Prefix: 'b/' }], RequestCharged: 'requester' },
    ];
    const aggregated = aggregatePages(LIST_MULTIPART_UPLOADS_PAGINATOR, pages, 'tok');
    expect(aggregated).toEqual({
      CommonPrefixes: [{ Prefix: 'a/' }, { Prefix: 'b/' }],
      Uploads: [UPLOADS[0]],
      RequestCharged: null,
      Prefix: 'p',
      NextToken: 'tok',
    });
    expect(Object.keys(aggregated)).toEqual(['CommonPrefixes', 'Uploads', 'RequestCharged', 'Prefix', 'NextToken']);
    expect(aggregatePages(V2_9_LIST_MULTIPART_UPLOADS, [{ IsTruncated: false }])).toEqual({});
  });
});

describe('textPageRecords', () => {
  const v29PartsHeader = { ChecksumAlgorithm: null, Initiator: { ID: OWNER_ID, DisplayName: 'webfile' }, Owner: OWNER, StorageClass: 'STANDARD' };

  it('page 1 carries the non-aggregate keys, later pages only the result keys, then the NextToken record', async () => {
    const s3 = fakeListParts(LATER_PARTS);
    const { pages, nextToken } = await collectPages(V2_9_LIST_PARTS, {}, { pageSize: 2, maxItems: 3 }, s3.fetchPage);
    expect(textPageRecords(V2_9_LIST_PARTS, pages, nextToken)).toEqual([
      { ...v29PartsHeader, Parts: LATER_PARTS.slice(0, 2) },
      { Parts: [LATER_PARTS[2]] },
      { NextToken: { NextToken: 'eyJQYXJ0TnVtYmVyTWFya2VyIjogMiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=' } },
    ]);
  });

  it('a result key a page lacks is None on every page', () => {
    const pages: OutputObject[] = [{ Uploads: [UPLOADS[0]] }, { Uploads: [UPLOADS[1]], CommonPrefixes: [{ Prefix: 'a/' }] }, {}];
    expect(textPageRecords(LIST_MULTIPART_UPLOADS_PAGINATOR, pages)).toEqual([
      { RequestCharged: null, Prefix: null, Uploads: [UPLOADS[0]], CommonPrefixes: null },
      { Uploads: [UPLOADS[1]], CommonPrefixes: [{ Prefix: 'a/' }] },
      { Uploads: null, CommonPrefixes: null },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The goldens, end to end through the project's formatters
// ---------------------------------------------------------------------------------------------

type Format = 'json' | 'yaml' | 'table' | 'text' | 'yaml-stream';

/**
 * The pages through the product's own render path (renderPages, as run-operation calls it): json,
 * yaml and table print the aggregated dict once; text each page record, NextToken last;
 * yaml-stream each raw page; --query applies to each thing printed (SPEC 1.1, 1.10).
 */
function printPaginated(
  spec: PaginatorSpec,
  { pages, nextToken }: { pages: OutputObject[]; nextToken: string | undefined },
  format: Format,
  expression: string | undefined,
): Promise<string> {
  const title = spec.limitKey === 'MaxParts' ? 'ListParts' : 'ListMultipartUploads';
  const query = expression === undefined ? undefined : compileQuery(expression);
  return renderPages(spec, pages, nextToken, { format, query, title, color: false, width: 80 });
}

const storedParts = (parts: readonly OutputObject[]) => () => fakeListParts(parts).fetchPage;
const storedUploads = (uploads: readonly OutputObject[], honourMaxUploads = true) => () =>
  fakeListUploads(uploads, honourMaxUploads).fetchPage;
const PAGE_NUMBERS_AND_TOKEN = '{P: Parts[].PartNumber, T: NextToken}';

type Replay = [
  golden: string,
  spec: PaginatorSpec,
  store: () => FetchPage,
  options: PaginationOptions,
  format: Format,
  query?: string,
];

const REPLAYS: Replay[] = [
  ['list_parts_json', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'json'],
  ['list_parts_yaml', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'yaml'],
  ['list_parts_table', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'table'],
  ['list_parts_text', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'text'],
  ['list_parts_yaml-stream', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'yaml-stream'],
  ['list_parts_maxitems1_json', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), { maxItems: 1 }, 'json'],
  ['list_parts_maxitems1_text', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), { maxItems: 1 }, 'text'],
  ['list_parts_maxitems1_yamlstream', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), { maxItems: 1 }, 'yaml-stream'],
  // Its token ({"PartNumberMarker": 2, "boto_truncate_amount": 1}) needs pages of two parts.
  ['list_parts_pagesize1_text', V2_9_LIST_PARTS, storedParts(LATER_PARTS), { pageSize: 2, maxItems: 3 }, 'text'],
  ['list_parts_pagesize1_maxitems3', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { pageSize: 1, maxItems: 3 }, 'json', PAGE_NUMBERS_AND_TOKEN],
  ['list_parts_pagesize2_json_query', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { pageSize: 2 }, 'json', 'Parts[0].PartNumber'],
  ['list_parts_pagesize2_text_query', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { pageSize: 2 }, 'text', 'Parts[0].PartNumber'],
  ['list_parts_pagesize2_yamlstream', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { pageSize: 2 }, 'yaml-stream', 'Parts[].PartNumber'],
  ['list_parts_starting_token', LIST_PARTS_PAGINATOR, storedParts(PARTS_RESUMED_AT_7), { startingToken: 'eyJQYXJ0TnVtYmVyTWFya2VyIjogNH0=', maxItems: 2 }, 'json', PAGE_NUMBERS_AND_TOKEN],
  ['json_query_with_nexttoken', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { maxItems: 2 }, 'json', 'Parts[].PartNumber'],
  ['text_query_with_nexttoken', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { maxItems: 2 }, 'text', 'Parts[].PartNumber'],
  ['text_query_nexttoken_kept', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { maxItems: 2 }, 'text', '{P: Parts[].PartNumber, N: NextToken}'],
  ['table_list_parts_maxitems', LIST_PARTS_PAGINATOR, storedParts(PARTS_1_TO_9), { maxItems: 2 }, 'table', '{P: Parts[].PartNumber, N: NextToken}'],
  ['warn_max_items_zero', LIST_PARTS_PAGINATOR, storedParts(FIRST_TWO_PARTS), { maxItems: 0 }, 'json', 'Parts'],
  ['head_warn_max_items_zero', LIST_PARTS_PAGINATOR, storedParts(FIRST_TWO_PARTS), { maxItems: 0 }, 'json', 'Parts'],
  ['argparse_abbrev', V2_9_LIST_PARTS, storedParts(FIRST_TWO_PARTS), {}, 'json', 'Bucket'],
  ['head_argparse_abbrev', LIST_PARTS_PAGINATOR, storedParts(FIRST_TWO_PARTS), {}, 'json', 'Bucket'],
  ['head_list_parts_json', LIST_PARTS_PAGINATOR, storedParts(LATER_PARTS), { maxItems: 1 }, 'json'],
  ['head_list_parts_text', LIST_PARTS_PAGINATOR, storedParts(LATER_PARTS), { maxItems: 1 }, 'text'],
  ['list_mpu_json', V2_9_LIST_MULTIPART_UPLOADS, storedUploads(UPLOADS.slice(0, 2)), {}, 'json'],
  ['list_mpu_yaml', V2_9_LIST_MULTIPART_UPLOADS, storedUploads(UPLOADS.slice(0, 2)), {}, 'yaml'],
  ['list_mpu_table', V2_9_LIST_MULTIPART_UPLOADS, storedUploads(UPLOADS.slice(0, 2)), {}, 'table'],
  ['list_mpu_text', V2_9_LIST_MULTIPART_UPLOADS, storedUploads(UPLOADS.slice(0, 2)), {}, 'text'],
  ['list_mpu_text_pagesize1', V2_9_LIST_MULTIPART_UPLOADS, storedUploads(UPLOADS, false), { pageSize: 1, maxItems: 3 }, 'text'],
  ['list_mpu_empty_json', V2_9_LIST_MULTIPART_UPLOADS, storedUploads([]), {}, 'json'],
  ['head_ssl_no_verify', LIST_MULTIPART_UPLOADS_PAGINATOR, storedUploads([]), {}, 'json'],
  ['head_list_mpu_json', LIST_MULTIPART_UPLOADS_PAGINATOR, storedUploads(UPLOADS), { maxItems: 1 }, 'json'],
  ['head_list_mpu_text', LIST_MULTIPART_UPLOADS_PAGINATOR, storedUploads(UPLOADS), { maxItems: 1 }, 'text'],
];

describe('goldens replayed through renderPages', () => {
  it.each(REPLAYS)('%s', async (name, spec, store, options, format, expression) => {
    const result = await collectPages(spec, {}, options, store());
    expect(await printPaginated(spec, result, format, expression)).toBe(readGolden(name).stdout);
  });

  it('the json output equals JSON.stringify with 4 spaces for these values', async () => {
    const result = await collectPages(LIST_MULTIPART_UPLOADS_PAGINATOR, {}, { maxItems: 1 }, storedUploads(UPLOADS)());
    expect(asJson(aggregatePages(LIST_MULTIPART_UPLOADS_PAGINATOR, result.pages, result.nextToken))).toBe(readGolden('head_list_mpu_json').stdout);
  });
});
