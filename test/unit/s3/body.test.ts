/**
 * FileBody's sender: the exact bytes of the range whatever its offset and size (the two 1 MiB
 * buffers are reused), progress per attempt, a fresh sender per attempt, and a file that shrinks
 * under the upload fails the request instead of leaving it short.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { AwsChunkedBody, BODY_CHUNK_BYTES, BodyChangedError, FileBody, FileRangeSender } from '../../../src/s3/body.js';
import { decodeAwsChunked } from '../../support/aws-chunked.js';

const workdir = mkdtempSync(join(tmpdir(), 's3api-body-'));
const FILE_BYTES = 3 * BODY_CHUNK_BYTES + 12345;

/** Every byte different from its neighbours, so a reused buffer's stale bytes would show. */
function patternedBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = (index * 131 + (index >>> 16)) & 0xff;
  return bytes;
}

const CONTENT = patternedBytes(FILE_BYTES);
const filePath = join(workdir, 'part.bin');
writeFileSync(filePath, CONTENT);

/** A destination that copies each chunk (as a socket would send it) and reports how it ended. */
function collectingDestination(): { destination: Writable; done: Promise<{ bytes: Buffer; error?: Error }> } {
  const chunks: Buffer[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      setImmediate(callback);
    },
  });
  const done = new Promise<{ bytes: Buffer; error?: Error }>((resolve) => {
    destination.on('finish', () => resolve({ bytes: Buffer.concat(chunks) }));
    destination.on('error', (error) => resolve({ bytes: Buffer.concat(chunks), error }));
  });
  return { destination, done };
}

async function send(body: FileBody | AwsChunkedBody): Promise<{ bytes: Buffer; error?: Error }> {
  const sender = await body.open();
  if (!(sender instanceof FileRangeSender)) throw new Error('expected a sender');
  const { destination, done } = collectingDestination();
  sender.pipe(destination);
  return done;
}

describe('FileBody sends exactly its range', () => {
  it.each([
    ['the whole file', 0, FILE_BYTES],
    ['one byte', 7, 1],
    ['exactly one chunk', 0, BODY_CHUNK_BYTES],
    ['one chunk and one byte, odd offset', 1, BODY_CHUNK_BYTES + 1],
    ['a range ending one byte short of the end', 3, FILE_BYTES - 4],
    ['the tail past the last full chunk', 3 * BODY_CHUNK_BYTES, 12345],
  ])('%s', async (_name, start, length) => {
    const { bytes, error } = await send(new FileBody(filePath, start, length));
    expect(error).toBeUndefined();
    expect(bytes.length).toBe(length);
    expect(bytes.equals(CONTENT.subarray(start, start + length))).toBe(true);
  });

  it('an empty range is an empty Buffer, not a sender', () => {
    expect(new FileBody(filePath, 5, 0).open()).toEqual(Buffer.alloc(0));
  });
});

describe('progress and attempts', () => {
  it('onBytesSent counts up to the length after each write, from 0 again for each attempt', async () => {
    const reports: number[] = [];
    const body = new FileBody(filePath, 1, 2 * BODY_CHUNK_BYTES + 10, (sent) => reports.push(sent));
    await send(body);
    const firstAttempt = [...reports];
    expect(firstAttempt).toEqual([BODY_CHUNK_BYTES, 2 * BODY_CHUNK_BYTES, 2 * BODY_CHUNK_BYTES + 10]);
    reports.length = 0;
    const retried = await send(body);
    expect(reports).toEqual(firstAttempt);
    expect(retried.bytes.equals(CONTENT.subarray(1, 1 + 2 * BODY_CHUNK_BYTES + 10))).toBe(true);
  });

  it('a sender sends once: piping it again is an error', () => {
    const sender = new FileBody(filePath, 0, 10).open() as FileRangeSender;
    sender.pipe(collectingDestination().destination);
    expect(() => sender.pipe(collectingDestination().destination)).toThrow(/sends its range once/);
  });
});

describe('a file that changes under the upload', () => {
  it('ending before the range does fails the destination with BodyChangedError', async () => {
    const shrinking = join(workdir, 'shrinking.bin');
    writeFileSync(shrinking, CONTENT);
    const body = new FileBody(shrinking, 0, FILE_BYTES);
    truncateSync(shrinking, BODY_CHUNK_BYTES + 100);
    const { bytes, error } = await send(body);
    expect(error).toBeInstanceOf(BodyChangedError);
    expect(error?.message).toBe(
      `The file ${shrinking} changed while it was being uploaded: it ended at byte ${BODY_CHUNK_BYTES + 100}, before byte ${FILE_BYTES}`,
    );
    expect(bytes.length).toBeLessThan(FILE_BYTES);
  });
});

describe('AwsChunkedBody: the range in 1 MiB aws-chunked chunks, its checksum in the trailer', () => {
  const MIB = 1024 * 1024;
  const bigPath = join(workdir, 'chunked.bin');
  const BIG = patternedBytes(2 * MIB + 777);
  writeFileSync(bigPath, BIG);

  it.each([
    ['the whole file', 0, 2 * MIB + 777, [MIB, MIB, 777]],
    ['an odd range', 3, MIB + 1, [MIB, 1]],
    ['under one chunk', 10, 100, [100]],
  ])('%s: chunk lengths and the checksum of exactly the range', async (_name, start, length, chunkLengths) => {
    const { bytes, error } = await send(new AwsChunkedBody(new FileBody(bigPath, start, length), 'sha256'));
    expect(error).toBeUndefined();
    const decoded = decodeAwsChunked(bytes);
    const range = BIG.subarray(start, start + length);
    expect(decoded.chunkLengths).toEqual(chunkLengths);
    expect(decoded.data.equals(range)).toBe(true);
    expect(decoded.trailer).toEqual({ name: 'x-amz-checksum-sha256', value: createHash('sha256').update(range).digest('base64') });
  });

  it('progress counts the bytes of the part, not the framing, from 0 again for each attempt', async () => {
    const reports: number[] = [];
    const body = new AwsChunkedBody(new FileBody(bigPath, 0, MIB + 3), 'CRC32').withOnBytesSent((sent) => reports.push(sent));
    await send(body);
    await send(body);
    expect(reports).toEqual([MIB, MIB + 3, MIB, MIB + 3]);
  });

  it('every attempt sends the same bytes again, read from the file', async () => {
    const body = new AwsChunkedBody(new FileBody(bigPath, 5, MIB + 9), 'CRC32');
    const first = await send(body);
    const retried = await send(body);
    expect(retried.bytes.equals(first.bytes)).toBe(true);
  });

  it('an empty file range is a body of only the trailer', async () => {
    const encoded = await new AwsChunkedBody(new FileBody(bigPath, 0, 0), 'CRC64NVME').open();
    expect(encoded.toString()).toBe('0\r\nx-amz-checksum-crc64nvme:AAAAAAAAAAA=\r\n\r\n');
  });

  it('a file that shrinks fails the destination before the trailer is sent', async () => {
    const shrinking = join(workdir, 'shrinking-chunked.bin');
    writeFileSync(shrinking, BIG);
    const body = new AwsChunkedBody(new FileBody(shrinking, 0, BIG.length), 'CRC32');
    truncateSync(shrinking, MIB + 5);
    const { bytes, error } = await send(body);
    expect(error).toBeInstanceOf(BodyChangedError);
    expect(bytes.toString('latin1')).not.toContain('x-amz-checksum-crc32:');
  });
});
