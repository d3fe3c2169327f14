/**
 * How Python would print a parameter value. The AWS CLI's messages embed `repr()`/`str()` of
 * the values it got (`invalid literal for int() with base 10: 'abc'`, botocore's
 * `Invalid type for parameter X, value: OrderedDict([('ETag', 'a')]), type: <class '…'>`), so
 * parsed values carry the distinctions Python makes that JavaScript values do not:
 * a JSON float (`1.0`) is a `PyFloat`, and objects decoded from JSON are marked as
 * `collections.OrderedDict` (the AWS CLI decodes JSON with `object_pairs_hook=OrderedDict`,
 * while shorthand syntax builds plain dicts). Numbers print as the output formatters print them.
 */

import { formatPythonFloat, formatPythonInt } from './values.js';
import { PyFloat } from './value.js';

const orderedDicts = new WeakSet<object>();

/** Marks an object decoded from JSON; returns it for chaining. */
export function asOrderedDict<T extends object>(object: T): T {
  orderedDicts.add(object);
  return object;
}

export function isOrderedDict(value: unknown): boolean {
  return typeof value === 'object' && value !== null && orderedDicts.has(value);
}

/** A plain mapping as the parsers build them (not an array, bytes or float). */
export function isPythonDict(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof PyFloat)
  );
}

/** Python's `str(type(value))`, e.g. `<class 'collections.OrderedDict'>`. */
export function pythonClass(value: unknown): string {
  return `<class '${pythonTypeName(value)}'>`;
}

/** Python's `type(value).__name__` (with the module for non-builtins), e.g. `list`. */
export function pythonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value === null || value === undefined) return 'NoneType';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  return isOrderedDict(value) ? 'collections.OrderedDict' : 'dict';
}

/** Python's `str(value)`: strings as they are, everything else as `repr()`. */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** Python 3.11's `repr(value)`. */
export function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return reprString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? formatPythonInt(value) : formatPythonFloat(value);
  if (value === null || value === undefined) return 'None';
  if (value instanceof PyFloat) return formatPythonFloat(value.value);
  if (value instanceof Uint8Array) return reprBytes(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (isOrderedDict(value)) {
    // Python 3.12 changed this to OrderedDict({...}); the recorded AWS CLI runs on 3.11.
    if (entries.length === 0) return 'OrderedDict()';
    return `OrderedDict([${entries.map(([key, item]) => `(${reprString(key)}, ${pythonRepr(item)})`).join(', ')}])`;
  }
  return `{${entries.map(([key, item]) => `${reprString(key)}: ${pythonRepr(item)}`).join(', ')}}`;
}

/** Characters `str.isprintable()` rejects: other (C*) and separator (Z*) categories but space. */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/**
 * Python's string repr: single quotes unless the text contains `'` and no `"`; backslash
 * escapes for the quote, `\\`, `\t`, `\n`, `\r` and unprintable characters.
 */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (char === quote || char === '\\') body += `\\${char}`;
    else if (char === '\t') body += '\\t';
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === ' ' || !NON_PRINTABLE.test(char)) body += char;
    else if (codePoint <= 0xff) body += hexEscape('x', codePoint, 2);
    else if (codePoint <= 0xffff) body += hexEscape('u', codePoint, 4);
    else body += hexEscape('U', codePoint, 8);
  }
  return `${quote}${body}${quote}`;
}

function reprBytes(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let body = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === '\\') body += `\\${char}`;
    else if (char === '\t') body += '\\t';
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (byte < 0x20 || byte >= 0x7f) body += hexEscape('x', byte, 2);
    else body += char;
  }
  return `b${quote}${body}${quote}`;
}

function hexEscape(letter: string, codePoint: number, width: number): string {
  return `\\${letter}${codePoint.toString(16).padStart(width, '0')}`;
}
