/**
 * create-, complete- and abort-multipart-upload through the whole pipeline with a fake S3: the
 * recorded AWS CLI outputs replayed byte for byte, the SDK input each command builds,
 * s3api's checks that stop a request S3 would refuse, and --parts-from-server.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';
import { readGolden } from '../support/golden.js';

const FORMATS = ['json', 'yaml', 'yaml-stream', 'text', 'table'] as const;
const NO_NETWORK = { fakeResponses: {} };

/** The members of a recorded response in reverse order: the printed order must come from the table. */
function reversed(response: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(response).reverse());
}

/** The argv the AWS CLI logged (`Arguments entered to CLI: [...]`) after `s3api`, in a --debug golden. */
function recordedArguments(name: string): string[] {
  const line = /Arguments entered to CLI: \[(.*)\]$/m.exec(readGolden(name).stderr);
  if (!line) throw new Error(`${name} logs no arguments`);
  const words = [...line[1].matchAll(/'([^'\\]*)'/g)].map((match) => match[1]);
  return words.slice(words.indexOf('s3api') + 1);
}

describe('recorded outputs of the AWS CLI, replayed through the command', () => {
  it.each(FORMATS)('complete_mpu_%s', async (format) => {
    const golden = readGolden(`complete_mpu_${format}`);
    // The SDK's own member order; the CLI prints the header member VersionId first.
    const response = {
      Location: `http://bkt.s3.amazonaws.com/cmp/${format}`,
      Bucket: 'bkt',
      Key: `cmp/${format}`,
      ETag: '"a4a9beace1340046c1183bad651b4dee-1"',
      VersionId: 'null',
    };
    const result = await runInProcess(
      [
        '--output',
        format,
        'complete-multipart-upload',
        '--bucket',
        'bkt',
        '--key',
        `cmp/${format}`,
        '--upload-id',
        'u',
        '--multipart-upload',
        '{"Parts": [{"ETag": "\\"e1\\"", "PartNumber": 1}]}',
      ],
      { fakeResponses: { CompleteMultipartUpload: response } },
    );
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls.map((call) => call.input)).toEqual([
      { Bucket: 'bkt', Key: `cmp/${format}`, UploadId: 'u', MultipartUpload: { Parts: [{ ETag: '"e1"', PartNumber: 1 }] } },
    ]);
  });

  it('complete_shorthand_debug: shorthand parts, quotes stripped from the ETags', async () => {
    const golden = readGolden('complete_shorthand_debug');
    const response = {
      Location: 'http://bkt.s3.amazonaws.com/complete/me',
      Bucket: 'bkt',
      Key: 'complete/me',
      ETag: '"1fc9cde9e61f821c21bcefcd1a2d7d83-2"',
      VersionId: 'null',
    };
    const result = await runInProcess(recordedArguments('complete_shorthand_debug'), {
      fakeResponses: { CompleteMultipartUpload: response },
    });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls[0].input.MultipartUpload).toEqual({
      Parts: [
        { ETag: '5f363e0e58a95f06cbe9bbc662c5dfb6', PartNumber: 1 },
        { ETag: '3278263a70e49679e82b47bf6b54baf6', PartNumber: 2 },
      ],
    });
  });

  it.each(FORMATS)('create_mpu_sse_%s', async (format) => {
    const golden = readGolden(`create_mpu_sse_${format}`);
    const uploadId = /[A-Za-z0-9]{50,}/.exec(golden.stdout)![0];
    // The SDK's member order; the CLI prints the header members first.
    const response = { Bucket: 'bkt', Key: `fmt/${format}`, UploadId: uploadId, ServerSideEncryption: 'AES256', ChecksumAlgorithm: 'SHA256' };
    const result = await runInProcess(
      [
        '--output',
        format,
        'create-multipart-upload',
        '--bucket',
        'bkt',
        '--key',
        `fmt/${format}`,
        '--server-side-encryption',
        'AES256',
        '--checksum-algorithm',
        'SHA256',
      ],
      { fakeResponses: { CreateMultipartUpload: response } },
    );
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls[0].input).toEqual({ Bucket: 'bkt', Key: `fmt/${format}`, ServerSideEncryption: 'AES256', ChecksumAlgorithm: 'SHA256' });
  });

  it.each([
    ['cmu_json', ['--bucket', 'bkt', '--key', 'dir/obj.txt']],
    ['cmu2_json', ['--bucket', 'bkt', '--key', 'other/ünïcødé 日本.txt', '--server-side-encryption', 'AES256', '--metadata', 'a=1']],
  ])('%s', async (name, argv) => {
    const golden = readGolden(name);
    const recorded = JSON.parse(golden.stdout) as Record<string, unknown>;
    const result = await runInProcess(['create-multipart-upload', ...argv], {
      fakeResponses: { CreateMultipartUpload: reversed(recorded) },
    });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it.each([
    ['bool_--bucket-key-enabled', true],
    ['bool_--no-bucket-key-enabled', false],
  ])('%s', async (name, bucketKeyEnabled) => {
    const golden = readGolden(name);
    const recorded = JSON.parse(golden.stdout) as Record<string, unknown>;
    const result = await runInProcess(recordedArguments(name), { fakeResponses: { CreateMultipartUpload: reversed(recorded) } });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls[0].input).toEqual({ Bucket: 'bkt', Key: 'boolk', BucketKeyEnabled: bucketKeyEnabled });
  });

  it('err_metadata_shorthand: key=value pairs, a value with spaces and one with "="', async () => {
    const golden = readGolden('err_metadata_shorthand');
    const uploadId = JSON.parse(golden.stdout) as string;
    const result = await runInProcess(recordedArguments('err_metadata_shorthand'), {
      fakeResponses: { CreateMultipartUpload: { Bucket: 'bkt', Key: 'meta/k', UploadId: uploadId } },
    });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls[0].input.Metadata).toEqual({ a: '1', b: 'two words', c: 'x=y' });
  });

  it.each(FORMATS)('abort_empty_%s: an empty response prints nothing', async (format) => {
    const golden = readGolden(`abort_empty_${format}`);
    const result = await runInProcess(
      ['--output', format, 'abort-multipart-upload', '--bucket', 'bkt', '--key', 'abort/me', '--upload-id', 'u'],
      { fakeResponses: { AbortMultipartUpload: {} } },
    );
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toHaveLength(1);
  });

  it('abort-multipart-upload sends --if-match-initiated-time as a timestamp', async () => {
    const result = await runInProcess(
      ['abort-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--if-match-initiated-time', '2020-01-01T10:20:30+02:00'],
      { fakeResponses: { AbortMultipartUpload: {} } },
    );
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].input.IfMatchInitiatedTime).toEqual(new Date('2020-01-01T08:20:30Z'));
  });
});

