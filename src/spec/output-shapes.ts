/**
 * Member order of the nested response structures, by the member name under which they appear.
 * The AWS CLI prints botocore's parsed dicts, whose keys follow the model's member order.
 */
import { CHECKSUM_VALUE_MEMBER_NAMES } from './common.js';

export const NESTED_OUTPUT_ORDER: Readonly<Record<string, readonly string[]>> = {
  CopyPartResult: ['ETag', 'LastModified', ...CHECKSUM_VALUE_MEMBER_NAMES],
  Parts: ['PartNumber', 'LastModified', 'ETag', 'Size', ...CHECKSUM_VALUE_MEMBER_NAMES],
  Initiator: ['ID', 'DisplayName'],
  Owner: ['DisplayName', 'ID'],
  Uploads: ['UploadId', 'Key', 'Initiated', 'StorageClass', 'Owner', 'Initiator', 'ChecksumAlgorithm', 'ChecksumType'],
  CommonPrefixes: ['Prefix'],
};
