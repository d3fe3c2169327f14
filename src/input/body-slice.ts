/**
 * upload-part `--byte-range` and `--split-size` (s3api only): one part read from a slice of a
 * big file, so parts can be uploaded in parallel (one process per part number) without first
 * cutting the file into pieces. Pure: the request is parsed from the flags, then resolved
 * against the file's size, and every refusal is an exit-252 error before anything is sent.
 */
import { paramError } from '../errors/errors.js';

/** S3's largest part. */
export const MAX_PART_BYTES = 5 * 1024 ** 3;

/** `bytes=first-last`, zero-based and inclusive: the syntax of `--copy-source-range`. */
const BYTE_RANGE = /^bytes=(\d+)-(\d+)$/;

/** Plain bytes or a binary suffix; a fraction only with a suffix (`1.5GiB`, not `1.5`). */
const SIZE = /^(\d+)$|^(\d+(?:\.\d+)?)\s*(KiB|MiB|GiB)$/i;
const SIZE_UNITS: Readonly<Record<string, number>> = { kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

export type SliceRequest =
  | { readonly kind: 'range'; readonly first: number; readonly last: number; readonly text: string }
  | { readonly kind: 'split'; readonly size: number; readonly partNumber: number; readonly text: string };

export interface Slice {
  readonly start: number;
  readonly length: number;
}

/** `64MiB` -> 67108864; undefined when the text is no size. Whole bytes only. */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const bytes = match[1] !== undefined ? Number(match[1]) : Number(match[2]) * SIZE_UNITS[match[3].toLowerCase()];
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/**
 * The slice the flags ask for, checked as far as it can be without the file: syntax, the
 * two flags being exclusive, 1 byte to 5 GiB. Undefined when neither flag was given.
 */
export function parseSliceRequest(byteRange: unknown, splitSize: unknown, partNumber: unknown): SliceRequest | undefined {
  if (byteRange !== undefined && splitSize !== undefined) {
    throw paramError('Cannot specify --byte-range along with --split-size: the part\'s bytes come from one or the other.');
  }
  if (typeof byteRange === 'string') {
    const match = BYTE_RANGE.exec(byteRange);
    const first = match ? Number(match[1]) : NaN;
    const last = match ? Number(match[2]) : NaN;
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first > last) {
      throw paramError(
        `Invalid value for --byte-range: ${byteRange}, valid form: bytes=first-last (zero-based, inclusive, first <= last)`,
      );
    }
    checkPartSize('--byte-range', byteRange, last - first + 1);
    return { kind: 'range', first, last, text: byteRange };
  }
  if (typeof splitSize === 'string') {
    const size = parseSize(splitSize);
    if (size === undefined) {
      throw paramError(`Invalid value for --split-size: ${splitSize}, valid form: bytes, or a number with KiB, MiB or GiB`);
    }
    checkPartSize('--split-size', splitSize, size);
    return { kind: 'split', size, partNumber: Number(partNumber), text: splitSize };
  }
  return undefined;
}

function checkPartSize(flag: string, text: string, bytes: number): void {
  if (bytes >= 1 && bytes <= MAX_PART_BYTES) return;
  throw paramError(`Invalid value for ${flag}: ${text} is ${bytes} bytes; a part holds 1 byte to 5 GiB (${MAX_PART_BYTES} bytes)`);
}

/**
 * The bytes of a file of `fileSize` bytes the request names. A range must lie inside the file;
 * with --split-size, part N is bytes [(N-1)·size, N·size), the last part shorter, and a part
 * number past the end of the file is refused rather than sent empty.
 */
export function resolveSlice(request: SliceRequest, fileSize: number, bodyName: string): Slice {
  if (request.kind === 'range') {
    if (request.last >= fileSize) {
      throw paramError(
        `--byte-range ${request.text} lies outside --body ${bodyName}, which holds ${fileSize} bytes (last byte ${fileSize - 1})`,
      );
    }
    return { start: request.first, length: request.last - request.first + 1 };
  }
  const start = (request.partNumber - 1) * request.size;
  if (start >= fileSize) {
    const parts = Math.ceil(fileSize / request.size);
    throw paramError(
      `--part-number ${request.partNumber} lies past the end of --body ${bodyName}: ${fileSize} bytes in parts of --split-size ${request.text} make ${parts} part${parts === 1 ? '' : 's'}`,
    );
  }
  return { start, length: Math.min(request.size, fileSize - start) };
}
