/**
 * The named steps an operation table lists, applied in a fixed order to the SDK input.
 * Each is a small function of the input and the settings it needs.
 */
import { createReadStream } from 'node:fs';
import { generalError, paramError, validationError } from '../errors/errors.js';
import { AwsChunkedBody, FileBody } from '../s3/body.js';
import { parseSliceRequest, resolveSlice, type SliceRequest } from '../input/body-slice.js';
import { STDIN, UnsizedBody, spoolBody, type Scratch } from '../input/unsized-body.js';
import type { S3Port } from '../s3/client.js';
import { encodeCopySource } from '../s3/copy-source.js';
import { checkCompletedPartList, checkContentLength, checkCopySourceRange, checkPartNumber } from '../input/limits.js';
import { completeWithServerParts } from './parts-from-server.js';
import { COPY_SOURCE_SSE_CUSTOMER, SSE_CUSTOMER, encodeCustomerKey, requireTextKey } from '../s3/sse-customer.js';
import { CHECKSUM_ALGORITHMS, CHECKSUM_VALUE_MEMBER_NAMES } from '../spec/common.js';
import type { StepName } from '../spec/types.js';
import type { SdkInput } from '../input/build-input.js';

export interface StepSettings {
  readonly checksumCalculation: 'when_supported' | 'when_required';
  /**
   * Where a computed checksum of a streamed body travels: botocore puts it in an aws-chunked
   * trailer when the request goes over https, in a header otherwise.
   */
  readonly checksumPlacement: 'header' | 'trailer';
  /** Computes a checksum of the body (file range, bytes from --cli-input-*, or empty) as base64. */
  readonly checksumOf: (body: FileBody | Uint8Array | undefined, algorithm: string) => Promise<string>;
  /** The command's S3 connection, for a step that reads from S3 before the request is sent. */
  readonly connect: () => Promise<S3Port>;
  /** Standard input, for `--body -` (CliIO's, so in-process tests can feed it). */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Where a body of unknown size is spooled; the pipeline removes it when the command ends. */
  readonly scratch: Scratch;
  /** Progress of spooling a body of unknown size: what is read, and the bytes so far. */
  readonly onBodyRead?: (source: string, bytesSoFar: number) => void;
}

const STEP_ORDER: readonly StepName[] = [
  // Limits first: nothing is encoded, hashed or sent for a request S3 would refuse.
  'partNumberRange',
  'copySourceRange',
  'copySource',
  'sseCustomerKey',
  'copySourceSseCustomerKey',
  'sseCustomerKeyAsTyped',
  'metadataAscii',
  // After sseCustomerKey, so that ListParts carries the encoded SSE-C key. It reads S3 only
  // when no part list was given, so a given list is still checked before anything is sent.
  'partsFromServer',
  'completedPartList',
  // After the limits, so a bad part number is refused before stdin is read; before the
  // checksum, which hashes the slice that is sent.
  'body',
  'checksum',
];

/** Algorithms the AWS CLI can compute; MD5 is in the model's enum but refused. */
const COMPUTABLE_ALGORITHMS = new Set<string>(CHECKSUM_ALGORITHMS.filter((algorithm) => algorithm !== 'MD5'));

async function applyChecksum(input: SdkInput, settings: StepSettings): Promise<void> {
  // A checksum value given by the user turns calculation off (no x-amz-sdk-checksum-algorithm).
  if (CHECKSUM_VALUE_MEMBER_NAMES.some((member) => input[member] !== undefined)) return;
  const requested = input.ChecksumAlgorithm as string | undefined;
  if (requested === undefined && settings.checksumCalculation === 'when_required') return;
  const algorithm = (requested ?? 'CRC64NVME').toUpperCase();
  if (!COMPUTABLE_ALGORITHMS.has(algorithm)) {
    throw generalError(`Unsupported checksum algorithm: ${(requested ?? algorithm).toLowerCase()}`);
  }
  // The header echoes the user's spelling of the algorithm, as the AWS CLI sends it.
  input.ChecksumAlgorithm = requested ?? algorithm;
  const body = input.Body instanceof FileBody || input.Body instanceof Uint8Array ? input.Body : undefined;
  if (settings.checksumPlacement === 'trailer') {
    // Computed while the body is sent: no pass over the part before the request starts.
    input.Body = new AwsChunkedBody(body ?? new Uint8Array(0), requested ?? algorithm);
    return;
  }
  input[`Checksum${algorithm}`] = await settings.checksumOf(body, algorithm);
}

