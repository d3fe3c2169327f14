/**
 * list-parts and list-multipart-uploads over several pages, through the whole command (flags →
 * paginator → render → stdout) against recordings of the newest AWS CLI: `--page-size 1
 * --max-items 2` in text, json, yaml-stream and table (head_list_*_pages_*). The fake S3 serves
 * the listing moto held for those recordings (test/fixtures/listings) the way moto paged it:
 * ListParts by PartNumberMarker/MaxParts; ListMultipartUploads ignoring MaxUploads (moto 5).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';
import { readGolden } from '../support/golden.js';

type Listing = Record<string, unknown>;

const LISTINGS = resolve(import.meta.dirname, '../fixtures/listings');
const readListing = (name: string): Listing => JSON.parse(readFileSync(resolve(LISTINGS, `${name}.json`), 'utf8'));

const PARTS_LISTING = readListing('head_list_parts_pages');
const UPLOADS_LISTING = readListing('head_list_mpu_pages');
const UPLOAD_ID = PARTS_LISTING.UploadId as string;

/** One ListParts page of the stored listing: the parts above PartNumberMarker, at most MaxParts. */
function listPartsPage(input: Record<string, unknown>): Listing {
  const parts = PARTS_LISTING.Parts as { PartNumber: number }[];
  const marker = Number(input.PartNumberMarker ?? 0);
  const maxParts = Number(input.MaxParts ?? 1000);
  const remaining = parts.filter((part) => part.PartNumber > marker);
  const returned = remaining.slice(0, maxParts);
  return {
    ...PARTS_LISTING,
    PartNumberMarker: marker,
    NextPartNumberMarker: returned.at(-1)?.PartNumber ?? 0,
    MaxParts: maxParts,
    IsTruncated: remaining.length > returned.length,
    Parts: returned,
  };
}

const FORMATS = [
  ['text', 'text'],
  ['json', 'json'],
  ['yaml-stream', 'yamlstream'],
  ['table', 'table'],
] as const;

describe.each(FORMATS)('--output %s, --page-size 1 --max-items 2', (format, suffix) => {
  it(`list-parts: head_list_parts_pages_${suffix}`, async () => {
    const golden = readGolden(`head_list_parts_pages_${suffix}`);
    const result = await runInProcess(
      ['--output', format, 'list-parts', '--bucket', 'pgbkt', '--key', 'dir/obj.txt', '--upload-id', UPLOAD_ID, '--page-size', '1', '--max-items', '2'],
      { fakeResponses: { ListParts: listPartsPage } },
    );
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
    // Two pages of one part each; the second asked for the parts after the first.
    expect(result.calls.map((call) => [call.input.MaxParts, call.input.PartNumberMarker?.toString()])).toEqual([
      [1, undefined],
      [1, '1'],
    ]);
  });

  it(`list-multipart-uploads: head_list_mpu_pages_${suffix}`, async () => {
    const golden = readGolden(`head_list_mpu_pages_${suffix}`);
    const result = await runInProcess(
      ['--output', format, 'list-multipart-uploads', '--bucket', 'pgbkt', '--page-size', '1', '--max-items', '2'],
      { fakeResponses: { ListMultipartUploads: UPLOADS_LISTING } },
    );
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls.map((call) => call.input.MaxUploads)).toEqual([1]);
  });
});
