/**
 * Parameter fragments shared by several operations. Each parameter is declared once here and
 * referenced by the operation tables, so a help line or a type is never written twice.
 */
import type { MemberShape, ParamSpec } from './types.js';

export const bucket: ParamSpec = {
  member: 'Bucket',
  type: 'string',
  required: true,
  help: 'Name of the bucket (or an access point ARN) that holds the upload.',
};

export const key: ParamSpec = {
  member: 'Key',
  type: 'string',
  required: true,
  // ObjectKey: an empty key would address the bucket itself (`DELETE /bucket?uploadId=`).
  min: 1,
  help: 'Object key the multipart upload creates.',
};

export const uploadId: ParamSpec = {
  member: 'UploadId',
  type: 'string',
  required: true,
  help: 'Upload ID returned by create-multipart-upload.',
};

export const partNumber: ParamSpec = {
  member: 'PartNumber',
  type: 'integer',
  required: true,
  help: 'Number of the part, from 1 to 10,000; it fixes the part\'s position in the object.',
};

export const requestPayer: ParamSpec = {
  member: 'RequestPayer',
  type: 'string',
  choices: ['requester'],
  help: 'Confirms that the requester pays for the request on a Requester Pays bucket.',
};

export const expectedBucketOwner: ParamSpec = {
  member: 'ExpectedBucketOwner',
  type: 'string',
  help: 'Account ID that must own the bucket, or the request fails with 403.',
};

export const CHECKSUM_ALGORITHMS = [
  'CRC32',
  'CRC32C',
  'SHA1',
  'SHA256',
  'CRC64NVME',
  'SHA512',
  'MD5',
  'XXHASH64',
  'XXHASH3',
  'XXHASH128',
] as const;

export const checksumAlgorithm: ParamSpec = {
  member: 'ChecksumAlgorithm',
  type: 'string',
  choices: CHECKSUM_ALGORITHMS,
  help: 'Algorithm used to compute the checksum sent with the request.',
};

export const checksumType: ParamSpec = {
  member: 'ChecksumType',
  type: 'string',
  choices: ['COMPOSITE', 'FULL_OBJECT'],
  help: 'Whether the object checksum is a checksum of part checksums or of the whole object.',
};

/** The per-algorithm checksum value members, in model order. */
const CHECKSUM_VALUE_MEMBERS: readonly [string, string][] = [
  ['ChecksumCRC32', 'CRC32'],
  ['ChecksumCRC32C', 'CRC32C'],
  ['ChecksumCRC64NVME', 'CRC64NVME'],
  ['ChecksumSHA1', 'SHA1'],
  ['ChecksumSHA256', 'SHA256'],
  ['ChecksumSHA512', 'SHA512'],
  ['ChecksumMD5', 'MD5'],
  ['ChecksumXXHASH64', 'XXHASH64'],
  ['ChecksumXXHASH3', 'XXHASH3'],
  ['ChecksumXXHASH128', 'XXHASH128'],
];

export function checksumValueParams(subject: string): ParamSpec[] {
  return CHECKSUM_VALUE_MEMBERS.map(([member, algorithm]) => ({
    member,
    type: 'string',
    help: `Base64 ${algorithm} checksum of ${subject}; S3 verifies it.`,
  }));
}

export const CHECKSUM_VALUE_MEMBER_NAMES: readonly string[] = CHECKSUM_VALUE_MEMBERS.map(([member]) => member);

export const sseCustomerParams: readonly ParamSpec[] = [
  {
    member: 'SSECustomerAlgorithm',
    type: 'string',
    help: 'Algorithm of the customer-provided encryption key (AES256).',
  },
  {
    member: 'SSECustomerKey',
    type: 'string',
    sensitive: true,
    acceptsBytes: true,
    help: 'Customer-provided encryption key; sent base64-encoded with its MD5 unless --sse-customer-key-md5 is given.',
  },
  {
    member: 'SSECustomerKeyMD5',
    type: 'string',
    help: 'Base64 MD5 of the customer key; when given, the key is sent exactly as supplied.',
  },
];

export const copySourceSseCustomerParams: readonly ParamSpec[] = [
  {
    member: 'CopySourceSSECustomerAlgorithm',
    type: 'string',
    help: 'Algorithm of the customer key that decrypts the source object (AES256).',
  },
  {
    member: 'CopySourceSSECustomerKey',
    type: 'string',
    sensitive: true,
    acceptsBytes: true,
    help: 'Customer key that decrypts the source object; sent base64-encoded with its MD5 unless the MD5 is given.',
  },
  {
    member: 'CopySourceSSECustomerKeyMD5',
    type: 'string',
    help: 'Base64 MD5 of the source customer key; when given, the key is sent exactly as supplied.',
  },
];

export function nestedString(member: string): MemberShape {
  return { member, type: 'string' };
}
