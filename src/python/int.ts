/**
 * Integer conversion as the AWS CLI does it: integer members go through Python's `int()` after
 * argparse (failure exits 255 with Python's ValueError text), while the members argparse types
 * itself (`long`, `--max-items`, `--page-size`) fail with argparse's usage error (252).
 */

import { generalError, usageError } from '../errors/errors.js';
import { toAsciiNumeral } from './chars.js';
import { pythonRepr, pythonTypeName, reprString } from './repr.js';

/** Python refuses to convert longer decimal strings (sys.get_int_max_str_digits(), 3.11+). */
const MAX_INT_DIGITS = 4300;
const DECIMAL_LITERAL = /^[+-]?\d(?:_?\d)*$/;

type IntConversion = { readonly value: number } | { readonly tooManyDigits: number } | undefined;

/**
 * `int(text)`: surrounding whitespace, a sign, single `_` between digits and any Unicode
 * decimal digits are accepted; `1.5`, `0x10`, `1__0`, `_1` are not.
 */
function convert(text: string): IntConversion {
  const numeral = toAsciiNumeral(text);
  if (numeral === undefined || !DECIMAL_LITERAL.test(numeral)) return undefined;
  const digits = numeral.replace(/[+_-]/g, '');
  if (digits.length > MAX_INT_DIGITS) return { tooManyDigits: digits.length };
  // Beyond 2**53 the value loses precision: JavaScript numbers cannot hold Python's big ints.
  return { value: Number(numeral.replace(/_/g, '')) || 0 };
}

/** `int(text)` or `undefined` where Python raises ValueError. */
export function tryParsePythonInt(text: string): number | undefined {
  const result = convert(text);
  return result && 'value' in result ? result.value : undefined;
}

/** Integer members: `invalid literal for int() with base 10: 'abc'` (exit 255). */
export function parsePythonInt(text: string): number {
  return checked(convert(text), () => reprString(text));
}

/**
 * `int(value)` for any value the shorthand parser produces: text, bytes (from `key@=fileb://`,
 * parsed as ASCII only) or a list/dict, which Python refuses with a TypeError.
 */
export function pythonIntOf(value: unknown): number {
  if (typeof value === 'string') return parsePythonInt(value);
  if (value instanceof Uint8Array) {
    const ascii = Buffer.from(value).toString('latin1');
    return checked(/[^\x00-\x7f]/.test(ascii) ? undefined : convert(ascii), () => pythonRepr(value));
  }
  throw generalError(
    `int() argument must be a string, a bytes-like object or a real number, not '${pythonTypeName(value)}'`,
  );
}

function checked(result: IntConversion, showValue: () => string): number {
  if (result === undefined) throw generalError(`invalid literal for int() with base 10: ${showValue()}`);
  if ('tooManyDigits' in result) {
    throw generalError(
      `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ` +
        `${result.tooManyDigits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return result.value;
}

/** argparse `type=int` options: `argument --content-length: invalid int value: 'abc'` (252 + usage). */
export function parseArgparseInt(flag: string, text: string): number {
  const value = tryParsePythonInt(text);
  if (value === undefined) throw usageError(`argument ${flag}: invalid int value: ${reprString(text)}`);
  return value;
}
