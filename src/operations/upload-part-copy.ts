import {
  bucket,
  copySourceSseCustomerParams,
  expectedBucketOwner,
  key,
  partNumber,
  requestPayer,
  sseCustomerParams,
  uploadId,
} from '../spec/common.js';
import { copyPartResult, partEncryptionMembers } from '../spec/output-shapes.js';
import type { OperationSpec } from '../spec/types.js';

export const uploadPartCopy: OperationSpec = {
  name: 'upload-part-copy',
  sdk: 'UploadPartCopy',
  summary: 'Upload one part of a multipart upload by copying a byte range of an existing object.',
  params: [
    bucket,
    {
      member: 'CopySource',
      type: 'string',
      required: true,
      help: 'Source object as bucket/key, bucket/key?versionId=ID, or an access point ARN; percent-encoded for you.',
    },
    {
      member: 'CopySourceIfMatch',
      type: 'string',
      help: 'Copy only if the source object\'s ETag matches this value.',
    },
    {
      member: 'CopySourceIfModifiedSince',
      type: 'timestamp',
      help: 'Copy only if the source object was modified after this time.',
    },
    {
      member: 'CopySourceIfNoneMatch',
      type: 'string',
      help: 'Copy only if the source object\'s ETag differs from this value.',
    },
    {
      member: 'CopySourceIfUnmodifiedSince',
      type: 'timestamp',
      help: 'Copy only if the source object was not modified after this time.',
    },
    {
      member: 'CopySourceRange',
      type: 'string',
      help: 'Byte range of the source to copy, as bytes=first-last (zero-based, inclusive).',
    },
    key,
    partNumber,
    uploadId,
    ...sseCustomerParams,
    ...copySourceSseCustomerParams,
    requestPayer,
    expectedBucketOwner,
    {
      member: 'ExpectedSourceBucketOwner',
      type: 'string',
      help: 'Account ID that must own the source bucket, or the request fails with 403.',
    },
  ],
  steps: ['partNumberRange', 'copySourceRange', 'copySource', 'sseCustomerKey', 'copySourceSseCustomerKey'],
  output: {
    headers: [
      'CopySourceVersionId',
      'ServerSideEncryption',
      'SSECustomerAlgorithm',
      'SSECustomerKeyMD5',
      'SSEKMSKeyId',
      'BucketKeyEnabled',
      'RequestCharged',
    ],
    payload: 'CopyPartResult',
    members: [
      { member: 'CopySourceVersionId', type: 'string' },
      copyPartResult,
      { member: 'ServerSideEncryption', type: 'string' },
      ...partEncryptionMembers,
    ],
  },
  examples: [
    {
      title: 'Copy the first 5 MiB of an existing object as part 1',
      command:
        's3api upload-part-copy --bucket amzn-s3-demo-bucket --key Map_Data_June.mp4 --copy-source amzn-s3-demo-bucket/copy_of_Map_Data_June.mp4 --copy-source-range bytes=0-5242879 --part-number 1 --upload-id "$UPLOAD_ID"',
    },
    {
      title: 'Copy a given version, only if it has not changed',
      command:
        's3api upload-part-copy --bucket amzn-s3-demo-bucket --key big.bin --copy-source \'amzn-s3-demo-bucket/src/big.bin?versionId=3HL4kqtJlcpXroDTDmJ\' --copy-source-if-match \'"e868e0f4719e394144ef36531ee6824c"\' --part-number 2 --upload-id "$UPLOAD_ID"',
    },
  ],
};
