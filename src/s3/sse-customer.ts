/**
 * SSE-C key handling as the AWS CLI does it (botocore's sse_md5 customization): when a key is
 * given without its MD5, the key text is sent base64-encoded and its MD5 is added. When the
 * MD5 is given, both are sent exactly as supplied. Operations without the customization
 * (ListParts) send the key as typed and never add an MD5.
 */
import { createHash } from 'node:crypto';
import { validationError } from '../errors/errors.js';
import { pythonClass, pythonStr } from '../python/repr.js';

export interface SseCustomerFields {
  readonly keyMember: string;
  readonly md5Member: string;
}

export const SSE_CUSTOMER: SseCustomerFields = { keyMember: 'SSECustomerKey', md5Member: 'SSECustomerKeyMD5' };
export const COPY_SOURCE_SSE_CUSTOMER: SseCustomerFields = {
  keyMember: 'CopySourceSSECustomerKey',
  md5Member: 'CopySourceSSECustomerKeyMD5',
};

export function encodeCustomerKey(input: Record<string, unknown>, fields: SseCustomerFields): void {
  const key = input[fields.keyMember];
  if (key === undefined) return;
  if (input[fields.md5Member] !== undefined) return requireTextKey(input, fields);
  const keyBytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key as Uint8Array);
  input[fields.keyMember] = keyBytes.toString('base64');
  input[fields.md5Member] = createHash('md5').update(keyBytes).digest('base64');
}

/**
 * A key sent as given must be text: a `fileb://` key left as bytes fails botocore's parameter
 * validation (252) before anything is sent, where the SDK would put the raw bytes in a header.
 */
export function requireTextKey(input: Record<string, unknown>, fields: SseCustomerFields): void {
  const key = input[fields.keyMember];
  if (key instanceof Uint8Array) {
    throw validationError([
      `Invalid type for parameter ${fields.keyMember}, value: ${pythonStr(key)}, type: ${pythonClass(key)}, valid types: <class 'str'>`,
    ]);
  }
}
