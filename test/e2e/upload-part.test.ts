/**
 * upload-part against a real S3 server, through a recording proxy: every flag reaches the wire
 * as the AWS CLI sends it, and stdout, stderr and the exit code match the AWS CLI's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { ON_MOTO } from '../support/server.js';

const PART_ONE = 'hello world part one\n';
const PART_ONE_ETAG = '"3278263a70e49679e82b47bf6b54baf6"';

let proxy: RecordingProxy;
let bucket: string;
let uploadId: string;
let workdir: string;
let partFile: string;

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startRecordingProxy(endpoint);
  const client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'upload-part');
  uploadId = await createUpload(client, bucket, 'dir/obj.txt');
  workdir = mkdtempSync(join(tmpdir(), 's3api-up-'));
  partFile = join(workdir, 'part1.bin');
  writeFileSync(partFile, PART_ONE);
});

afterAll(async () => {
  await proxy.close();
});

/** Runs upload-part through the proxy; `requests` are the ones this run sent, no earlier test's. */
async function uploadPart(extra: readonly string[], env: Record<string, string> = {}) {
  const before = proxy.requests.length;
  const result = await runInProcess(
    [
      '--endpoint-url',
      proxy.url,
      'upload-part',
      '--bucket',
      bucket,
      '--key',
      'dir/obj.txt',
      '--part-number',
      '1',
      '--upload-id',
      uploadId,
      ...extra,
    ],
    { env: { ...TEST_CREDENTIALS, ...env }, cwd: workdir },
  );
  return { ...result, requests: proxy.requests.slice(before) };
}

/** The one UploadPart request a successful run sent. */
function sentUploadPart(result: Awaited<ReturnType<typeof uploadPart>>) {
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.requests).toHaveLength(1);
  const [request] = result.requests;
  expect(request.method).toBe('PUT');
  expect(new URL(request.url, proxy.url).searchParams.get('uploadId')).toBe(uploadId);
  return request;
}

