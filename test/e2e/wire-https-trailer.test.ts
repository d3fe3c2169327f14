/**
 * upload-part over https sends its checksum as botocore does there: an aws-chunked body of
 * 1 MiB chunks ending in a checksum trailer, with the headers that announce it. Each request is
 * compared with the newest AWS CLI's request for the same command line, recorded by an https
 * server that kept the headers and the body after HTTP chunked decoding
 * (test/fixtures/wire-https/upload-part-trailer.json). Over http the checksum stays a header
 * (wire-aws-cli.test.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { decodeAwsChunked } from '../support/aws-chunked.js';
import { createSelfSignedCertificate } from '../support/tls.js';
import { TRAILER_RECORDING, recordedTrailerPart, type RecordedTrailerRequest } from '../support/trailer-recording.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

let server: Server;
let url: string;
let certificateFile: string;
let workdir: string;
const received: Received[] = [];

beforeAll(async () => {
  workdir = mkdtempSync(join(tmpdir(), 's3api-trailer-'));
  const certificate = createSelfSignedCertificate(workdir);
  certificateFile = certificate.certificateFile;
  writeFileSync(join(workdir, 'part.bin'), recordedTrailerPart());
  server = createServer({ cert: readFileSync(certificate.certificateFile), key: readFileSync(certificate.keyFile) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { ETag: '"recorded"' }).end();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

async function sendAsRecorded(recorded: RecordedTrailerRequest): Promise<Received> {
  const before = received.length;
  const result = await runInProcess(
    ['--endpoint-url', url, '--ca-bundle', certificateFile, 'upload-part', '--bucket', 'b', '--key', 'k', '--upload-id', 'u', '--part-number', '1', ...recorded.args],
    { env: TEST_CREDENTIALS, cwd: workdir },
  );
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(received.length).toBe(before + 1);
  return received[before];
}

describe.each(TRAILER_RECORDING.requests)('upload-part over https, $name', (recorded) => {
  let request: Received;
  beforeAll(async () => {
    request = await sendAsRecorded(recorded);
  });

  it('goes to the same URL with the same method', () => {
    expect(request.method).toBe(recorded.method);
    expect(request.url).toBe(recorded.url);
  });

  it('carries the aws-chunked headers the AWS CLI sends, and no Content-Length', () => {
    const announced = Object.fromEntries(Object.keys(recorded.headers).map((name) => [name, request.headers[name]]));
    expect(announced).toEqual(recorded.headers);
    expect(request.headers).not.toHaveProperty('content-length');
    expect(request.headers).not.toHaveProperty('content-md5');
    expect(Object.keys(request.headers).filter((name) => name.startsWith('x-amz-checksum-'))).toEqual([]);
  });

  it('signs every header the AWS CLI signs', () => {
    const signed = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))?.[1].split(';');
    expect(signed).toEqual(expect.arrayContaining([...recorded.signedHeaders]));
  });

  it('sends the same aws-chunked body, byte for byte, trailer included', () => {
    expect(request.body.length).toBe(recorded.bodyLength);
    expect(createHash('sha256').update(request.body).digest('hex')).toBe(recorded.bodySha256);
    const decoded = decodeAwsChunked(request.body);
    expect(decoded.trailer.name).toBe(recorded.headers['x-amz-trailer']);
    expect(decoded.data.length).toBe(Number(recorded.headers['x-amz-decoded-content-length']));
  });
});
