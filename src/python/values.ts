/**
 * The Python semantics the AWS CLI formatters rely on: `str()`/`repr()` of the parsed
 * response, float repr, truthiness, key sorting — in one place so every formatter agrees.
 *
 * Value convention: a JS `number` that is an integer is a Python `int`; any other `number`
 * and every `PyFloat` is a Python `float`.
 */
import { isOutputObject, PyFloat, type OutputObject, type OutputValue } from './value.js';

/** Python's `str(int)`: all digits, never exponent notation (JS switches to `1e+21`). */
export function formatPythonInt(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/**
 * Python's `repr(float)`: the shortest digits that read back to the same double (as JS),
 * laid out the Python way — positional while the decimal point sits between 10^-4 and 10^16,
 * otherwise `d.ddde±XX`; a positional value always keeps a fraction (`2.0`).
 */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';

  const { negative, digits, pointPosition } = shortestDecimalDigits(value);
  let body: string;
  if (pointPosition > -4 && pointPosition <= 16) {
    if (pointPosition <= 0) {
      body = `0.${'0'.repeat(-pointPosition)}${digits}`;
    } else if (pointPosition >= digits.length) {
      body = `${digits}${'0'.repeat(pointPosition - digits.length)}.0`;
    } else {
      body = `${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
    }
  } else {
    const exponent = pointPosition - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentSign = exponent < 0 ? '-' : '+';
    body = `${mantissa}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return negative ? `-${body}` : body;
}

/**
 * The significant digits of JS's shortest round-trip representation and where the decimal
 * point goes: value = 0.DIGITS × 10^pointPosition.
 */
function shortestDecimalDigits(value: number): { negative: boolean; digits: string; pointPosition: number } {
  const text = String(Math.abs(value));
  const [mantissa, exponentText = '0'] = text.split('e');
  const [integerPart, fractionPart = ''] = mantissa.split('.');
  const allDigits = integerPart + fractionPart;
  const leadingZeros = allDigits.length - allDigits.replace(/^0+/, '').length;
  const digits = allDigits.slice(leadingZeros).replace(/0+$/, '');
  return {
    negative: value < 0,
    digits,
    pointPosition: integerPart.length - leadingZeros + Number(exponentText),
  };
}

export function isPythonFloat(value: OutputValue): value is PyFloat | number {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

export function floatValue(value: PyFloat | number): number {
  return value instanceof PyFloat ? value.value : value;
}

/** Python truthiness: None, False, 0, 0.0, "", [] and {} are false. */
export function isPythonFalsy(value: OutputValue): boolean {
  if (value === null || value === false || value === '' || value === 0) return true;
  if (value instanceof PyFloat) return value.value === 0;
  if (Array.isArray(value)) return value.length === 0;
  return isEmptyDict(value);
}

export type OutputScalar = null | boolean | number | string | PyFloat;

/** The CLI's `response == {}` test: an operation without output members prints nothing. */
export function isEmptyDict(value: OutputValue): boolean {
  return isOutputObject(value) && Object.keys(value).length === 0;
}

/** Neither a list nor a dict: what the CLI formatters treat as a scalar. */
export function isScalar(value: OutputValue): value is OutputScalar {
  return !Array.isArray(value) && !isOutputObject(value);
}

/**
 * Python sorts strings by code point; JS's default sort compares UTF-16 units, which puts
 * characters above U+FFFF before U+E000–U+FFFF.
 */
export function compareCodePoints(left: string, right: string): number {
  const shared = Math.min(left.length, right.length);
  for (let index = 0; index < shared; index += 1) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) return codePointRank(leftUnit) - codePointRank(rightUnit);
  }
  return left.length - right.length;
}

/**
 * At the first differing UTF-16 unit, surrogates (U+D800–U+DFFF, i.e. code points above
 * U+FFFF) must rank above U+E000–U+FFFF for the order to follow code points.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

export function sortCodePoints(names: Iterable<string>): string[] {
  return [...names].sort(compareCodePoints);
}

export function sortedKeys(object: OutputObject): string[] {
  return sortCodePoints(Object.keys(object));
}
