import {
  bucket,
  checksumType,
  checksumValueParams,
  expectedBucketOwner,
  key,
  requestPayer,
  sseCustomerParams,
  uploadId,
  CHECKSUM_VALUE_MEMBER_NAMES,
} from '../spec/common.js';
import { stringMembers } from '../spec/output-shapes.js';
import type { MemberShape, OperationSpec } from '../spec/types.js';

/** One entry of MultipartUpload.Parts; --parts-from-server fills these members from ListParts. */
export const completedPart: MemberShape = {
  member: 'CompletedPart',
  type: 'structure',
  members: [
    { member: 'ETag', type: 'string', help: 'ETag returned when the part was uploaded.' },
    ...CHECKSUM_VALUE_MEMBER_NAMES.map((member) => ({
      member,
      type: 'string' as const,
      help: 'Checksum of the part as returned when it was uploaded.',
    })),
    { member: 'PartNumber', type: 'integer', help: 'Number of the part.' },
  ],
};

export const completeMultipartUpload: OperationSpec = {
  name: 'complete-multipart-upload',
  sdk: 'CompleteMultipartUpload',
  summary: 'Assemble the uploaded parts into the final object.',
  params: [
    bucket,
    key,
    {
      member: 'MultipartUpload',
      type: 'structure',
      help: 'The parts to assemble, as JSON or shorthand: Parts=[{ETag=...,PartNumber=1},...].',
      members: [
        {
          member: 'Parts',
          type: 'list',
          help: 'The parts, in ascending part-number order.',
          members: [completedPart],
        },
      ],
    },
    uploadId,
    ...checksumValueParams('the whole object'),
    checksumType,
    {
      member: 'MpuObjectSize',
      type: 'long',
      help: 'Expected size of the final object in bytes; S3 rejects the completion if it differs.',
    },
    requestPayer,
    expectedBucketOwner,
    { member: 'IfMatch', type: 'string', help: 'Complete only if the existing object\'s ETag matches this value.' },
    {
      member: 'IfNoneMatch',
      type: 'string',
      help: 'Complete only if no object exists at the key (use *).',
    },
    ...sseCustomerParams,
    {
      member: 'PartsFromServer',
      type: 'boolean',
      extension: true,
      help: 'Take the part list from S3 (ListParts, every page) instead of --multipart-upload: each part\'s ETag and checksums, in part-number order.',
    },
  ],
  steps: ['sseCustomerKey', 'partsFromServer', 'completedPartList'],
  output: {
    headers: [
      'Expiration',
      'ServerSideEncryption',
      'VersionId',
      'SSEKMSKeyId',
      'BucketKeyEnabled',
      'RequestCharged',
    ],
    members: [
      ...stringMembers(['Location', 'Bucket', 'Key', 'Expiration', 'ETag', ...CHECKSUM_VALUE_MEMBER_NAMES]),
      ...stringMembers(['ChecksumType', 'ServerSideEncryption', 'VersionId', 'SSEKMSKeyId']),
      { member: 'BucketKeyEnabled', type: 'boolean' },
      { member: 'RequestCharged', type: 'string' },
    ],
  },
  examples: [
    {
      title: 'Complete from the parts S3 already has (s3api only)',
      command:
        's3api complete-multipart-upload --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID" --parts-from-server',
    },
    {
      title: 'Complete with the part list written out',
      command:
        's3api complete-multipart-upload --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID" --multipart-upload \'Parts=[{ETag="e868e0f4719e394144ef36531ee6824c",PartNumber=1},{ETag="6bb2b12753d66fe86da4998aa33fffb0",PartNumber=2}]\'',
    },
  ],
};
