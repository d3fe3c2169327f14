/**
 * --byte-range and --split-size: the sizes they accept, the slice each names in a file, and
 * the refusals (exit 252) before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors/errors.js';
import { MAX_PART_BYTES, parseSize, parseSliceRequest, resolveSlice } from '../../../src/input/body-slice.js';

const MIB = 1024 ** 2;

describe('parseSize', () => {
  it.each([
    ['1', 1],
    ['5242880', 5 * MIB],
    ['64MiB', 64 * MIB],
    ['64mib', 64 * MIB],
    ['512 KiB', 512 * 1024],
    ['5GiB', MAX_PART_BYTES],
    ['1.5GiB', 1.5 * 1024 ** 3],
    [' 8MiB ', 8 * MIB],
  ])('%j is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'MiB', '64MB', '64M', '1.5', '-1', '0x10', '1e6', '64 MiB s', '1.0000001KiB'])('%j is no size', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});

function refusal(action: () => unknown): { exitCode: number; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseSliceRequest', () => {
  it('is undefined without either flag', () => {
    expect(parseSliceRequest(undefined, undefined, 3)).toBeUndefined();
  });

  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=10-19', 10, 19],
    [`bytes=0-${MAX_PART_BYTES - 1}`, 0, MAX_PART_BYTES - 1],
  ])('reads the range %s', (text, first, last) => {
    expect(parseSliceRequest(text, undefined, 1)).toEqual({ kind: 'range', first, last, text });
  });

  it('reads a split size with the part number', () => {
    expect(parseSliceRequest(undefined, '64MiB', 7)).toEqual({ kind: 'split', size: 64 * MIB, partNumber: 7, text: '64MiB' });
  });

  it.each([
    [['bytes=0-9', '5MiB'], 'Cannot specify --byte-range along with --split-size'],
    [['bytes=9-0', undefined], 'Invalid value for --byte-range: bytes=9-0, valid form: bytes=first-last'],
    [['0-9', undefined], 'Invalid value for --byte-range: 0-9'],
    [['bytes=-9', undefined], 'Invalid value for --byte-range: bytes=-9'],
    [['bytes=99999999999999999999-99999999999999999999', undefined], 'Invalid value for --byte-range'],
    [[`bytes=0-${MAX_PART_BYTES}`, undefined], `is ${MAX_PART_BYTES + 1} bytes; a part holds 1 byte to 5 GiB`],
    [[undefined, '0'], 'Invalid value for --split-size: 0 is 0 bytes; a part holds 1 byte to 5 GiB'],
    [[undefined, '6GiB'], 'a part holds 1 byte to 5 GiB'],
    [[undefined, '64MB'], 'Invalid value for --split-size: 64MB, valid form: bytes, or a number with KiB, MiB or GiB'],
  ] as const)('refuses %j', ([byteRange, splitSize], message) => {
    const result = refusal(() => parseSliceRequest(byteRange, splitSize, 1));
    expect(result.exitCode).toBe(252);
    expect(result.message).toContain(message);
  });
});

describe('resolveSlice', () => {
  const split = (size: number, partNumber: number) => parseSliceRequest(undefined, String(size), partNumber)!;

  it.each([
    // file of 25 bytes in parts of 10: 10, 10, 5
    [split(10, 1), 25, { start: 0, length: 10 }],
    [split(10, 2), 25, { start: 10, length: 10 }],
    [split(10, 3), 25, { start: 20, length: 5 }],
    [split(10, 3), 30, { start: 20, length: 10 }],
    [split(64 * MIB, 7), 1024 * MIB, { start: 6 * 64 * MIB, length: 64 * MIB }],
    [parseSliceRequest('bytes=0-24', undefined, 1)!, 25, { start: 0, length: 25 }],
    [parseSliceRequest('bytes=24-24', undefined, 1)!, 25, { start: 24, length: 1 }],
  ])('%j in %d bytes', (request, fileSize, slice) => {
    expect(resolveSlice(request, fileSize, 'big.bin')).toEqual(slice);
  });

  it.each([
    [split(10, 4), 30, '--part-number 4 lies past the end of --body big.bin: 30 bytes in parts of --split-size 10 make 3 parts'],
    [split(10, 1), 0, '0 bytes in parts of --split-size 10 make 0 parts'],
    [split(10, 2), 10, 'make 1 part'],
    [parseSliceRequest('bytes=20-25', undefined, 1)!, 25, '--byte-range bytes=20-25 lies outside --body big.bin, which holds 25 bytes (last byte 24)'],
  ])('refuses %j in %d bytes', (request, fileSize, message) => {
    const result = refusal(() => resolveSlice(request, fileSize, 'big.bin'));
    expect(result.exitCode).toBe(252);
    expect(result.message).toContain(message);
  });
});