/**
 * upload-part's body, s3api's additions: a body of unknown size (stdin, FIFO, /proc file) is
 * spooled to a temporary file, and --byte-range / --split-size narrow the file to one slice.
 * The syntax of both flags is checked before stdin is read; their members are not S3's.
 */
async function prepareBody(input: SdkInput, settings: StepSettings): Promise<void> {
  const sliceRequest = parseSliceRequest(input.ByteRange, input.SplitSize, input.PartNumber);
  delete input.ByteRange;
  delete input.SplitSize;
  const given = input.Body;
  const contentLength = input.ContentLength as number | undefined;
  const body =
    given instanceof UnsizedBody
      ? await spoolBody(given, {
          chunks: given.source === STDIN ? settings.stdin : createReadStream(given.source),
          scratch: settings.scratch,
          // --content-length is the part's length: the whole body's only when no slice is cut.
          expectedLength: sliceRequest ? undefined : contentLength,
          onBytesRead: (bytes) => settings.onBodyRead?.(given.source === STDIN ? 'standard input' : given.shownAs, bytes),
        })
      : given;
  input.Body = body;
  if (sliceRequest !== undefined) input.Body = sliceOf(body, sliceRequest, given instanceof UnsizedBody ? given.shownAs : undefined);
  // Against the bytes that are sent: the slice, or the spooled copy of a body of unknown size.
  checkContentLength(input);
}

function sliceOf(body: unknown, sliceRequest: SliceRequest, shownAs: string | undefined): FileBody {
  if (!(body instanceof FileBody)) {
    throw paramError('--byte-range and --split-size cut a part from a file: give the file with --body PATH (or --body - for stdin).');
  }
  const slice = resolveSlice(sliceRequest, body.length, shownAs ?? body.path);
  return new FileBody(body.path, body.start + slice.start, slice.length);
}

function rejectNonAsciiMetadata(input: SdkInput): void {
  const metadata = input.Metadata as Record<string, string> | undefined;
  if (!metadata) return;
  for (const [key, value] of Object.entries(metadata)) {
    if (/[^\x00-\x7f]/.test(key) || /[^\x00-\x7f]/.test(String(value))) {
      throw validationError([
        `Non ascii characters found in S3 metadata for key "${key}", value: "${value}".  \nS3 metadata can only contain ASCII characters. `,
      ]);
    }
  }
}

export async function applySteps(steps: readonly StepName[], input: SdkInput, settings: StepSettings): Promise<void> {
  for (const step of STEP_ORDER) {
    if (!steps.includes(step)) continue;
    switch (step) {
      case 'copySource':
        if (typeof input.CopySource === 'string') input.CopySource = encodeCopySource(input.CopySource);
        break;
      case 'sseCustomerKey':
        encodeCustomerKey(input, SSE_CUSTOMER);
        break;
      case 'copySourceSseCustomerKey':
        encodeCustomerKey(input, COPY_SOURCE_SSE_CUSTOMER);
        break;
      case 'sseCustomerKeyAsTyped':
        requireTextKey(input, SSE_CUSTOMER);
        break;
      case 'metadataAscii':
        rejectNonAsciiMetadata(input);
        break;
      case 'body':
        await prepareBody(input, settings);
        break;
      case 'checksum':
        await applyChecksum(input, settings);
        break;
      case 'partNumberRange':
        checkPartNumber(input);
        break;
      case 'copySourceRange':
        checkCopySourceRange(input);
        break;
      case 'partsFromServer':
        await completeWithServerParts(input, settings.connect);
        break;
      case 'completedPartList':
        checkCompletedPartList(input);
        break;
    }
  }
}
