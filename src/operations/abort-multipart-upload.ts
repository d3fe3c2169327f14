import { bucket, expectedBucketOwner, key, requestPayer, uploadId } from '../spec/common.js';
import type { OperationSpec } from '../spec/types.js';

export const abortMultipartUpload: OperationSpec = {
  name: 'abort-multipart-upload',
  sdk: 'AbortMultipartUpload',
  summary: 'Abort a multipart upload and free the storage of its parts.',
  params: [
    bucket,
    key,
    uploadId,
    requestPayer,
    expectedBucketOwner,
    {
      member: 'IfMatchInitiatedTime',
      type: 'timestamp',
      help: 'Abort only if the upload was initiated at exactly this time.',
    },
  ],
  steps: [],
  output: { headers: ['RequestCharged'], members: [{ member: 'RequestCharged', type: 'string' }] },
  examples: [
    {
      title: 'Abort an upload and free its parts',
      command:
        's3api abort-multipart-upload --bucket amzn-s3-demo-bucket --key multipart/01 --upload-id "$UPLOAD_ID"',
    },
  ],
};
