import { Crc32Js, Crc32cJs, Crc64NvmeJs } from '@aws-sdk/checksums/crc';
import { Md5Js } from '@aws-sdk/checksums/md5';
import { Sha1Js, Sha256Js, Sha512Js } from '@aws-sdk/checksums/sha';
import { Xxh3_128, Xxh3_64, Xxh64 } from '@aws-sdk/checksums/xxh';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKSUM_ALGORITHMS,
  CHECKSUM_HEADER,
  CHECKSUM_MEMBER,
  FILE_READ_CHUNK_BYTES,
  checksumFile,
  createChecksum,
  type ChecksumAlgorithm,
} from '../../src/s3/checksums.js';

/**
 * Independent implementations to compare with: the AWS SDK's own pure-JavaScript classes,
 * none of which share code with the native addon, the WebAssembly package or OpenSSL.
 */
const REFERENCE_IMPLEMENTATION: Record<
  ChecksumAlgorithm,
  new () => { update(chunk: Uint8Array): void; digest(): Promise<Uint8Array> }
> = {
  CRC32: Crc32Js,
  CRC32C: Crc32cJs,
  CRC64NVME: Crc64NvmeJs,
  SHA1: Sha1Js,
  SHA256: Sha256Js,
  SHA512: Sha512Js,
  MD5: Md5Js,
  XXHASH64: Xxh64,
  XXHASH3: Xxh3_64,
  XXHASH128: Xxh3_128,
};

async function referenceBase64(algorithm: ChecksumAlgorithm, data: Uint8Array): Promise<string> {
  const reference = new REFERENCE_IMPLEMENTATION[algorithm]();
  reference.update(data);
  return Buffer.from(await reference.digest()).toString('base64');
}

async function checksumOf(algorithm: ChecksumAlgorithm, chunks: readonly Uint8Array[]): Promise<string> {
  const checksum = await createChecksum(algorithm);
  for (const chunk of chunks) checksum.update(chunk);
  return checksum.digestBase64();
}

/** Reproducible bytes (xorshift32), so a failure can be replayed. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** Odd sizes so chunk boundaries land inside every block and word the algorithms use. */
const IRREGULAR_CHUNK_SIZES = [1, 7, 8, 15, 16, 63, 4093, 65536, 1048577];

