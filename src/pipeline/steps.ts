/**
 * The named steps an operation table lists, applied in a fixed order to the SDK input.
 * Each is a small function of the input and the settings it needs.
 */
import { generalError, validationError } from '../errors/errors.js';
import { FileBody } from '../s3/body.js';
import type { S3Port } from '../s3/client.js';
import { encodeCopySource } from '../s3/copy-source.js';
import { checkCompletedPartList, checkCopySourceRange, checkPartNumber } from '../input/limits.js';
import { completeWithServerParts } from './parts-from-server.js';
import { COPY_SOURCE_SSE_CUSTOMER, SSE_CUSTOMER, encodeCustomerKey, requireTextKey } from '../s3/sse-customer.js';
import { CHECKSUM_ALGORITHMS, CHECKSUM_VALUE_MEMBER_NAMES } from '../spec/common.js';
import type { StepName } from '../spec/types.js';
import type { SdkInput } from '../input/build-input.js';

export interface StepSettings {
  readonly checksumCalculation: 'when_supported' | 'when_required';
  /** Computes a checksum of the body (file range, bytes from --cli-input-*, or empty) as base64. */
  readonly checksumOf: (body: FileBody | Uint8Array | undefined, algorithm: string) => Promise<string>;
  /** The command's S3 connection, for a step that reads from S3 before the request is sent. */
  readonly connect: () => Promise<S3Port>;
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
  input[`Checksum${algorithm}`] = await settings.checksumOf(body, algorithm);
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
