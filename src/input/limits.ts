/**
 * S3's multipart limits, checked before anything is sent. The AWS CLI has no such checks: it
 * sends the request and S3 refuses it (InvalidArgument, InvalidPartOrder, MalformedXML,
 * InvalidRange), sometimes after a 5 GiB part has been hashed or uploaded. Each check reports
 * in the layout of botocore's parameter validation, exit 252, and only rejects input S3 would
 * reject anyway.
 */
import { validationError } from '../errors/errors.js';
import { pythonStr } from '../python/repr.js';
import { FileBody } from '../s3/body.js';
import type { SdkInput } from './build-input.js';

const MIN_PART_NUMBER = 1;
const MAX_PART_NUMBER = 10_000;

/** `bytes=first-last`, both zero-based and inclusive: the only form UploadPartCopy accepts. */
const COPY_SOURCE_RANGE = /^bytes=(\d+)-(\d+)$/;

function partNumberOutOfRange(path: string, value: unknown): string | undefined {
  // Values reach here validated as integers; Python's bool is an int, so botocore lets True
  // through as 1.
  const number = Number(value);
  if (number >= MIN_PART_NUMBER && number <= MAX_PART_NUMBER) return undefined;
  return `Invalid value for parameter ${path}, value: ${pythonStr(value)}, valid range: ${MIN_PART_NUMBER}-${MAX_PART_NUMBER}`;
}

/** upload-part, upload-part-copy: `--part-number` within 1..10000. */
export function checkPartNumber(input: SdkInput): void {
  const problem = partNumberOutOfRange('PartNumber', input.PartNumber);
  if (problem) throw validationError([problem]);
}

/** upload-part-copy: `--copy-source-range bytes=first-last` with first <= last. */
export function checkCopySourceRange(input: SdkInput): void {
  const range = input.CopySourceRange;
  if (typeof range !== 'string') return;
  const match = COPY_SOURCE_RANGE.exec(range);
  // BigInt: the offsets are compared exactly whatever their length.
  if (match && BigInt(match[1]) <= BigInt(match[2])) return;
  throw validationError([
    `Invalid value for parameter CopySourceRange, value: ${range}, valid form: bytes=first-last (zero-based, inclusive, first <= last)`,
  ]);
}

/**
 * complete-multipart-upload: S3 completes only a non-empty list of parts in strictly ascending
 * part-number order, each number within 1..10000. Every problem is reported, as botocore
 * reports every invalid member.
 */
export function checkCompletedPartList(input: SdkInput): void {
  const upload = input.MultipartUpload as { Parts?: { PartNumber?: unknown }[] } | undefined;
  if (upload === undefined) return;
  const parts = upload.Parts;
  if (parts === undefined) throw validationError(['Missing required parameter in MultipartUpload: "Parts"']);
  if (parts.length === 0) {
    throw validationError(['Invalid length for parameter MultipartUpload.Parts, value: 0, valid min length: 1']);
  }
  const problems: string[] = [];
  const listed = new Set<number>();
  let previous: number | undefined;
  parts.forEach((part, index) => {
    // A part without a number is left for S3 to refuse: the model does not require one.
    if (part.PartNumber === undefined) return;
    const path = `MultipartUpload.Parts[${index}].PartNumber`;
    const number = Number(part.PartNumber);
    const shown = pythonStr(part.PartNumber);
    const outOfRange = partNumberOutOfRange(path, part.PartNumber);
    if (outOfRange) problems.push(outOfRange);
    else if (listed.has(number)) {
      problems.push(`Invalid value for parameter ${path}, value: ${shown}, part ${number} is listed twice: list each part once`);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an equal number is reported as listed twice before this test, and the first part has no previous one to compare with
    } else if (previous !== undefined && number < previous) {
      problems.push(
        `Invalid value for parameter ${path}, value: ${shown}, it follows part ${previous}: list the parts in ascending order of part number`,
      );
    }
    listed.add(number);
    previous = number;
  });
  if (problems.length > 0) throw validationError(problems);
}

/** The number of bytes a body sends, when it is known before sending. */
function bodyLength(body: unknown): number | undefined {
  if (body === undefined) return 0;
  // Stryker disable next-line ConditionalExpression: equivalent, any other body (a stream) has no length, which is the undefined returned below
  if (body instanceof FileBody || body instanceof Uint8Array) return body.length;
  return undefined;
}

/**
 * upload-part: a ContentLength that is not the size of the body. The AWS CLI sends the header as
 * given: S3 stores only the first ContentLength bytes as the part (exit 0, silently truncated),
 * or waits for bytes that never come. Refused in both directions, from a flag or input JSON.
 */
export function checkContentLength(input: SdkInput): void {
  const given = input.ContentLength;
  const actual = bodyLength(input.Body);
  // Values reach here validated as integers (Python's bool among them).
  if (given === undefined || actual === undefined || Number(given) === actual) return;
  throw validationError([
    `Invalid value for parameter ContentLength, value: ${pythonStr(given)}, valid value: ${actual} ` +
      '(the size of the body; leave ContentLength out to send the whole body)',
  ]);
}
