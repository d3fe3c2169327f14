import {
  bucket,
  checksumAlgorithm,
  checksumValueParams,
  expectedBucketOwner,
  key,
  partNumber,
  requestPayer,
  sseCustomerParams,
  uploadId,
  CHECKSUM_VALUE_MEMBER_NAMES,
} from '../spec/common.js';
import { partEncryptionMembers, stringMembers } from '../spec/output-shapes.js';
import type { OperationSpec } from '../spec/types.js';

export const uploadPart: OperationSpec = {
  name: 'upload-part',
  sdk: 'UploadPart',
  summary: 'Upload one part of a multipart upload from a local file.',
  params: [
    {
      member: 'Body',
      type: 'body',
      help: 'Path of the local file that holds the part (a plain path, no file:// prefix); empty body when omitted. s3api reads - as standard input (a file named - is ./-).',
    },
    bucket,
    {
      member: 'ContentLength',
      type: 'long',
      help: 'Size of the body in bytes, when it cannot be determined from the file.',
    },
    {
      member: 'ContentMD5',
      type: 'string',
      help: 'Base64 MD5 of the part; S3 rejects the part if it does not match.',
    },
    checksumAlgorithm,
    ...checksumValueParams('the part'),
    key,
    partNumber,
    uploadId,
    ...sseCustomerParams,
    requestPayer,
    expectedBucketOwner,
    {
      member: 'ByteRange',
      type: 'string',
      extension: true,
      help: 'Send only bytes=first-last of the --body file (zero-based, inclusive, as --copy-source-range): one part from a slice of a big file.',
    },
    {
      member: 'SplitSize',
      type: 'string',
      extension: true,
      help: 'Cut the --body file into parts of this size (bytes, or with KiB, MiB, GiB) and send part --part-number of them: bytes [(N-1)*size, N*size), the last part shorter.',
    },
  ],
  steps: ['partNumberRange', 'sseCustomerKey', 'body', 'checksum'],
  output: {
    // Every member of the UploadPart response is a header.
    headers: 'all',
    members: [
      ...stringMembers(['ServerSideEncryption', 'ETag', ...CHECKSUM_VALUE_MEMBER_NAMES]),
      ...partEncryptionMembers,
    ],
  },
  additions: [
    '--byte-range and --split-size send one part from a slice of a big file; run one process per part number (xargs -P) and finish with complete-multipart-upload --parts-from-server.',
    '--body - reads the part from standard input. It is copied to a temporary file first (at most 5 GiB), so the length is known and a retry resends the same bytes; the copy is removed when the command ends. A FIFO, a device or a /proc file is read the same way.',
    'A part that takes more than about a second shows its progress on stderr when stderr is a terminal (not with CI set or --debug), erased at the end. S3API_NO_PROGRESS=1 or s3api_progress = false in the profile turns it off.',
  ],
  examples: [
    {
      title: 'Upload part 7 of a big file cut into 64 MiB parts (s3api only)',
      command:
        's3api upload-part --bucket amzn-s3-demo-bucket --key multipart/01 --part-number 7 --body big.bin --split-size 64MiB --upload-id "$UPLOAD_ID"',
    },
    {
      title: 'Upload a part from standard input, as in tar c dir | s3api upload-part ... (s3api only)',
      command:
        's3api upload-part --bucket amzn-s3-demo-bucket --key multipart/01 --part-number 1 --body - --upload-id "$UPLOAD_ID"',
    },
    {
      title: 'Upload part 1 from a local file',
      command:
        's3api upload-part --bucket amzn-s3-demo-bucket --key multipart/01 --part-number 1 --body part01 --upload-id "$UPLOAD_ID"',
    },
    {
      title: 'Print only the ETag, for a script',
      command:
        's3api upload-part --bucket amzn-s3-demo-bucket --key multipart/01 --part-number 2 --body part02 --upload-id "$UPLOAD_ID" --query ETag --output text',
    },
    {
      title: 'Send a SHA256 checksum instead of the default CRC64NVME',
      command:
        's3api upload-part --bucket amzn-s3-demo-bucket --key multipart/01 --part-number 3 --body part03 --upload-id "$UPLOAD_ID" --checksum-algorithm SHA256',
    },
  ],
};
