/**
 * The upload-part body on the wire as the AWS CLI sends it: `Expect: 100-continue` with every
 * file body, so a refused request is refused before the part is sent; over http the payload's
 * SHA-256 is signed when no checksum protects the part, UNSIGNED-PAYLOAD kept next to one.
 */
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';

const PART = 'hello world part one\n';
const PART_SHA256 = createHash('sha256').update(PART).digest('hex');
const EMPTY_SHA256 = createHash('sha256').digest('hex');
const LARGE_PART_BYTES = 16 * 1024 * 1024;

let proxy: RecordingProxy;
let bucket: string;
let uploadId: string;
let workdir: string;

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startRecordingProxy(endpoint);
  const client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'wire-body');
  uploadId = await createUpload(client, bucket, 'body.bin');
  workdir = mkdtempSync(join(tmpdir(), 's3api-wire-body-'));
  writeFileSync(join(workdir, 'part.bin'), PART);
  writeFileSync(join(workdir, 'empty.bin'), '');
  const large = openSync(join(workdir, 'large.bin'), 'w');
  ftruncateSync(large, LARGE_PART_BYTES);
  closeSync(large);
});

afterAll(async () => {
  await proxy.close();
});

function uploadPart(endpoint: string, body: string, env: Record<string, string> = {}, uploadIdValue = uploadId) {
  return runInProcess(
    ['--endpoint-url', endpoint, 'upload-part', '--bucket', bucket, '--key', 'body.bin', '--part-number', '1',
      '--upload-id', uploadIdValue, '--body', body, '--query', 'ETag', '--output', 'text'],
    { env: { ...TEST_CREDENTIALS, ...env }, cwd: workdir },
  );
}

function lastRequest() {
  return proxy.requests[proxy.requests.length - 1];
}

describe('headers of a file body', () => {
  it.each([
    ['a small part with the default CRC64NVME', 'part.bin', {}, 'UNSIGNED-PAYLOAD', '"3278263a70e49679e82b47bf6b54baf6"'],
    ['a small part under when_required: the SHA-256 signed', 'part.bin', { AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' }, PART_SHA256, '"3278263a70e49679e82b47bf6b54baf6"'],
    ['an empty file under when_required', 'empty.bin', { AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' }, EMPTY_SHA256, '"d41d8cd98f00b204e9800998ecf8427e"'],
  ])('%s', async (_name, body, env, contentSha256, etag) => {
    const result = await uploadPart(proxy.url, body, env);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${etag}\n`);
    const { headers } = lastRequest();
    expect(headers.expect).toBe('100-continue');
    expect(headers['x-amz-content-sha256']).toBe(contentSha256);
    expect(headers.authorization).toContain('x-amz-content-sha256');
  });

  it('--no-sign-request signs nothing, so the body is not hashed for a signature', async () => {
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, '--no-sign-request', 'upload-part', '--bucket', bucket, '--key', 'body.bin', '--part-number', '2',
        '--upload-id', uploadId, '--body', 'part.bin'],
      { env: { ...TEST_CREDENTIALS, AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' }, cwd: workdir },
    );
    expect(result.exitCode).toBe(0);
    const { headers } = lastRequest();
    expect(headers.authorization).toBeUndefined();
    expect(headers.expect).toBe('100-continue');
    expect(headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
  });

  it('CompleteMultipartUpload\'s XML body is no file: no Expect header', async () => {
    const client = testClient(inject('s3Endpoint'));
    const ownUpload = await createUpload(client, bucket, 'complete.bin');
    const uploaded = await uploadPart(proxy.url, 'part.bin', {}, ownUpload);
    const etag = uploaded.stdout.trim();
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, 'complete-multipart-upload', '--bucket', bucket, '--key', 'body.bin', '--upload-id', ownUpload,
        '--multipart-upload', `Parts=[{ETag=${etag},PartNumber=1}]`],
      { env: TEST_CREDENTIALS, cwd: workdir },
    );
    expect(result.exitCode).toBe(0);
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().headers.expect).toBeUndefined();
  });
});

/**
 * A server that refuses every request as soon as its headers arrive, without `100 Continue`,
 * and counts the bytes that reach it afterwards.
 */
async function startRefusingServer(): Promise<{ url: string; bytesAfterHeaders: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let bytesAfterHeaders = 0;
  const refusal =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let head = '';
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      if (answered) {
        bytesAfterHeaders += chunk.length;
        return;
      }
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      answered = true;
      bytesAfterHeaders += head.length - end - 4;
      socket.write(`HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\nContent-Length: ${refusal.length}\r\n\r\n${refusal}`);
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesAfterHeaders: () => bytesAfterHeaders,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('a request refused before the body', () => {
  it('does not stream the part: the error is reported and almost none of 16 MiB was sent', async () => {
    const refusing = await startRefusingServer();
    try {
      const result = await uploadPart(refusing.url, 'large.bin', { AWS_MAX_ATTEMPTS: '1' });
      expect(result.stderr).toBe(
        '\ns3api: [ERROR]: An error occurred (NoSuchUpload) when calling the UploadPart operation: The specified upload does not exist.\n',
      );
      expect(result.exitCode).toBe(254);
      expect(refusing.bytesAfterHeaders()).toBeLessThan(64 * 1024);
    } finally {
      await refusing.close();
    }
  });
});
