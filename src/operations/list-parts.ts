import { bucket, expectedBucketOwner, key, requestPayer, sseCustomerParams, uploadId } from '../spec/common.js';
import type { OperationSpec } from '../spec/types.js';

export const listParts: OperationSpec = {
  name: 'list-parts',
  sdk: 'ListParts',
  summary: 'List the parts uploaded so far for a multipart upload.',
  params: [
    bucket,
    key,
    { member: 'MaxParts', type: 'integer', hidden: true, help: 'Maximum number of parts in one response.' },
    {
      member: 'PartNumberMarker',
      type: 'integer',
      hidden: true,
      help: 'List only parts with a number greater than this one.',
    },
    uploadId,
    requestPayer,
    expectedBucketOwner,
    // list-parts sends SSE-C values as given: the AWS CLI does not encode this key.
    ...sseCustomerParams,
  ],
  steps: [],
  output: {
    order: [
      'AbortDate',
      'AbortRuleId',
      'RequestCharged',
      'Bucket',
      'Key',
      'UploadId',
      'PartNumberMarker',
      'NextPartNumberMarker',
      'MaxParts',
      'IsTruncated',
      'Parts',
      'Initiator',
      'Owner',
      'StorageClass',
      'ChecksumAlgorithm',
      'ChecksumType',
    ],
    integers: ['PartNumberMarker', 'NextPartNumberMarker'],
  },
  paginator: {
    inputTokens: ['PartNumberMarker'],
    outputTokens: ['NextPartNumberMarker'],
    limitKey: 'MaxParts',
    moreResults: 'IsTruncated',
    resultKeys: ['Parts'],
    nonAggregateKeys: ['ChecksumAlgorithm', 'Initiator', 'Owner', 'StorageClass', 'ChecksumType'],
  },
};
