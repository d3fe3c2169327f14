/**
 * `complete-multipart-upload --parts-from-server` (s3api only): the part list is read from S3
 * with ListParts instead of being written by hand as --multipart-upload JSON, the step users
 * of the AWS CLI keep scripting with jq (boto/boto3#50).
 */
import { generalError, paramError } from '../errors/errors.js';
import type { SdkInput } from '../input/build-input.js';
import { collectPages } from './paginate.js';
import { completedPart } from '../operations/complete-multipart-upload.js';
import { listParts } from '../operations/list-parts.js';
import { shapeResponse } from '../output/shape.js';
import type { OutputObject } from '../python/value.js';
import { modelParams } from '../spec/types.js';
import type { S3Port } from '../s3/client.js';

/** ETag, checksums and part number: the members of a ListParts part that CompletedPart has. */
function toCompletedPart(part: OutputObject): OutputObject {
  const completed: OutputObject = {};
  for (const { member } of completedPart.members ?? []) {
    if (part[member] !== undefined) completed[member] = part[member];
  }
  return completed;
}

/**
 * Replaces the PartsFromServer flag by MultipartUpload.Parts: every part of every ListParts
 * page, in part-number order. ListParts gets the members the two operations share (bucket, key,
 * upload ID, request payer, bucket owner, SSE-C key), so it reads the upload the completion is
 * about. The flag is removed in every case: it is not an S3 member.
 */
export async function completeWithServerParts(input: SdkInput, connect: () => Promise<S3Port>): Promise<void> {
  const requested = input.PartsFromServer;
  delete input.PartsFromServer;
  if (requested !== true) return;
  if (input.MultipartUpload !== undefined) {
    throw paramError(
      'Cannot specify --parts-from-server along with --multipart-upload: the list of parts comes from one or the other.',
    );
  }
  const s3 = await connect();
  const listInput = Object.fromEntries(
    modelParams(listParts)
      .filter((param) => input[param.member] !== undefined)
      .map((param) => [param.member, input[param.member]]),
  );
  const { pages } = await collectPages(listParts.paginator!, listInput, {}, async (pageInput) =>
    shapeResponse(await s3.send(listParts.sdk, pageInput), listParts.output),
  );
  const parts = pages.flatMap((page) => (page.Parts ?? []) as OutputObject[]);
  if (parts.length === 0) {
    throw generalError('--parts-from-server: S3 lists no parts for this upload, so there is nothing to complete.');
  }
  const byPartNumber = (left: OutputObject, right: OutputObject) => Number(left.PartNumber) - Number(right.PartNumber);
  input.MultipartUpload = { Parts: parts.sort(byPartNumber).map(toCompletedPart) };
}
