/**
 * The nested response structures, by the member name under which they appear, with their
 * members in model order. The AWS CLI prints botocore's parsed dicts, whose keys follow the
 * model's member order.
 */
import { CHECKSUM_VALUE_MEMBER_NAMES } from './common.js';
import type { MemberShape } from './types.js';

/** Response members typed as plain strings, in the order given. */
export function stringMembers(names: readonly string[]): MemberShape[] {
  return names.map((member) => ({ member, type: 'string' }));
}

const checksumValues = stringMembers(CHECKSUM_VALUE_MEMBER_NAMES);

export const copyPartResult: MemberShape = {
  member: 'CopyPartResult',
  type: 'structure',
  members: [{ member: 'ETag', type: 'string' }, { member: 'LastModified', type: 'timestamp' }, ...checksumValues],
};

export const parts: MemberShape = {
  member: 'Parts',
  type: 'list',
  members: [
    {
      member: 'Part',
      type: 'structure',
      members: [
        { member: 'PartNumber', type: 'integer' },
        { member: 'LastModified', type: 'timestamp' },
        { member: 'ETag', type: 'string' },
        { member: 'Size', type: 'long' },
        ...checksumValues,
      ],
    },
  ],
};

export const initiator: MemberShape = { member: 'Initiator', type: 'structure', members: stringMembers(['ID', 'DisplayName']) };

export const owner: MemberShape = { member: 'Owner', type: 'structure', members: stringMembers(['DisplayName', 'ID']) };

export const uploads: MemberShape = {
  member: 'Uploads',
  type: 'list',
  members: [
    {
      member: 'MultipartUpload',
      type: 'structure',
      members: [
        ...stringMembers(['UploadId', 'Key']),
        { member: 'Initiated', type: 'timestamp' },
        { member: 'StorageClass', type: 'string' },
        owner,
        initiator,
        ...stringMembers(['ChecksumAlgorithm', 'ChecksumType']),
      ],
    },
  ],
};

export const commonPrefixes: MemberShape = {
  member: 'CommonPrefixes',
  type: 'list',
  members: [{ member: 'CommonPrefix', type: 'structure', members: stringMembers(['Prefix']) }],
};

/** A structure's own members, or those of a list's element structure. */
function structureMembers(shape: MemberShape): readonly MemberShape[] {
  const structure = shape.type === 'list' ? shape.members?.[0] : shape;
  return structure?.members ?? [];
}

export const NESTED_OUTPUT_ORDER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [copyPartResult, parts, initiator, owner, uploads, commonPrefixes].map((shape) => [
    shape.member,
    structureMembers(shape).map((member) => member.member),
  ]),
);

/** The SSE-C/KMS tail both part responses (UploadPart, UploadPartCopy) end with, in model order. */
export const partEncryptionMembers: readonly MemberShape[] = [
  ...stringMembers(['SSECustomerAlgorithm', 'SSECustomerKeyMD5', 'SSEKMSKeyId']),
  { member: 'BucketKeyEnabled', type: 'boolean' },
  { member: 'RequestCharged', type: 'string' },
];