describe('upload-part on the wire', () => {
  // Moto only: moto echoes flexible checksums and answers 500 for an unknown upload; Swift does neither.
  it.skipIf(!ON_MOTO)('sends CRC64NVME by default and prints the AWS CLI JSON bytes', async () => {
    const result = await uploadPart(['--body', 'part1.bin']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`{\n    "ETag": "\\"3278263a70e49679e82b47bf6b54baf6\\"",\n    "ChecksumCRC64NVME": "K18kJBvWuxY="\n}\n`);
    const request = sentUploadPart(result);
    expect(request.method).toBe('PUT');
    const url = new URL(request.url, proxy.url);
    expect(url.pathname).toBe(`/${bucket}/dir/obj.txt`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ partNumber: '1', uploadId });
    expect(request.headers['x-amz-sdk-checksum-algorithm']).toBe('CRC64NVME');
    expect(request.headers['x-amz-checksum-crc64nvme']).toBe('K18kJBvWuxY=');
    expect(request.headers['content-md5']).toBeUndefined();
    expect(request.headers['content-length']).toBe(String(PART_ONE.length));
    expect(request.bodyLength).toBe(PART_ONE.length);
  });

  it('sends no checksum under request_checksum_calculation=when_required', async () => {
    const result = await uploadPart(['--body', 'part1.bin'], { AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' });
    expect(result.stdout).toBe(`{\n    "ETag": "\\"3278263a70e49679e82b47bf6b54baf6\\""\n}\n`);
    const headers = sentUploadPart(result).headers;
    expect(Object.keys(headers).filter((name) => name.startsWith('x-amz-checksum') || name === 'x-amz-sdk-checksum-algorithm')).toEqual([]);
  });

  // Moto only: moto echoes flexible checksums and answers 500 for an unknown upload; Swift does neither.
  it.skipIf(!ON_MOTO)('echoes the user spelling of --checksum-algorithm and computes that algorithm', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--checksum-algorithm', 'crc32c']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ETag: PART_ONE_ETAG, ChecksumCRC32C: 'dkNvOQ==' });
    expect(sentUploadPart(result).headers['x-amz-sdk-checksum-algorithm']).toBe('crc32c');
    expect(sentUploadPart(result).headers['x-amz-checksum-crc32c']).toBe('dkNvOQ==');
  });

  it('computes SHA256 when asked', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--checksum-algorithm', 'SHA256']);
    expect(result.exitCode).toBe(0);
    const expected = (await import('node:crypto')).createHash('sha256').update(PART_ONE).digest('base64');
    expect(sentUploadPart(result).headers['x-amz-checksum-sha256']).toBe(expected);
  });

  it('sends a user-given checksum value as is and turns calculation off', async () => {
    // The part's true CRC32, so every S3 accepts it: the upload succeeds (0), not just "sent".
    const crc32 = Buffer.alloc(4);
    crc32.writeUInt32BE(zlibCrc32(PART_ONE));
    const result = await uploadPart(['--body', 'part1.bin', '--checksum-crc32', crc32.toString('base64')]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const headers = sentUploadPart(result).headers;
    expect(headers['x-amz-checksum-crc32']).toBe(crc32.toString('base64'));
    expect(headers['x-amz-sdk-checksum-algorithm']).toBeUndefined();
    expect(headers['x-amz-checksum-crc64nvme']).toBeUndefined();
  });

  it('keeps CRC64NVME next to a user-given --content-md5', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--content-md5', 'MngmOnDklnnoK0e/a1S69g==']);
    expect(result.exitCode).toBe(0);
    const headers = sentUploadPart(result).headers;
    expect(headers['content-md5']).toBe('MngmOnDklnnoK0e/a1S69g==');
    expect(headers['x-amz-checksum-crc64nvme']).toBe('K18kJBvWuxY=');
  });

  it('refuses MD5 as a checksum algorithm before sending, exit 255', async () => {
    const before = proxy.requests.length;
    const result = await uploadPart(['--body', 'part1.bin', '--checksum-algorithm', 'MD5']);
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe('\ns3api: [ERROR]: Unsupported checksum algorithm: md5\n');
    expect(proxy.requests.length).toBe(before);
  });

  // Moto only: moto echoes flexible checksums and answers 500 for an unknown upload; Swift does neither.
  it.skipIf(!ON_MOTO)('uploads an empty part when --body is omitted', async () => {
    const result = await uploadPart([]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ETag: '"d41d8cd98f00b204e9800998ecf8427e"', ChecksumCRC64NVME: 'AAAAAAAAAAA=' });
    expect(sentUploadPart(result).bodyLength).toBe(0);
  });

  it('encodes --sse-customer-key and adds its MD5 as the AWS CLI does', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--sse-customer-algorithm', 'AES256', '--sse-customer-key', '01234567890123456789012345678901']);
    const headers = sentUploadPart(result).headers;
    expect(headers['x-amz-server-side-encryption-customer-algorithm']).toBe('AES256');
    expect(headers['x-amz-server-side-encryption-customer-key']).toBe('MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=');
    expect(headers['x-amz-server-side-encryption-customer-key-md5']).toBe('KYvwGXoFFJ42a2u2GDWhwQ==');
  });

  it('takes a binary SSE-C key from fileb:// as bytes', async () => {
    const { createHash, randomBytes } = await import('node:crypto');
    const key = randomBytes(32);
    writeFileSync(join(workdir, 'key.bin'), key);
    const result = await uploadPart(['--body', 'part1.bin', '--sse-customer-algorithm', 'AES256', '--sse-customer-key', 'fileb://key.bin']);
    const headers = sentUploadPart(result).headers;
    expect(headers['x-amz-server-side-encryption-customer-key']).toBe(key.toString('base64'));
    expect(headers['x-amz-server-side-encryption-customer-key-md5']).toBe(createHash('md5').update(key).digest('base64'));
  });

  it('sends the SSE-C key untouched when its MD5 is given', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--sse-customer-algorithm', 'AES256', '--sse-customer-key', 'raw-key', '--sse-customer-key-md5', 'given-md5']);
    const headers = sentUploadPart(result).headers;
    expect(headers['x-amz-server-side-encryption-customer-key']).toBe('raw-key');
    expect(headers['x-amz-server-side-encryption-customer-key-md5']).toBe('given-md5');
  });

  it('sends --request-payer, --expected-bucket-owner and --content-length as headers', async () => {
    const result = await uploadPart(['--body', 'part1.bin', '--request-payer', 'requester', '--expected-bucket-owner', '123456789012', '--content-length', String(PART_ONE.length)]);
    const headers = sentUploadPart(result).headers;
    expect(headers['x-amz-request-payer']).toBe('requester');
    expect(headers['x-amz-expected-bucket-owner']).toBe('123456789012');
    expect(headers['content-length']).toBe(String(PART_ONE.length));
  });

  it('expands ~ and $VAR in --body', async () => {
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, 'upload-part', '--bucket', bucket, '--key', 'dir/obj.txt', '--part-number', '2', '--upload-id', uploadId, '--body', '$PARTDIR/part1.bin'],
      { env: { ...TEST_CREDENTIALS, PARTDIR: workdir }, cwd: tmpdir() },
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).ETag).toBe(PART_ONE_ETAG);
  });
});

