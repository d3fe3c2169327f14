/**
 * botocore's model validation on the assembled input: an empty `Key` (the model's ObjectKey has
 * min 1) would address the bucket itself, e.g. `DELETE /bucket?uploadId=x`, which S3 servers
 * such as moto take for DeleteBucket. The AWS CLI refuses it before sending; so must we, from
 * flags and from --cli-input-json/yaml alike. Expected texts recorded with aws-cli 2.36.7.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';

const NO_NETWORK = { fakeResponses: {} };

function validationFailure(...lines: string[]): string {
  return `\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${lines.join('\n')}\n`;
}

const EMPTY_KEY = 'Invalid length for parameter Key, value: 0, valid min length: 1';

/** Every command whose model has a Key, with the other required flags. */
const WITH_KEY: readonly (readonly [string, readonly string[]])[] = [
  ['abort-multipart-upload', ['--bucket', 'victim', '--upload-id', 'x']],
  ['complete-multipart-upload', ['--bucket', 'victim', '--upload-id', 'x', '--multipart-upload', 'Parts=[{ETag=e,PartNumber=1}]']],
  ['create-multipart-upload', ['--bucket', 'victim']],
  ['list-parts', ['--bucket', 'victim', '--upload-id', 'x']],
  ['upload-part', ['--bucket', 'victim', '--upload-id', 'x', '--part-number', '1']],
  ['upload-part-copy', ['--bucket', 'victim', '--upload-id', 'x', '--part-number', '1', '--copy-source', 'victim/src']],
];

describe('an empty key is refused before anything is sent (exit 252)', () => {
  it.each(WITH_KEY)('%s --key=', async (command, argv) => {
    const result = await runInProcess([command, ...argv, '--key='], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure(EMPTY_KEY));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it.each(WITH_KEY)('%s --cli-input-json {"Key": ""}', async (command, argv) => {
    const result = await runInProcess([command, ...argv, '--cli-input-json', '{"Key": ""}'], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure(EMPTY_KEY));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it.each(WITH_KEY)('%s --cli-input-yaml Key: ""', async (command, argv) => {
    const result = await runInProcess([command, ...argv, '--cli-input-yaml', 'Key: ""'], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure(EMPTY_KEY));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('reports every problem in botocore order: unknown members before the length of a known one', async () => {
    const result = await runInProcess(
      ['upload-part', '--bucket', 'victim', '--key', '', '--upload-id', 'x', '--part-number', '0', '--cli-input-json', '{"Foo": 1}'],
      NO_NETWORK,
    );
    expect(result.stderr).toBe(
      validationFailure(
        'Unknown parameter in input: "Foo", must be one of: Body, Bucket, ContentLength, ContentMD5, ChecksumAlgorithm, ChecksumCRC32, ChecksumCRC32C, ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256, ChecksumSHA512, ChecksumMD5, ChecksumXXHASH64, ChecksumXXHASH3, ChecksumXXHASH128, Key, PartNumber, UploadId, SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5, RequestPayer, ExpectedBucketOwner',
        EMPTY_KEY,
      ),
    );
    expect(result.exitCode).toBe(252);
  });

  it('an invalid bucket name is checked first and reported alone, as botocore checks it before validating', async () => {
    const result = await runInProcess(['abort-multipart-upload', '--bucket', '', '--key=', '--upload-id', 'x'], NO_NETWORK);
    expect(result.stderr).toBe(
      validationFailure(
        'Invalid bucket name "": Bucket name must match the regex "^[a-zA-Z0-9.\\-_]{1,255}$" or be an ARN matching the regex "^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$"',
      ),
    );
    expect(result.calls).toEqual([]);
  });

  it('a one-character key, even outside the BMP, is long enough', async () => {
    const result = await runInProcess(['abort-multipart-upload', '--bucket', 'victim', '--key', '😀', '--upload-id', 'x'], {
      fakeResponses: { AbortMultipartUpload: {} },
    });
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input.Key)).toEqual(['😀']);
  });
});
