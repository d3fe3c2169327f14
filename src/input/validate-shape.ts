/**
 * botocore's ParamValidator, which the AWS CLI runs on the assembled input before sending:
 * the same checks in the same order, reported as the same lines (joined by the caller into
 * `Parameter validation failed:\n…`).
 */

import type { MemberShape } from '../spec/types.js';
import { FileBody } from '../s3/body.js';
import { UnsizedBody } from './unsized-body.js';
import { PyFloat } from '../python/value.js';
import { isPythonDict, pythonClass, pythonStr } from '../python/repr.js';
import { tryParseTimestamp } from './timestamp.js';

/** botocore lists Python's accepted types by their `str(type)`. */
const VALID_TYPES = {
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  list: "<class 'list'>, <class 'tuple'>",
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
} as const;

/**
 * Validation lines for `value` against `shape`; `path` names the value in them
 * (`MultipartUpload`, `MultipartUpload.Parts[0]`; `''` is the operation input, shown as `input`).
 */
export function validateShape(path: string, value: unknown, shape: MemberShape): string[] {
  const errors: string[] = [];
  validate(value, shape, path, errors);
  return errors;
}

function validate(value: unknown, shape: MemberShape, path: string, errors: string[]): void {
  const invalidType = (validTypes: string) =>
    errors.push(
      `Invalid type for parameter ${path || 'input'}, value: ${pythonStr(value)}, ` +
        `type: ${pythonClass(value)}, valid types: ${validTypes}`,
    );
  switch (shape.type) {
    case 'structure':
      if (!isPythonDict(value)) return void invalidType(VALID_TYPES.structure);
      return validateStructure(value, shape, path, errors);
    case 'map':
      if (!isPythonDict(value)) return void invalidType(VALID_TYPES.map);
      // Keys are always strings here, so only the values can be wrong.
      for (const [key, item] of Object.entries(value)) validate(item, innerShape(shape), `${path}.${key}`, errors);
      return;
    case 'list':
      if (!Array.isArray(value)) return void invalidType(VALID_TYPES.list);
      checkMinLength(value.length, shape, path, errors);
      value.forEach((item, index) => validate(item, innerShape(shape), `${path}[${index}]`, errors));
      return;
    case 'string':
      // The SSE-C customization turns a fileb:// key into base64 text before botocore validates.
      if (typeof value === 'string') checkMinLength(pythonLength(value), shape, path, errors);
      else if (!(shape.acceptsBytes && value instanceof Uint8Array)) invalidType(VALID_TYPES.string);
      return;
    case 'integer':
    case 'long':
      // Python's bool is an int, so botocore lets True/False through.
      if (!isPythonInt(value) && typeof value !== 'boolean') invalidType(VALID_TYPES.integer);
      else if (shape.min !== undefined && Number(value) < shape.min) {
        errors.push(`Invalid value for parameter ${path || 'input'}, value: ${pythonStr(value)}, valid min value: ${shape.min}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') invalidType(VALID_TYPES.boolean);
      return;
    case 'timestamp':
      if (!isTimestamp(value)) invalidType(VALID_TYPES.timestamp);
      return;
    case 'blob':
    case 'body':
      if (!isBlob(value)) invalidType(VALID_TYPES.blob);
      return;
  }
}

/** Missing required members first, then unknown keys, then each known member, in input order. */
function validateStructure(value: Record<string, unknown>, shape: MemberShape, path: string, errors: string[]): void {
  const members = shape.members ?? [];
  const shown = path || 'input';
  for (const member of members) {
    if (member.required && !Object.hasOwn(value, member.member)) {
      errors.push(`Missing required parameter in ${shown}: "${member.member}"`);
    }
  }
  const names = members.map((member) => member.member);
  for (const key of Object.keys(value)) {
    if (!names.includes(key)) {
      errors.push(`Unknown parameter in ${shown}: "${key}", must be one of: ${names.join(', ')}`);
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const member = members.find((candidate) => candidate.member === key);
    if (member) validate(item, member, path ? `${path}.${key}` : key, errors);
  }
}

/** botocore's range_check on `len(value)`: only the model's min, never its max. */
function checkMinLength(length: number, shape: MemberShape, path: string, errors: string[]): void {
  if (shape.min !== undefined && length < shape.min) {
    errors.push(`Invalid length for parameter ${path || 'input'}, value: ${length}, valid min length: ${shape.min}`);
  }
}

/** Python's `len(str)`: code points, not UTF-16 units. */
function pythonLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** The element shape of a list, or the value shape of a map (string when not given). */
export function innerShape(shape: MemberShape): MemberShape {
  return shape.members?.[0] ?? { member: 'value', type: 'string' };
}

function isPythonInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value);
}

function isTimestamp(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'string') return tryParseTimestamp(value) !== undefined;
  const seconds = value instanceof PyFloat ? value.value : value;
  return typeof seconds === 'number' && Number.isFinite(seconds);
}

/**
 * bytes, bytearray, str, or anything with `read` (botocore's file-like test: a stream, or the
 * file range `--body` names).
 */
function isBlob(value: unknown): boolean {
  if (typeof value === 'string' || value instanceof Uint8Array || value instanceof FileBody || value instanceof UnsizedBody) {
    return true;
  }
  return typeof value === 'object' && value !== null && 'read' in value;
}
