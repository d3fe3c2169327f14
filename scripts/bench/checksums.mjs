/**
 * Throughput of every checksum algorithm as this project computes it, next to the AWS SDK's
 * CRCs: its pure-JavaScript classes and what it uses by default in Node.
 *
 * Measures the compiled module, so run `npm run build` first:
 *   node scripts/bench/checksums.mjs [--size-mib 256] [--runs 5]
 * MB/s means 10^6 bytes per second; each figure is the median of the runs.
 */
import { Crc32, Crc32Js, Crc32c, Crc32cJs, Crc64Nvme, Crc64NvmeJs } from '@aws-sdk/checksums/crc';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CHECKSUM_ALGORITHMS, checksumFile, createChecksum } from '../../dist/s3/checksums.js';

/** Same size as checksumFile reads, so in-memory figures compare with the file figure. */
const CHUNK_BYTES = 1024 * 1024;

/** Which package computes each algorithm (CRC32/CRC32C fall back to hash-wasm without the addon). */
const IMPLEMENTATION = {
  CRC32: '@node-rs/crc32 (native)',
  CRC32C: '@node-rs/crc32 (native)',
  CRC64NVME: 'hash-wasm (wasm)',
  SHA1: 'node:crypto',
  SHA256: 'node:crypto',
  SHA512: 'node:crypto',
  MD5: 'node:crypto',
  XXHASH64: 'hash-wasm (wasm)',
  XXHASH3: 'hash-wasm (wasm)',
  XXHASH128: 'hash-wasm (wasm)',
};

const SDK_PURE_JS = { CRC32: Crc32Js, CRC32C: Crc32cJs, CRC64NVME: Crc64NvmeJs };
const SDK_NODE_DEFAULT = { CRC32: Crc32, CRC32C: Crc32c, CRC64NVME: Crc64Nvme };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median MB/s of `runs` timed calls, after one untimed call so JIT and wasm tiers settle. */
async function measure(byteCount, runs, hashAll) {
  await hashAll();
  const rates = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    await hashAll();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(byteCount / 1e6 / seconds);
  }
  return median(rates);
}

function inChunks(data, update) {
  for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) update(data.subarray(offset, offset + CHUNK_BYTES));
}

async function measureProject(algorithm, data, runs) {
  return measure(data.length, runs, async () => {
    const checksum = await createChecksum(algorithm);
    inChunks(data, (chunk) => checksum.update(chunk));
    checksum.digestBase64();
  });
}

async function measureSdk(ChecksumClass, data, runs) {
  return measure(data.length, runs, async () => {
    const checksum = new ChecksumClass();
    inChunks(data, (chunk) => checksum.update(chunk));
    await checksum.digest();
  });
}

/** Pseudo-random rather than zeros, so no implementation can profit from trivial input. */
function benchmarkData(byteCount) {
  const data = Buffer.allocUnsafe(byteCount);
  let state = 0x9e3779b9;
  for (let offset = 0; offset < byteCount; offset += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data.writeInt32LE(state | 0, offset);
  }
  return data;
}

/**
 * Returns one row per algorithm, plus one for CRC64NVME through checksumFile (file in the page
 * cache, so it shows the reading overhead rather than the disk). SDK figures exist for the CRCs.
 */
export async function benchChecksums({ sizeMiB = 256, runs = 5 } = {}) {
  const data = benchmarkData(sizeMiB * 1024 * 1024);
  const rows = [];
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const row = {
      algorithm,
      implementation: IMPLEMENTATION[algorithm],
      mbPerSecond: await measureProject(algorithm, data, runs),
    };
    if (algorithm in SDK_PURE_JS) {
      row.sdkPureJsMbPerSecond = await measureSdk(SDK_PURE_JS[algorithm], data, runs);
      row.sdkNodeDefaultMbPerSecond = await measureSdk(SDK_NODE_DEFAULT[algorithm], data, runs);
      row.speedupVsSdkPureJs = row.mbPerSecond / row.sdkPureJsMbPerSecond;
    }
    rows.push(row);
  }

  const directory = await mkdtemp(join(tmpdir(), 's3api-bench-'));
  try {
    const path = join(directory, 'part.bin');
    await writeFile(path, data);
    rows.push({
      algorithm: 'CRC64NVME',
      implementation: 'checksumFile, file in page cache',
      mbPerSecond: await measure(data.length, runs, () => checksumFile(path, 'CRC64NVME')),
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

export function formatChecksumRows(rows) {
  const rate = (value) => (value === undefined ? '' : value.toFixed(0));
  const table = [
    ['algorithm', 'implementation', 'MB/s', 'SDK pure-JS MB/s', 'speedup', 'SDK Node default MB/s'],
    ...rows.map((row) => [
      row.algorithm,
      row.implementation,
      rate(row.mbPerSecond),
      rate(row.sdkPureJsMbPerSecond),
      row.speedupVsSdkPureJs === undefined ? '' : `${row.speedupVsSdkPureJs.toFixed(1)}x`,
      rate(row.sdkNodeDefaultMbPerSecond),
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  return table.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { 'size-mib': { type: 'string', default: '256' }, runs: { type: 'string', default: '5' } },
  });
  const sizeMiB = Number(values['size-mib']);
  const runs = Number(values.runs);
  console.log(`Checksum throughput over ${sizeMiB} MiB in ${CHUNK_BYTES / 1024} KiB chunks, median of ${runs} runs`);
  console.log(formatChecksumRows(await benchChecksums({ sizeMiB, runs })));
}