function splitIrregularly(data: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const size = IRREGULAR_CHUNK_SIZES[i % IRREGULAR_CHUNK_SIZES.length];
    chunks.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

const PART_TEXT = 'hello world part one\n';

/**
 * Published values, as hex of the big-endian digest. Sources: the CRC catalogue's check value
 * (input `123456789`) for the CRCs; FIPS 180 / RFC 1321 well-known digests for SHA and MD5; the
 * xxHash reference values for empty input and AWS's aws-c-checksums test vectors
 * (`Hello world`, seed 0) for XXH64, XXH3-64 and XXH3-128; the AWS CLI for CRC64NVME of the
 * part text. The remaining part-text values come from the SDK's pure-JS classes.
 */
const KNOWN_ANSWERS: ReadonlyArray<readonly [ChecksumAlgorithm, string, string]> = [
  ['CRC32', '', '00000000'],
  ['CRC32', '123456789', 'cbf43926'],
  ['CRC32', PART_TEXT, 'd1fef596'],
  ['CRC32C', '', '00000000'],
  ['CRC32C', '123456789', 'e3069283'],
  ['CRC32C', PART_TEXT, '76436f39'],
  ['CRC64NVME', '', '0000000000000000'],
  ['CRC64NVME', '123456789', 'ae8b14860a799888'],
  ['CRC64NVME', PART_TEXT, '2b5f24241bd6bb16'],
  ['SHA1', '', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ['SHA1', PART_TEXT, '6d49a6128c695c9a51531c9da722623008210e38'],
  ['SHA256', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['SHA256', PART_TEXT, '0561aa0940cfd8c8500734762c14121dba0f9b8bbab608b5689e2e6a3665431e'],
  [
    'SHA512',
    '',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce' +
      '47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  ],
  [
    'SHA512',
    PART_TEXT,
    '340e097ff6c2843998ce69d4fde932a273ee2dc21241ede2039b643fd54289e0' +
      'e3c5325dfb27adaff135fd97745aa2087b19a23b7600e5964dcf3ed926e7f244',
  ],
  ['MD5', '', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['MD5', PART_TEXT, '3278263a70e49679e82b47bf6b54baf6'],
  ['XXHASH64', '', 'ef46db3751d8e999'],
  ['XXHASH64', 'Hello world', 'c500b0c912b376d8'],
  ['XXHASH64', PART_TEXT, '0b5dc81186243698'],
  ['XXHASH3', '', '2d06800538d394c2'],
  ['XXHASH3', 'Hello world', 'b6acb9d84a38ff74'],
  ['XXHASH3', PART_TEXT, '632752138b093f92'],
  ['XXHASH128', '', '99aa06d3014798d86001c324468d497f'],
  ['XXHASH128', 'Hello world', '7351f89812f97382b91d05b31e04dd7f'],
  ['XXHASH128', PART_TEXT, '89f3559d9af2f1e6f9869f6dc2082d60'],
];

describe('createChecksum', () => {
  it.each(KNOWN_ANSWERS)('%s of %j is the published value', async (algorithm, text, expectedHex) => {
    const expected = Buffer.from(expectedHex, 'hex').toString('base64');
    expect(await checksumOf(algorithm, [Buffer.from(text)])).toBe(expected);
    expect(await referenceBase64(algorithm, Buffer.from(text))).toBe(expected);
  });

  it('gives the exact CRC64NVME values the AWS CLI sends for upload-part', async () => {
    expect(await checksumOf('CRC64NVME', [Buffer.from(PART_TEXT)])).toBe('K18kJBvWuxY=');
    expect(await checksumOf('CRC64NVME', [])).toBe('AAAAAAAAAAA=');
  });

  // Lengths at the edges of XXH3's short/medium/long paths and of 8- and 16-byte CRC strides.
  const EDGE_LENGTHS = [1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 1023, 1024, 1025, 65539];

  it.each(CHECKSUM_ALGORITHMS)('%s agrees with the SDK at every input-length edge', async (algorithm) => {
    for (const length of EDGE_LENGTHS) {
      const data = pseudoRandomBytes(length, length);
      expect(await checksumOf(algorithm, [data]), `length ${length}`).toBe(await referenceBase64(algorithm, data));
    }
  });

  it.each(CHECKSUM_ALGORITHMS)('%s does not depend on where chunk boundaries fall', async (algorithm) => {
    const data = pseudoRandomBytes(3 * 1024 * 1024 + 5, 42);
    const whole = await checksumOf(algorithm, [data]);
    expect(await checksumOf(algorithm, splitIrregularly(data))).toBe(whole);
    expect(whole).toBe(await referenceBase64(algorithm, data));
  });

  it('accepts chunks that start at an odd offset of a shared buffer', async () => {
    const backing = pseudoRandomBytes(100_003, 7);
    const unaligned = new Uint8Array(backing.buffer, backing.byteOffset + 3, 99_999);
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      expect(await checksumOf(algorithm, [unaligned]), algorithm).toBe(await referenceBase64(algorithm, unaligned));
    }
  });

  it.each(CHECKSUM_ALGORITHMS)('%s refuses data and a second digest once digested', async (algorithm) => {
    const checksum = await createChecksum(algorithm);
    checksum.digestBase64();
    expect(() => checksum.update(Buffer.from('late'))).toThrow(/already digested/);
    expect(() => checksum.digestBase64()).toThrow(/already digested/);
  });

  it('keeps concurrent checksums of one algorithm apart', async () => {
    const [first, second] = await Promise.all([createChecksum('CRC64NVME'), createChecksum('CRC64NVME')]);
    first.update(Buffer.from(PART_TEXT));
    second.update(Buffer.from('other'));
    expect(first.digestBase64()).toBe('K18kJBvWuxY=');
    expect(second.digestBase64()).toBe(await referenceBase64('CRC64NVME', Buffer.from('other')));
  });
});

describe('checksumFile', () => {
  let directory: string;
  let filePath: string;
  let emptyFilePath: string;
  // Spans three read chunks, the last one partial.
  const fileData = pseudoRandomBytes(2 * FILE_READ_CHUNK_BYTES + FILE_READ_CHUNK_BYTES / 2 + 13, 99);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3api-checksums-'));
    filePath = join(directory, 'part.bin');
    emptyFilePath = join(directory, 'empty.bin');
    await writeFile(filePath, fileData);
    await writeFile(emptyFilePath, Buffer.alloc(0));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(CHECKSUM_ALGORITHMS)('%s of a whole file matches the in-memory checksum', async (algorithm) => {
    expect(await checksumFile(filePath, algorithm)).toBe(await referenceBase64(algorithm, fileData));
  });

  it.each(CHECKSUM_ALGORITHMS)('%s of a byte range covers start..end inclusive', async (algorithm) => {
    const range = { start: 1000, end: 2 * FILE_READ_CHUNK_BYTES + 7 };
    const expected = await referenceBase64(algorithm, fileData.subarray(range.start, range.end + 1));
    expect(await checksumFile(filePath, algorithm, range)).toBe(expected);
  });

  it('reads a one-byte range and a range ending on the last byte', async () => {
    expect(await checksumFile(filePath, 'CRC64NVME', { start: 5, end: 5 })).toBe(
      await referenceBase64('CRC64NVME', fileData.subarray(5, 6)),
    );
    const lastByte = fileData.length - 1;
    expect(await checksumFile(filePath, 'CRC32C', { start: 17, end: lastByte })).toBe(
      await referenceBase64('CRC32C', fileData.subarray(17)),
    );
  });

  it('reports the bytes hashed so far, counted from the start of the range', async () => {
    const reported: number[] = [];
    const range = { start: 1000, end: 2 * FILE_READ_CHUNK_BYTES + 7 };
    await checksumFile(filePath, 'SHA256', range, (bytesSoFar) => reported.push(bytesSoFar));
    // A full chunk, then the rest of the 2 * CHUNK + 8 - 1000 bytes of the range.
    expect(reported).toEqual([FILE_READ_CHUNK_BYTES, 2 * FILE_READ_CHUNK_BYTES + 8 - 1000]);
  });

  it.each([
    [{ start: 5, end: 4 }, 'Invalid byte range 5-4: need whole numbers with 0 <= start <= end'],
    [{ start: -1, end: 4 }, 'Invalid byte range -1-4: need whole numbers with 0 <= start <= end'],
    [{ start: 0, end: 1.5 }, 'Invalid byte range 0-1.5: need whole numbers with 0 <= start <= end'],
  ])('refuses the range %j before reading', async (range, message) => {
    await expect(checksumFile(join(directory, 'absent.bin'), 'SHA256', range)).rejects.toThrow(new RangeError(message));
  });

  it('gives the empty-body value for an empty file', async () => {
    expect(await checksumFile(emptyFilePath, 'CRC64NVME')).toBe('AAAAAAAAAAA=');
  });

  it('rejects a range that runs past the end of the file', async () => {
    await expect(checksumFile(filePath, 'CRC32', { start: 10, end: fileData.length })).rejects.toThrow(
      `File ended at byte ${fileData.length}, before the end of the range at byte ${fileData.length}`,
    );
  });

  it.each([
    { start: -1, end: 3 },
    { start: 5, end: 4 },
    { start: 0.5, end: 2 },
    { start: 0, end: Number.NaN },
  ])('rejects the malformed range %j', async (range) => {
    await expect(checksumFile(filePath, 'CRC32', range)).rejects.toThrow(RangeError);
  });

  it('reports a missing file', async () => {
    await expect(checksumFile(join(directory, 'absent.bin'), 'SHA256')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('request fields', () => {
  it.each(CHECKSUM_ALGORITHMS)('%s names its header and UploadPart member', (algorithm) => {
    expect(CHECKSUM_HEADER[algorithm]).toBe(`x-amz-checksum-${algorithm.toLowerCase()}`);
    expect(CHECKSUM_MEMBER[algorithm]).toBe(`Checksum${algorithm}`);
  });
});
