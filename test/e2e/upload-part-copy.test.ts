/**
 * upload-part-copy against a real S3 server, through a recording proxy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, putObject, testClient } from '../support/s3-fixture.js';
import { ON_MOTO } from '../support/server.js';

let proxy: RecordingProxy;
let bucket: string;
let uploadId: string;
const SOURCE = Buffer.alloc(4096, 'x');

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startRecordingProxy(endpoint);
  const client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'upload-part-copy');
  await putObject(client, bucket, 'src/source.bin', SOURCE);
  await putObject(client, bucket, 'src/my file+x ü.bin', SOURCE);
  uploadId = await createUpload(client, bucket, 'dir/obj.txt');
});

afterAll(async () => {
  await proxy.close();
});

/** Runs upload-part-copy through the proxy; `requests` are the ones this run sent, no earlier test's. */
async function uploadPartCopy(copySource: string, extra: readonly string[] = [], format = 'json') {
  const before = proxy.requests.length;
  const result = await runInProcess(
    [
      '--endpoint-url',
      proxy.url,
      '--output',
      format,
      'upload-part-copy',
      '--bucket',
      bucket,
      '--key',
      'dir/obj.txt',
      '--part-number',
      '2',
      '--upload-id',
      uploadId,
      '--copy-source',
      copySource,
      ...extra,
    ],
    { env: { ...TEST_CREDENTIALS } },
  );
  return { ...result, requests: proxy.requests.slice(before) };
}

/** The headers of the one UploadPartCopy request this run sent, after it ended with `exitCode`. */
function sentHeaders(result: Awaited<ReturnType<typeof uploadPartCopy>>, exitCode = 0) {
  expect(result.exitCode).toBe(exitCode);
  expect(result.requests).toHaveLength(1);
  const [request] = result.requests;
  expect(request.method).toBe('PUT');
  expect(new URL(request.url, proxy.url).searchParams.get('uploadId')).toBe(uploadId);
  return request.headers;
}

describe('upload-part-copy', () => {
  it('copies a byte range and prints CopyPartResult like the AWS CLI', async () => {
    const result = await uploadPartCopy(`${bucket}/src/source.bin`, ['--copy-source-range', 'bytes=0-1023']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^\{\n {4}"CopyPartResult": \{\n {8}"ETag": "\\"[0-9a-f]{32}\\"",\n {8}"LastModified": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00"\n {4}\}\n\}\n$/,
    );
    const headers = sentHeaders(result);
    expect(headers['x-amz-copy-source']).toBe(`${bucket}/src/source.bin`);
    expect(headers['x-amz-copy-source-range']).toBe('bytes=0-1023');
    // upload-part-copy carries no request checksum.
    expect(headers['x-amz-sdk-checksum-algorithm']).toBeUndefined();
  });

  it('percent-encodes the copy source the way the AWS CLI does', async () => {
    const result = await uploadPartCopy(`${bucket}/src/my file+x ü.bin`);
    expect(result.exitCode).toBe(0);
    expect(sentHeaders(result)['x-amz-copy-source']).toBe(`${bucket}/src/my%20file%2Bx%20%C3%BC.bin`);
  });

  it('keeps a ?versionId= suffix verbatim', async () => {
    const result = await uploadPartCopy(`${bucket}/src/my file.bin?versionId=abc123`);
    // No such object or version: the request went out, the server answered 404 (254).
    expect(sentHeaders(result, 254)['x-amz-copy-source']).toBe(`${bucket}/src/my%20file.bin?versionId=abc123`);
  });

  it('encodes a version id containing whitespace together with the key', async () => {
    const result = await uploadPartCopy(`${bucket}/src/my file+x ü.bin?versionId=abc 123`);
    // The whole value is the key, which does not exist: the request went out, 404 (254).
    expect(sentHeaders(result, 254)['x-amz-copy-source']).toBe(`${bucket}/src/my%20file%2Bx%20%C3%BC.bin%3FversionId%3Dabc%20123`);
  });

  it('sends the conditional headers with timestamps as RFC 1123 GMT', async () => {
    const result = await uploadPartCopy(`${bucket}/src/source.bin`, [
      '--copy-source-if-match',
      '"etag-a"',
      '--copy-source-if-none-match',
      '"etag-b"',
      '--copy-source-if-modified-since',
      '2020-01-01T10:20:30+02:00',
      '--copy-source-if-unmodified-since',
      '1577874030',
    ]);
    const headers = sentHeaders(result);
    expect(headers['x-amz-copy-source-if-match']).toBe('"etag-a"');
    expect(headers['x-amz-copy-source-if-none-match']).toBe('"etag-b"');
    expect(headers['x-amz-copy-source-if-modified-since']).toBe('Wed, 01 Jan 2020 08:20:30 GMT');
    expect(headers['x-amz-copy-source-if-unmodified-since']).toBe('Wed, 01 Jan 2020 10:20:30 GMT');
  });

  it('encodes SSE-C keys for destination and source', async () => {
    const result = await uploadPartCopy(`${bucket}/src/source.bin`, [
      '--sse-customer-algorithm',
      'AES256',
      '--sse-customer-key',
      '01234567890123456789012345678901',
      '--copy-source-sse-customer-algorithm',
      'AES256',
      '--copy-source-sse-customer-key',
      '01234567890123456789012345678901',
    ]);
    const headers = sentHeaders(result);
    expect(headers['x-amz-server-side-encryption-customer-key']).toBe('MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=');
    expect(headers['x-amz-server-side-encryption-customer-key-md5']).toBe('KYvwGXoFFJ42a2u2GDWhwQ==');
    expect(headers['x-amz-copy-source-server-side-encryption-customer-algorithm']).toBe('AES256');
    expect(headers['x-amz-copy-source-server-side-encryption-customer-key']).toBe('MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=');
    expect(headers['x-amz-copy-source-server-side-encryption-customer-key-md5']).toBe('KYvwGXoFFJ42a2u2GDWhwQ==');
  });

  it('sends the owner and payer headers', async () => {
    const result = await uploadPartCopy(`${bucket}/src/source.bin`, [
      '--expected-bucket-owner',
      '111122223333',
      '--expected-source-bucket-owner',
      '444455556666',
      '--request-payer',
      'requester',
    ]);
    const headers = sentHeaders(result);
    expect(headers['x-amz-expected-bucket-owner']).toBe('111122223333');
    expect(headers['x-amz-source-expected-bucket-owner']).toBe('444455556666');
    expect(headers['x-amz-request-payer']).toBe('requester');
  });

  // Moto only: moto answers a missing source with a bare 404; Swift sends NoSuchKey.
  it.skipIf(!ON_MOTO)('reports a missing source object as the AWS CLI does (moto answers 404 without a body), exit 254', async () => {
    const result = await uploadPartCopy(`${bucket}/src/absent.bin`);
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe('\ns3api: [ERROR]: An error occurred (404) when calling the UploadPartCopy operation: Not Found\n');
  });

  it('rejects an invalid timestamp before sending, exit 252', async () => {
    const before = proxy.requests.length;
    const result = await uploadPartCopy(`${bucket}/src/source.bin`, ['--copy-source-if-modified-since', 'not-a-date']);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      "\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter CopySourceIfModifiedSince, value: not-a-date, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string\n",
    );
    expect(proxy.requests.length).toBe(before);
  });
});
