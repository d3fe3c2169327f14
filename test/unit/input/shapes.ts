/**
 * Parameter shapes for the parsing and validation tests, taken from the operation tables so the
 * tests exercise the current model, plus reduced MultipartUpload shapes where a test needs another.
 */
import { completeMultipartUpload } from '../../../src/operations/complete-multipart-upload.js';
import { createMultipartUpload } from '../../../src/operations/create-multipart-upload.js';
import type { MemberShape, OperationSpec } from '../../../src/spec/types.js';

function paramOf(operation: OperationSpec, member: string): MemberShape {
  const param = operation.params.find((candidate) => candidate.member === member);
  if (!param) throw new Error(`${operation.name} has no parameter ${member}`);
  return param;
}

/** complete-multipart-upload's MultipartUpload as the operation table has it (the v2-head model). */
export const MULTIPART_UPLOAD = paramOf(completeMultipartUpload, 'MultipartUpload');
export const METADATA = paramOf(createMultipartUpload, 'Metadata');

/**
 * MULTIPART_UPLOAD whose parts have only the members named (in model order). Every name must be
 * a member of the current model, so a typo cannot quietly shrink the shape further.
 */
export function multipartUploadWithPartMembers(names: readonly string[]): MemberShape {
  const [parts] = MULTIPART_UPLOAD.members!;
  const [part] = parts.members!;
  for (const name of names) {
    if (!part.members!.some((member) => member.member === name)) throw new Error(`no part member ${name}`);
  }
  const members = part.members!.filter((member) => names.includes(member.member));
  return { ...MULTIPART_UPLOAD, members: [{ ...parts, members: [{ ...part, members }] }] };
}

/**
 * Deliberately the AWS CLI 2.9 model, not the current one: err_json_unknown_nested was recorded
 * with 2.9, whose message lists the part members it knew. They are today's members minus the
 * checksums added since (CRC64NVME, SHA512, MD5, XXHASH*), in the same order.
 */
export const MULTIPART_UPLOAD_2_9 = multipartUploadWithPartMembers([
  'ETag',
  'ChecksumCRC32',
  'ChecksumCRC32C',
  'ChecksumSHA1',
  'ChecksumSHA256',
  'PartNumber',
]);