describe('paginated yaml-stream', () => {
  const listParts = { ListParts: { Bucket: 'bkt', Parts: [{ PartNumber: 1, ETag: '"e1"', Size: 1 }], IsTruncated: false } };

  it('prints `- {}` for a page whose query result is {} (SPEC §1.9)', async () => {
    const result = await runInProcess(
      ['--output', 'yaml-stream', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--query', '`{}`'],
      { fakeResponses: listParts },
    );
    expect(result.stdout).toBe('- {}\n');
    expect(result.exitCode).toBe(0);
  });

  it('prints nothing for the same {} when the command is not paginated', async () => {
    const result = await runInProcess(
      ['--output', 'yaml-stream', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--query', '`{}`', '--no-paginate'],
      { fakeResponses: listParts },
    );
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

/** The stderr of a check that stops a request: botocore's validation layout, exit 252. */
function validationFailure(...lines: string[]): string {
  return `\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${lines.join('\n')}\n`;
}

const COMPLETE = ['complete-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'];
const UPLOAD_PART = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'];
const UPLOAD_PART_COPY = ['upload-part-copy', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--copy-source', 'src/obj'];

describe('requests S3 would refuse are stopped before anything is sent (exit 252)', () => {
  it.each([
    ['an empty part list', ['--multipart-upload', '{"Parts": []}'], ['Invalid length for parameter MultipartUpload.Parts, value: 0, valid min length: 1']],
    ['no part list at all', ['--multipart-upload', '{}'], ['Missing required parameter in MultipartUpload: "Parts"']],
    [
      'descending part numbers',
      ['--multipart-upload', 'Parts=[{ETag=a,PartNumber=2},{ETag=b,PartNumber=1}]'],
      ['Invalid value for parameter MultipartUpload.Parts[1].PartNumber, value: 1, it follows part 2: list the parts in ascending order of part number'],
    ],
    [
      'a part listed twice',
      ['--multipart-upload', 'Parts=[{ETag=a,PartNumber=1},{ETag=a,PartNumber=1}]'],
      ['Invalid value for parameter MultipartUpload.Parts[1].PartNumber, value: 1, part 1 is listed twice: list each part once'],
    ],
    [
      'every problem of the list at once, part numbers out of range included',
      ['--multipart-upload', 'Parts=[{ETag=a,PartNumber=0},{ETag=b,PartNumber=3},{ETag=c,PartNumber=2},{ETag=d,PartNumber=10001}]'],
      [
        'Invalid value for parameter MultipartUpload.Parts[0].PartNumber, value: 0, valid range: 1-10000',
        'Invalid value for parameter MultipartUpload.Parts[2].PartNumber, value: 2, it follows part 3: list the parts in ascending order of part number',
        'Invalid value for parameter MultipartUpload.Parts[3].PartNumber, value: 10001, valid range: 1-10000',
      ],
    ],
  ])('complete-multipart-upload: %s', async (_title, argv, lines) => {
    const result = await runInProcess([...COMPLETE, ...argv], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure(...lines));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it.each([
    ['upload-part', UPLOAD_PART, '0'],
    ['upload-part', UPLOAD_PART, '10001'],
    ['upload-part-copy', UPLOAD_PART_COPY, '0'],
    ['upload-part-copy', UPLOAD_PART_COPY, ' +10_001 '],
  ])('%s: part number %j', async (_command, argv, partNumber) => {
    const result = await runInProcess([...argv, '--part-number', partNumber], NO_NETWORK);
    const shown = Number(partNumber.replace(/_/g, ''));
    expect(result.stderr).toBe(validationFailure(`Invalid value for parameter PartNumber, value: ${shown}, valid range: 1-10000`));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('upload-part: a part number from --cli-input-json is checked too', async () => {
    const result = await runInProcess([...UPLOAD_PART, '--cli-input-json', '{"PartNumber": -1}'], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure('Invalid value for parameter PartNumber, value: -1, valid range: 1-10000'));
    expect(result.calls).toEqual([]);
  });

  it.each(['bytes=5-1', '0-1023', 'bytes=0-', 'bytes=-100', 'bytes=0-1,5-6', 'Bytes=0-1', 'bytes=0-1 '])(
    'upload-part-copy: --copy-source-range %j',
    async (range) => {
      const result = await runInProcess([...UPLOAD_PART_COPY, '--part-number', '1', '--copy-source-range', range], NO_NETWORK);
      expect(result.stderr).toBe(
        validationFailure(
          `Invalid value for parameter CopySourceRange, value: ${range}, valid form: bytes=first-last (zero-based, inclusive, first <= last)`,
        ),
      );
      expect(result.exitCode).toBe(252);
      expect(result.calls).toEqual([]);
    },
  );

  it.each([
    ['upload-part', [...UPLOAD_PART, '--part-number', '1'], 'UploadPart'],
    ['upload-part', [...UPLOAD_PART, '--part-number', '10000'], 'UploadPart'],
    ['upload-part-copy', [...UPLOAD_PART_COPY, '--part-number', '10000', '--copy-source-range', 'bytes=7-7'], 'UploadPartCopy'],
    ['upload-part-copy', [...UPLOAD_PART_COPY, '--part-number', '1', '--copy-source-range', 'bytes=0-5368709119'], 'UploadPartCopy'],
    ['complete-multipart-upload', [...COMPLETE, '--multipart-upload', 'Parts=[{ETag=a,PartNumber=1},{ETag=b,PartNumber=10000}]'], 'CompleteMultipartUpload'],
  ])('%s: values at the limits are sent', async (_command, argv, operation) => {
    const result = await runInProcess(argv, { fakeResponses: { [operation]: {} } });
    expect(result.stderr).toBe('');
    expect(result.calls.map((call) => call.operation)).toEqual([operation]);
  });
});

describe('complete-multipart-upload --parts-from-server (s3api only)', () => {
  const LIST_PARTS = {
    Bucket: 'bkt',
    Key: 'k',
    UploadId: 'u',
    IsTruncated: false,
    Parts: [
      { PartNumber: 2, LastModified: new Date('2026-11-22T01:20:53Z'), ETag: '"e2"', Size: 21, ChecksumCRC64NVME: 'K18kJBvWuxY=' },
      { PartNumber: 1, LastModified: new Date('2026-11-22T01:20:52Z'), ETag: '"e1"', Size: 5242880, ChecksumCRC64NVME: 'AAAAAAAAAAA=' },
    ],
  };
  const COMPLETED = { Location: 'http://bkt.s3.amazonaws.com/k', Bucket: 'bkt', Key: 'k', ETag: '"f00-2"' };
  const SERVER = { fakeResponses: { ListParts: LIST_PARTS, CompleteMultipartUpload: COMPLETED } };
  const FROM_SERVER = [{ ETag: '"e1"', ChecksumCRC64NVME: 'AAAAAAAAAAA=', PartNumber: 1 }, { ETag: '"e2"', ChecksumCRC64NVME: 'K18kJBvWuxY=', PartNumber: 2 }];

  it('lists the parts, then completes with their ETags and checksums in part-number order', async () => {
    const result = await runInProcess([...COMPLETE, '--parts-from-server', '--request-payer', 'requester', '--if-none-match', '*'], SERVER);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      '{\n    "Location": "http://bkt.s3.amazonaws.com/k",\n    "Bucket": "bkt",\n    "Key": "k",\n    "ETag": "\\"f00-2\\""\n}\n',
    );
    expect(result.calls.map((call) => [call.operation, call.input])).toEqual([
      ['ListParts', { Bucket: 'bkt', Key: 'k', UploadId: 'u', RequestPayer: 'requester' }],
      [
        'CompleteMultipartUpload',
        { Bucket: 'bkt', Key: 'k', UploadId: 'u', RequestPayer: 'requester', IfNoneMatch: '*', MultipartUpload: { Parts: FROM_SERVER } },
      ],
    ]);
  });

  it('takes Bucket, Key and UploadId from --cli-input-json, and the flag from either', async () => {
    const document = '{"Bucket": "bkt", "Key": "k", "UploadId": "u"}';
    const flag = await runInProcess(['complete-multipart-upload', '--cli-input-json', document, '--parts-from-server'], SERVER);
    const key = await runInProcess(
      ['complete-multipart-upload', '--cli-input-json', '{"Bucket": "bkt", "Key": "k", "UploadId": "u", "PartsFromServer": true}'],
      SERVER,
    );
    for (const result of [flag, key]) {
      expect(result.exitCode).toBe(0);
      expect(result.calls.map((call) => call.operation)).toEqual(['ListParts', 'CompleteMultipartUpload']);
      expect(result.calls[1].input).toEqual({ Bucket: 'bkt', Key: 'k', UploadId: 'u', MultipartUpload: { Parts: FROM_SERVER } });
    }
  });

  it.each([
    ['--multipart-upload', [...COMPLETE, '--parts-from-server', '--multipart-upload', '{"Parts": []}']],
    ['MultipartUpload in --cli-input-json', ['complete-multipart-upload', '--parts-from-server', '--cli-input-json', '{"Bucket": "bkt", "Key": "k", "UploadId": "u", "MultipartUpload": {"Parts": []}}']],
  ])('cannot be combined with %s (exit 252, nothing sent)', async (_title, argv) => {
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (ParamValidation): Cannot specify --parts-from-server along with --multipart-upload: the list of parts comes from one or the other.\n',
    );
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('refuses an upload that has no parts, after listing them (exit 255)', async () => {
    const result = await runInProcess([...COMPLETE, '--parts-from-server'], { fakeResponses: { ListParts: { IsTruncated: false } } });
    expect(result.stderr).toBe('\ns3api: [ERROR]: --parts-from-server: S3 lists no parts for this upload, so there is nothing to complete.\n');
    expect(result.exitCode).toBe(255);
    expect(result.calls.map((call) => call.operation)).toEqual(['ListParts']);
  });

  it('--no-parts-from-server leaves --multipart-upload in charge and sends no extra member', async () => {
    const result = await runInProcess([...COMPLETE, '--parts-from-server', '--no-parts-from-server', '--multipart-upload', 'Parts=[{ETag=x,PartNumber=1}]'], SERVER);
    expect(result.calls.map((call) => [call.operation, call.input])).toEqual([
      ['CompleteMultipartUpload', { Bucket: 'bkt', Key: 'k', UploadId: 'u', MultipartUpload: { Parts: [{ ETag: 'x', PartNumber: 1 }] } }],
    ]);
  });

  it.each([
    ['--mu', 'MultipartUpload'],
    ['--multipart', 'MultipartUpload'],
    ['--pa', 'PartsFromServer'],
  ])('abbreviation %s still means its own flag', async (abbreviation, member) => {
    const value = member === 'MultipartUpload' ? ['Parts=[{ETag=x,PartNumber=1}]'] : [];
    const result = await runInProcess([...COMPLETE, abbreviation, ...value], SERVER);
    expect(result.exitCode).toBe(0);
    const sent = result.calls[result.calls.length - 1].input.MultipartUpload;
    expect(sent).toEqual(member === 'MultipartUpload' ? { Parts: [{ ETag: 'x', PartNumber: 1 }] } : { Parts: FROM_SERVER });
  });

  it('is not an AWS member: --cli-input-json errors list only the AWS members, and it takes a boolean', async () => {
    const result = await runInProcess(
      ['complete-multipart-upload', '--cli-input-json', '{"Bucket": "bkt", "Key": "k", "UploadId": "u", "Foo": 1, "PartsFromServer": "yes"}'],
      NO_NETWORK,
    );
    expect(result.stderr).toBe(
      validationFailure(
        'Unknown parameter in input: "Foo", must be one of: Bucket, Key, MultipartUpload, UploadId, ChecksumCRC32, ChecksumCRC32C, ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256, ChecksumSHA512, ChecksumMD5, ChecksumXXHASH64, ChecksumXXHASH3, ChecksumXXHASH128, ChecksumType, MpuObjectSize, RequestPayer, ExpectedBucketOwner, IfMatch, IfNoneMatch, SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5',
        "Invalid type for parameter PartsFromServer, value: yes, type: <class 'str'>, valid types: <class 'bool'>",
      ),
    );
    expect(result.calls).toEqual([]);
  });

  it('is documented in the help page as an s3api-only option', async () => {
    const result = await runInProcess(['complete-multipart-upload', 'help']);
    expect(result.stdout).toContain('       [--parts-from-server | --no-parts-from-server]\n');
    expect(result.stdout).toMatch(
      /\n {7}--parts-from-server \| --no-parts-from-server \(boolean\)\n {10}Take the part list from S3 .*\n {10}s3api only: aws s3api has no such option\.\n/,
    );
  });
});