describe('upload-part errors', () => {
  it('rejects a --body that is not a file with 252 and sends nothing', async () => {
    const before = proxy.requests.length;
    const result = await uploadPart(['--body', 'missing.bin']);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe("\ns3api: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--body': Blob values must be a path to a file.\n");
    expect(proxy.requests.length).toBe(before);
  });

  // Moto only: moto echoes flexible checksums and answers 500 for an unknown upload; Swift does neither.
  it.skipIf(!ON_MOTO)('reports a service error with exit 254, as the AWS CLI does for moto\'s 500 on an unknown upload', async () => {
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, 'upload-part', '--bucket', bucket, '--key', 'dir/obj.txt', '--part-number', '1', '--upload-id', 'no-such-upload', '--body', 'part1.bin'],
      { cwd: workdir, env: { ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' } },
    );
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (500) when calling the UploadPart operation (reached max retries: 0): Internal Server Error\n',
    );
    expect(result.stdout).toBe('');
  });

  // Moto only: moto echoes flexible checksums and answers 500 for an unknown upload; Swift does neither.
  it.skipIf(!ON_MOTO)('retries a failed part and re-sends the whole body on every attempt', async () => {
    const before = proxy.requests.length;
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, 'upload-part', '--bucket', bucket, '--key', 'dir/obj.txt', '--part-number', '1', '--upload-id', 'no-such-upload', '--body', 'part1.bin'],
      { cwd: workdir, env: { ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '2' } },
    );
    expect(result.stderr).toContain('(reached max retries: 1)');
    const attempts = proxy.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts.map((attempt) => attempt.bodyLength)).toEqual([PART_ONE.length, PART_ONE.length]);
  });

  it('reports a refused connection with exit 255 and the request URL', async () => {
    const result = await runInProcess(['--endpoint-url', 'http://127.0.0.1:9', 'upload-part', '--bucket', 'bkt', '--key', 'k', '--part-number', '1', '--upload-id', 'u'], { env: { ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' } });
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe('\ns3api: [ERROR]: Could not connect to the endpoint URL: "http://127.0.0.1:9/bkt/k?partNumber=1&uploadId=u"\n');
  });

  it('reports missing required options with the usage block, exit 252', async () => {
    const result = await runInProcess(['upload-part', '--bucket', 'bkt']);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --key, --part-number, --upload-id\n\n' +
        'usage: s3api [options] <command> [parameters]\nTo see help text, you can run:\n\n  s3api help\n  s3api <command> help\n',
    );
  });
});
