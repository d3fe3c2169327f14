/**
 * S3 flexible checksums of a part body, fast enough to keep up with the disk.
 *
 * Each algorithm runs on the fastest implementation measured (scripts/bench/checksums.mjs):
 * - CRC32, CRC32C: @node-rs/crc32 (native, SIMD); hash-wasm when the native addon cannot load.
 * - CRC64NVME, XXHASH64, XXHASH3, XXHASH128: hash-wasm (WebAssembly).
 * - SHA1, SHA256, SHA512, MD5: node:crypto (OpenSSL).
 *
 * The packages, and even node:crypto (about 10 ms), are imported on first use only, so loading
 * this module (e.g. for `--help`) costs nothing. WebAssembly instances are created
 * asynchronously, hence createChecksum returns a promise.
 */
import type { UploadPartCommandInput } from '@aws-sdk/client-s3';
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CHECKSUM_ALGORITHMS } from '../spec/common.js';

// The algorithm list is the model's enum, declared once in the operation tables.
export { CHECKSUM_ALGORITHMS };

export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** Request header that carries the checksum when it is not sent in a trailer. */
export const CHECKSUM_HEADER: Record<ChecksumAlgorithm, string> = {
  CRC32: 'x-amz-checksum-crc32',
  CRC32C: 'x-amz-checksum-crc32c',
  CRC64NVME: 'x-amz-checksum-crc64nvme',
  SHA1: 'x-amz-checksum-sha1',
  SHA256: 'x-amz-checksum-sha256',
  SHA512: 'x-amz-checksum-sha512',
  MD5: 'x-amz-checksum-md5',
  XXHASH64: 'x-amz-checksum-xxhash64',
  XXHASH3: 'x-amz-checksum-xxhash3',
  XXHASH128: 'x-amz-checksum-xxhash128',
};

/** The intersection makes the compiler reject a member name that UploadPart does not have. */
export type ChecksumMember = `Checksum${ChecksumAlgorithm}` & keyof UploadPartCommandInput;

/** Member of UploadPartCommandInput (and of UploadPartOutput) holding the base64 checksum. */
export const CHECKSUM_MEMBER: Record<ChecksumAlgorithm, ChecksumMember> = {
  CRC32: 'ChecksumCRC32',
  CRC32C: 'ChecksumCRC32C',
  CRC64NVME: 'ChecksumCRC64NVME',
  SHA1: 'ChecksumSHA1',
  SHA256: 'ChecksumSHA256',
  SHA512: 'ChecksumSHA512',
  MD5: 'ChecksumMD5',
  XXHASH64: 'ChecksumXXHASH64',
  XXHASH3: 'ChecksumXXHASH3',
  XXHASH128: 'ChecksumXXHASH128',
};

export interface StreamingChecksum {
  update(chunk: Uint8Array): void;
  /** The value S3 expects: base64 of the big-endian digest. Finishes the checksum. */
  digestBase64(): string;
}

/**
 * Reads are small enough to stay in the CPU's L2 cache between the kernel's copy and the hash:
 * with 1 MiB reads the copy went to memory and cost 0.7-0.85 s of system time per GiB, with
 * 128 KiB 0.3-0.4 s (same hashing time). Memory stays flat whatever the part size.
 */
export const FILE_READ_CHUNK_BYTES = 128 * 1024;

/** Reflected polynomials, as table-driven CRCs that shift right use them. */
const CRC32_POLYNOMIAL = 0xedb88320;
const CRC32C_POLYNOMIAL = 0x82f63b78;
const CRC64NVME_POLYNOMIAL_HEX = '9a6c9329ac4bc9b5';

/** S3 computes the xxHash family with seed 0; hash-wasm takes a seed as two 32-bit halves. */
const XXHASH_SEED_LOW = 0;
const XXHASH_SEED_HIGH = 0;

