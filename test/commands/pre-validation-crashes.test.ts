/**
 * Input values botocore's before-parameter-build handlers use as strings before the validator
 * runs, so a value of another type crashes the AWS CLI with a Python error (exit 255) and sends
 * nothing. Recorded from the newest AWS CLI (head_diff_*).
 *
 * Metadata values that are not strings: botocore's validate_ascii_metadata encodes each value
 * before the parameter validator runs, so the AWS CLI crashes with Python's AttributeError
 * (exit 255). A Bucket that is not a string fails validate_bucket_name's regular expression.
 */
import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { asS3api, readGolden } from '../support/golden.js';

const CREATE = ['create-multipart-upload', '--bucket', 'bkt', '--key', 'dir/obj.txt', '--endpoint-url', 'http://127.0.0.1:5055'];

describe('create-multipart-upload --metadata with a value that is not a string', () => {
  it.each([
    { golden: 'head_diff_metadata_list_value', metadata: 'a=b,c' },
    { golden: 'head_diff_metadata_int_value', metadata: '{"a":"x","b":1}' },
  ])('$golden: $metadata', async ({ golden: name, metadata }) => {
    const golden = readGolden(name);
    const result = await runInProcess([...CREATE, '--metadata', metadata], { fakeResponses: {}, env: TEST_CREDENTIALS });
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it('string values go through', async () => {
    const result = await runInProcess([...CREATE, '--metadata', 'a=b'], {
      fakeResponses: { CreateMultipartUpload: { Bucket: 'bkt', Key: 'dir/obj.txt', UploadId: 'u1' } },
      env: TEST_CREDENTIALS,
    });
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input.Metadata)).toEqual([{ a: 'b' }]);
  });
});

describe('a Bucket that is not a string, from --cli-input-json', () => {
  it.each([
    { golden: 'head_diff_bucket_int_input', input: '{"Bucket":1,"Key":"dir/obj.txt","UploadId":"u"}' },
    { golden: 'head_diff_bucket_null_input', input: '{"Bucket":null}' },
  ])('$golden: $input', async ({ golden: name, input }) => {
    const golden = readGolden(name);
    const result = await runInProcess(['list-parts', '--cli-input-json', input, '--endpoint-url', 'http://127.0.0.1:5055'], {
      fakeResponses: {},
      env: TEST_CREDENTIALS,
    });
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });
});
