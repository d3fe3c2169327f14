/** The command table: every operation s3api knows, in the order `s3api help` lists them. */
import { abortMultipartUpload } from './abort-multipart-upload.js';
import { completeMultipartUpload } from './complete-multipart-upload.js';
import { createMultipartUpload } from './create-multipart-upload.js';
import { listMultipartUploads } from './list-multipart-uploads.js';
import { listParts } from './list-parts.js';
import { uploadPart } from './upload-part.js';
import { uploadPartCopy } from './upload-part-copy.js';
import type { OperationSpec } from '../spec/types.js';

export const OPERATIONS: readonly OperationSpec[] = [
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  uploadPartCopy,
];

export function findOperation(name: string): OperationSpec | undefined {
  return OPERATIONS.find((operation) => operation.name === name);
}