/** What every implementation offers; digest() yields the big-endian digest bytes. */
interface Hasher {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

type CrcFunction = (input: Uint8Array, initialState?: number) => number;
interface NativeCrcFunctions {
  readonly crc32: CrcFunction;
  readonly crc32c: CrcFunction;
}

async function createNodeHash(name: string): Promise<Hasher> {
  const { createHash } = await import('node:crypto');
  return createHash(name);
}

let nativeCrcFunctions: Promise<NativeCrcFunctions | undefined> | undefined;

/**
 * The addon ships as a per-platform optional dependency, which `--omit=optional` or an
 * unlisted platform leaves out; the WebAssembly CRC is the slower stand-in then.
 */
function loadNativeCrcFunctions(): Promise<NativeCrcFunctions | undefined> {
  nativeCrcFunctions ??= import('@node-rs/crc32').then(
    ({ crc32, crc32c }) => ({ crc32, crc32c }),
    () => undefined,
  );
  return nativeCrcFunctions;
}

async function createCrc32FamilyHasher(name: keyof NativeCrcFunctions, polynomial: number): Promise<Hasher> {
  const native = await loadNativeCrcFunctions();
  if (native === undefined) {
    return fromHashWasm((await import('hash-wasm/dist/crc32.umd.min.js')).default.createCRC32(polynomial));
  }
  const crc = native[name];
  let state = 0;
  return {
    update(chunk) {
      state = crc(chunk, state);
    },
    digest() {
      const digest = Buffer.alloc(4);
      digest.writeUInt32BE(state >>> 0);
      return digest;
    },
  };
}

async function fromHashWasm(
  created: Promise<{ update(chunk: Uint8Array): unknown; digest(outputType: 'binary'): Uint8Array }>,
): Promise<Hasher> {
  const hasher = await created;
  return {
    update(chunk) {
      hasher.update(chunk);
    },
    digest: () => hasher.digest('binary'),
  };
}

/**
 * hash-wasm is loaded one algorithm at a time: its main entry embeds every algorithm's
 * WebAssembly and takes about 100 ms longer to load on a busy machine than a single bundle.
 */
const HASHER_FACTORIES: Record<ChecksumAlgorithm, () => Promise<Hasher>> = {
  CRC32: () => createCrc32FamilyHasher('crc32', CRC32_POLYNOMIAL),
  CRC32C: () => createCrc32FamilyHasher('crc32c', CRC32C_POLYNOMIAL),
  CRC64NVME: async () =>
    fromHashWasm((await import('hash-wasm/dist/crc64.umd.min.js')).default.createCRC64(CRC64NVME_POLYNOMIAL_HEX)),
  SHA1: () => createNodeHash('sha1'),
  SHA256: () => createNodeHash('sha256'),
  SHA512: () => createNodeHash('sha512'),
  MD5: () => createNodeHash('md5'),
  XXHASH64: async () =>
    fromHashWasm(
      (await import('hash-wasm/dist/xxhash64.umd.min.js')).default.createXXHash64(XXHASH_SEED_LOW, XXHASH_SEED_HIGH),
    ),
  XXHASH3: async () =>
    fromHashWasm(
      (await import('hash-wasm/dist/xxhash3.umd.min.js')).default.createXXHash3(XXHASH_SEED_LOW, XXHASH_SEED_HIGH),
    ),
  XXHASH128: async () =>
    fromHashWasm(
      (await import('hash-wasm/dist/xxhash128.umd.min.js')).default.createXXHash128(XXHASH_SEED_LOW, XXHASH_SEED_HIGH),
    ),
};

/** Gives every implementation the same rule: once digested, a checksum takes no more data. */
class FinishingChecksum implements StreamingChecksum {
  private finished = false;

  constructor(
    private readonly algorithm: ChecksumAlgorithm,
    private readonly hasher: Hasher,
  ) {}

  update(chunk: Uint8Array): void {
    this.assertNotFinished();
    this.hasher.update(chunk);
  }

  digestBase64(): string {
    this.assertNotFinished();
    this.finished = true;
    const digest = this.hasher.digest();
    return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('base64');
  }

