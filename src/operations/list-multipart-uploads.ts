import { bucket, expectedBucketOwner, requestPayer } from '../spec/common.js';
import { commonPrefixes, stringMembers, uploads } from '../spec/output-shapes.js';
import type { OperationSpec } from '../spec/types.js';

export const listMultipartUploads: OperationSpec = {
  name: 'list-multipart-uploads',
  sdk: 'ListMultipartUploads',
  summary: 'List the multipart uploads in progress in a bucket.',
  params: [
    { ...bucket, help: 'Name of the bucket (or an access point ARN) whose uploads are listed.' },
    {
      member: 'Delimiter',
      type: 'string',
      help: 'Character that groups keys into common prefixes.',
    },
    {
      member: 'EncodingType',
      type: 'string',
      choices: ['url'],
      help: 'Ask S3 to URL-encode keys in the response (they are printed encoded).',
    },
    { member: 'KeyMarker', type: 'string', hidden: true, help: 'Start listing after this key.' },
    { member: 'MaxUploads', type: 'integer', hidden: true, help: 'Maximum number of uploads in one response.' },
    { member: 'Prefix', type: 'string', help: 'List only uploads whose key starts with this prefix.' },
    {
      member: 'UploadIdMarker',
      type: 'string',
      hidden: true,
      help: 'With --key-marker, start listing after this upload ID.',
    },
    expectedBucketOwner,
    requestPayer,
  ],
  steps: [],
  output: {
    headers: [
      'RequestCharged',
    ],
    members: [
      ...stringMembers(['Bucket', 'KeyMarker', 'UploadIdMarker', 'NextKeyMarker', 'Prefix', 'Delimiter', 'NextUploadIdMarker']),
      { member: 'MaxUploads', type: 'integer' },
      { member: 'IsTruncated', type: 'boolean' },
      uploads,
      commonPrefixes,
      ...stringMembers(['EncodingType', 'RequestCharged']),
    ],
  },
  paginator: {
    inputTokens: ['KeyMarker', 'UploadIdMarker'],
    outputTokens: ['NextKeyMarker', 'NextUploadIdMarker'],
    limitKey: 'MaxUploads',
    moreResults: 'IsTruncated',
    resultKeys: ['Uploads', 'CommonPrefixes'],
    nonAggregateKeys: ['RequestCharged', 'Prefix'],
  },
  examples: [
    {
      title: 'List the uploads in progress, key and ID only',
      command:
        's3api list-multipart-uploads --bucket amzn-s3-demo-bucket --query \'Uploads[].[Key,UploadId]\' --output text',
    },
  ],
};
