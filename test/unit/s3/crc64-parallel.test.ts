/**
 * CRC64NVME across threads: the combine is exact for every split point (checked against the
 * SDK's independent pure-JS CRC over the whole), and checksumFile's two-thread path for a large
 * range gives the single-pass value on ranges whose ends and middle fall off chunk boundaries.
 */
import { Crc64NvmeJs } from '@aws-sdk/checksums/crc';
import { mkdtempSync, openSync, closeSync, writeSync, ftruncateSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_CRC64_MIN_BYTES, checksumFile, createChecksum } from '../../../src/s3/checksums.js';
import { combineCrc64Nvme } from '../../../src/s3/crc64-combine.js';

async function referenceCrc(bytes: Uint8Array): Promise<bigint> {
  const crc = new Crc64NvmeJs();
  crc.update(bytes);
  return Buffer.from(await crc.digest()).readBigUInt64BE();
}

function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

describe('combineCrc64Nvme', () => {
  const data = pseudoRandomBytes(5000, 0x2545f491);
  it.each([0, 1, 2, 7, 8, 9, 255, 256, 2500, 4991, 4999, 5000])('crc(A) ⊕ crc(B) shifted equals crc(A‖B), split at %i', async (cut) => {
    const combined = combineCrc64Nvme(await referenceCrc(data.subarray(0, cut)), await referenceCrc(data.subarray(cut)), data.length - cut);
    expect(combined).toBe(await referenceCrc(data));
  });

  it('the published check value of "123456789" from its halves', async () => {
    const text = Buffer.from('123456789');
    const combined = combineCrc64Nvme(await referenceCrc(text.subarray(0, 4)), await referenceCrc(text.subarray(4)), 5);
    expect(combined.toString(16)).toBe('ae8b14860a799888');
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses the length %d', (length) => {
    expect(() => combineCrc64Nvme(0n, 0n, length)).toThrow(RangeError);
  });
});

describe('checksumFile on a range large enough for two threads', () => {
  // Sparse, with random blocks scattered so that both halves and both ends hold real data.
  const path = join(mkdtempSync(join(tmpdir(), 's3api-crc64-')), 'large.bin');
  const fileBytes = PARALLEL_CRC64_MIN_BYTES + 3 * 1024 * 1024 + 77;
  const fd = openSync(path, 'w+');
  ftruncateSync(fd, fileBytes);
  for (const [offset, seed] of [[0, 11], [4097, 12], [fileBytes / 2 - 999, 13], [fileBytes - 70_000, 14]] as const) {
    writeSync(fd, pseudoRandomBytes(65_536, seed), 0, 65_536, Math.floor(offset));
  }
  closeSync(fd);

  async function singlePass(start: number, end: number): Promise<string> {
    const checksum = await createChecksum('CRC64NVME');
    const handle = openSync(path, 'r');
    const buffer = Buffer.alloc(1024 * 1024 + 3);
    try {
      for (let position = start; position <= end; ) {
        const bytesRead = readSync(handle, buffer, 0, Math.min(buffer.length, end + 1 - position), position);
        checksum.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
    } finally {
      closeSync(handle);
    }
    return checksum.digestBase64();
  }

  it.each([
    ['the whole file', 0, fileBytes - 1],
    ['odd start and end', 4099, fileBytes - 3],
    ['exactly the threshold, odd offset', 1, PARALLEL_CRC64_MIN_BYTES],
  ])('%s', async (_name, start, end) => {
    expect(await checksumFile(path, 'CRC64NVME', { start, end })).toBe(await singlePass(start, end));
  });

  it('a range past the end of the file fails on the worker too', async () => {
    await expect(checksumFile(path, 'CRC64NVME', { start: 0, end: fileBytes + 10 })).rejects.toThrow(/File ended at byte/);
  });
});