  private assertNotFinished(): void {
    if (this.finished) throw new Error(`The ${this.algorithm} checksum was already digested`);
  }
}

export async function createChecksum(algorithm: ChecksumAlgorithm): Promise<StreamingChecksum> {
  return new FinishingChecksum(algorithm, await HASHER_FACTORIES[algorithm]());
}

/**
 * Checksum of a file, or of the bytes `start..end` (inclusive, like an HTTP range) of it.
 * Reads the range in chunks into a reused buffer (hashFileSpan); a large CRC64NVME range is
 * split over two threads (crc64NvmeOnTwoThreads).
 * A range that runs past the end of the file is an error: the part would be short.
 */
export async function checksumFile(
  path: string,
  algorithm: ChecksumAlgorithm,
  range?: { start: number; end: number },
  onBytesHashed?: (bytesSoFar: number) => void,
): Promise<string> {
  if (range !== undefined) assertValidRange(range);
  if (algorithm === 'CRC64NVME' && range !== undefined && range.end + 1 - range.start >= PARALLEL_CRC64_MIN_BYTES) {
    return crc64NvmeOnTwoThreads(path, range.start, range.end + 1);
  }
  return checksumSpan(path, algorithm, range?.start ?? 0, range === undefined ? Infinity : range.end + 1, onBytesHashed);
}

async function checksumSpan(
  path: string,
  algorithm: ChecksumAlgorithm,
  start: number,
  endExclusive: number,
  onBytesHashed?: (bytesSoFar: number) => void,
): Promise<string> {
  const checksum = await createChecksum(algorithm);
  const handle = await open(path, 'r');
  try {
    await hashFileSpan(handle, checksum, start, endExclusive, onBytesHashed);
  } finally {
    await handle.close();
  }
  return checksum.digestBase64();
}

/**
 * Below this a worker's start-up (tens of milliseconds, about 9 MiB) costs more than it saves.
 * Above it CRC64NVME, the default checksum and the slowest one per byte (WebAssembly, no
 * carry-less multiply), is split: the second half on a worker thread, the first on this one,
 * and the two CRCs combined exactly (crc64-combine.ts). One worker, not two: this thread would
 * otherwise sit idle, and every worker adds to peak RSS.
 */
export const PARALLEL_CRC64_MIN_BYTES = 64 * 1024 * 1024;

async function crc64NvmeOnTwoThreads(path: string, start: number, endExclusive: number): Promise<string> {
  const middle = start + Math.floor((endExclusive - start) / 2);
  const [first, second] = await Promise.all([
    checksumSpan(path, 'CRC64NVME', start, middle),
    crc64NvmeOnWorker(path, middle, endExclusive),
  ]);
  const { combineCrc64Nvme } = await import('./crc64-combine.js');
  const combined = Buffer.alloc(8);
  combined.writeBigUInt64BE(
    combineCrc64Nvme(Buffer.from(first, 'base64').readBigUInt64BE(), Buffer.from(second, 'base64').readBigUInt64BE(), endExclusive - middle),
  );
  return combined.toString('base64');
}

/**
 * The worker's source travels as text (an eval worker) rather than as a file next to this
 * module, so it runs the same from dist/ and from the TypeScript sources under test. It reads
 * synchronously: a worker has nothing else to do meanwhile.
 */
const CRC64_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createCRC64 } = require(workerData.crc64Bundle);
async function crc64OfSpan({ path, start, endExclusive, polynomial, chunkBytes }) {
  const hasher = await createCRC64(polynomial);
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const fd = openSync(path, 'r');
  try {
    for (let position = start; position < endExclusive; ) {
      const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, endExclusive - position), position);
      if (bytesRead === 0) throw new Error('File ended at byte ' + position + ', before the end of the range at byte ' + (endExclusive - 1));
      hasher.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.from(hasher.digest('binary')).toString('base64');
}
crc64OfSpan(workerData).then(
  (base64) => parentPort.postMessage({ base64 }),
  (error) => parentPort.postMessage({ error: error.message }),
);
`;

async function crc64NvmeOnWorker(path: string, start: number, endExclusive: number): Promise<string> {
  const [{ Worker }, { createRequire }] = await Promise.all([import('node:worker_threads'), import('node:module')]);
  const crc64Bundle = createRequire(import.meta.url).resolve('hash-wasm/dist/crc64.umd.min.js');
  const worker = new Worker(CRC64_WORKER_SOURCE, {
    eval: true,
    workerData: { crc64Bundle, path, start, endExclusive, polynomial: CRC64NVME_POLYNOMIAL_HEX, chunkBytes: FILE_READ_CHUNK_BYTES },
  });
  try {
    const reply = await new Promise<{ base64?: string; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The CRC64NVME worker exited with code ${code} before answering`)));
    });
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.base64!;
  } finally {
    await worker.terminate();
  }
}

function assertValidRange({ start, end }: { start: number; end: number }): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}: need whole numbers with 0 <= start <= end`);
  }
}

/**
 * Reads synchronously, like the body sender (body.ts): a page-cache read costs less than its
 * round trip through libuv's thread pool. Between chunks it yields to the event loop, so a
 * checksum computed while a body is sent (an aws-chunked trailer) lets the send go on.
 */
async function hashFileSpan(
  handle: FileHandle,
  checksum: StreamingChecksum,
  start: number,
  endExclusive: number,
  onBytesHashed?: (bytesSoFar: number) => void,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(FILE_READ_CHUNK_BYTES);
  for (let position = start; position < endExclusive; ) {
    const bytesRead = readSync(handle.fd, buffer, 0, Math.min(buffer.length, endExclusive - position), position);
    if (bytesRead === 0) {
      if (endExclusive !== Infinity) {
        throw new Error(`File ended at byte ${position}, before the end of the range at byte ${endExclusive - 1}`);
      }
      return;
    }
    position += bytesRead;
    checksum.update(buffer.subarray(0, bytesRead));
    onBytesHashed?.(position - start);
    await new Promise(setImmediate);
  }
}
