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

/** `str(value)`: what the text and table formats print for a cell. */
export function pythonStr(value: OutputValue): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** `repr(value)`: how Python prints a value nested inside a list or dict. */
export function pythonRepr(value: OutputValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return reprString(value);
  if (isPythonFloat(value)) return formatPythonFloat(floatValue(value));
  if (typeof value === 'number') return formatPythonInt(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${reprString(key)}: ${pythonRepr(item)}`);
  return `{${entries.join(', ')}}`;
}

/** Characters `str.isprintable()` rejects: other/separator categories, except the space. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function reprString(text: string): string {
  // Python prefers single quotes and switches to double quotes only to avoid escaping.
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (char === quote || char === '\\') result += `\\${char}`;
    else if (char === '\t') result += '\\t';
    else if (char === '\n') result += '\\n';
    else if (char === '\r') result += '\\r';
    else if (char !== ' ' && NOT_PRINTABLE.test(char)) result += escapeCodePoint(codePoint);
    else result += char;
  }
  return result + quote;
}

function escapeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16);
  if (codePoint <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** The name in Python's `'int' object has no attribute 'items'` style messages. */
export function pythonTypeName(value: OutputValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (isPythonFloat(value)) return 'float';
  if (typeof value === 'number') return 'int';
  return Array.isArray(value) ? 'list' : 'dict';
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
