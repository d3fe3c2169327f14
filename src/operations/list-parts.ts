import { bucket, expectedBucketOwner, key, requestPayer, sseCustomerParams, uploadId } from '../spec/common.js';
import { initiator, owner, parts, stringMembers } from '../spec/output-shapes.js';
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
  steps: ['sseCustomerKeyAsTyped'],
  output: {
    headers: [
      'AbortDate',
      'AbortRuleId',
      'RequestCharged',
    ],
    integers: ['PartNumberMarker', 'NextPartNumberMarker'],
    members: [
      { member: 'AbortDate', type: 'timestamp' },
      ...stringMembers(['AbortRuleId', 'Bucket', 'Key', 'UploadId']),
      { member: 'PartNumberMarker', type: 'integer' },
      { member: 'NextPartNumberMarker', type: 'integer' },
      { member: 'MaxParts', type: 'integer' },
      { member: 'IsTruncated', type: 'boolean' },
      parts,
      initiator,
      owner,
      ...stringMembers(['StorageClass', 'RequestCharged', 'ChecksumAlgorithm', 'ChecksumType']),
    ],
  },
  paginator: {
    inputTokens: ['PartNumberMarker'],
    outputTokens: ['NextPartNumberMarker'],
    limitKey: 'MaxParts',
    moreResults: 'IsTruncated',
    resultKeys: ['Parts'],
    nonAggregateKeys: ['ChecksumAlgorithm', 'Initiator', 'Owner', 'StorageClass', 'ChecksumType'],
  },
  examples: [
    {
      title: 'List every part (all pages)',
      command:
        's3api list-parts --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID"',
    },
    {
      title: 'Two parts at a time: prints a NextToken when more remain',
      command:
        's3api list-parts --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID" --max-items 2',
    },
    {
      title: 'Resume from that NextToken (aws s3api accepts the same token)',
      command:
        's3api list-parts --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID" --starting-token "$NEXT_TOKEN"',
    },
  ],
};
