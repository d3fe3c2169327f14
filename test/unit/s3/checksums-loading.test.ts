/**
 * Which implementation modules a checksum loads, and the WebAssembly fallback when the native
 * CRC addon cannot load. Each test re-imports checksums.ts under mocks (vi.resetModules), so
 * the mutation run leaves this file out (vitest.mutation.config.ts): a re-import inside a test
 * makes Stryker attribute every module-level mutant (the header and member tables, the hash
 * factories) to these tests alone, which never look at them, instead of treating them as
 * static mutants.
 */
import { Crc32Js, Crc32cJs } from '@aws-sdk/checksums/crc';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('loading of implementations', () => {
  const MOCKED_MODULES = [
    'node:crypto',
    '@node-rs/crc32',
    'hash-wasm',
    'hash-wasm/dist/crc32.umd.min.js',
    'hash-wasm/dist/crc64.umd.min.js',
  ];

  afterEach(() => {
    for (const path of MOCKED_MODULES) vi.doUnmock(path);
    vi.resetModules();
  });

  it('loads node:crypto, the native addon and one hash-wasm bundle only when needed', async () => {
    const loaded: string[] = [];
    vi.resetModules();
    for (const path of MOCKED_MODULES) {
      vi.doMock(path, async (importOriginal) => {
        loaded.push(path);
        return importOriginal();
      });
    }
    const checksums = await import('../../../src/s3/checksums.js');
    expect(loaded).toEqual([]);
    await checksums.createChecksum('SHA256');
    expect(loaded).toEqual(['node:crypto']);
    await checksums.createChecksum('CRC32C');
    expect(loaded).toEqual(['node:crypto', '@node-rs/crc32']);
    await checksums.createChecksum('CRC64NVME');
    expect(loaded).toEqual(['node:crypto', '@node-rs/crc32', 'hash-wasm/dist/crc64.umd.min.js']);
  });

  it('computes CRC32 and CRC32C with WebAssembly when the native addon cannot load', async () => {
    const wasmCrcPolynomials: number[] = [];
    vi.resetModules();
    vi.doMock('@node-rs/crc32', () => {
      throw new Error('simulated platform without a prebuilt addon');
    });
    vi.doMock('hash-wasm/dist/crc32.umd.min.js', async (importOriginal) => {
      const original = (await importOriginal<typeof import('hash-wasm/dist/crc32.umd.min.js')>()).default;
      return {
        default: {
          createCRC32: (polynomial: number) => {
            wasmCrcPolynomials.push(polynomial);
            return original.createCRC32(polynomial);
          },
        },
      };
    });
    const { createChecksum: createWithFallback } = await import('../../../src/s3/checksums.js');
    // A MiB and a few bytes, fed in uneven chunks, against the SDK's pure-JavaScript CRCs.
    const data = Buffer.from(Array.from({ length: 1024 * 1024 + 3 }, (_, index) => (index * 2_654_435_761) >>> 24));
    const chunks = [data.subarray(0, 7), data.subarray(7, 65_543), data.subarray(65_543)];
    for (const [algorithm, Reference] of [['CRC32', Crc32Js], ['CRC32C', Crc32cJs]] as const) {
      const checksum = await createWithFallback(algorithm);
      for (const chunk of chunks) checksum.update(chunk);
      const reference = new Reference();
      reference.update(data);
      expect(checksum.digestBase64(), algorithm).toBe(Buffer.from(await reference.digest()).toString('base64'));
    }
    expect(wasmCrcPolynomials).toHaveLength(2);
  });
});
