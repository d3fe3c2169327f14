/**
 * Character classes of Python's `str` methods, which the AWS CLI's parsers rely on and which
 * differ from JavaScript's (`\s`, `trim()` and `/\d/` each accept a different set).
 */

/** Code points for which Python's `str.isspace()` is true (bidi class WS, B or S, or Zs). */
const PYTHON_SPACE = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const ASCII_SPACE = /^[\t-\r ]$/;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

export function isPythonSpace(char: string): boolean {
  return PYTHON_SPACE.test(char);
}

/** Python's `str.strip()` with no argument. */
export function pythonStrip(text: string): string {
  return pythonRstrip(pythonLstrip(text));
}

export function pythonLstrip(text: string): string {
  let start = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, text[text.length] is undefined, which is not a space
  while (start < text.length && isPythonSpace(text[start])) start++;
  return text.slice(start);
}

export function pythonRstrip(text: string): string {
  let end = text.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, text[-1] is undefined, which is not a space
  while (end > 0 && isPythonSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Python's `str.isdigit()` for one code point, restricted to decimal digits (category Nd). */
export function isDecimalDigit(char: string): boolean {
  return DECIMAL_DIGIT.test(char);
}

/**
 * Python's `int()` and `float()` first rewrite their argument to ASCII: any Unicode decimal
 * digit becomes its ASCII digit and non-ASCII whitespace a space, while ASCII characters stay
 * as they are (so `\x1c`, which `isspace()` accepts, is *not* stripped by `int()`). Other
 * non-ASCII characters make the literal invalid: `undefined`.
 */
export function toAsciiNumeral(text: string): string | undefined {
  let ascii = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) ascii += char;
    else if (isPythonSpace(char)) ascii += ' ';
    else if (isDecimalDigit(char)) ascii += String(decimalDigitValue(codePoint));
    else return undefined;
  }
  return trimAsciiSpace(ascii);
}

function trimAsciiSpace(text: string): string {
  let start = 0;
  let end = text.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the end the character is undefined, which is not a space
  while (start < end && ASCII_SPACE.test(text[start])) start++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the start the character is undefined or already stripped, never a space to keep
  while (end > start && ASCII_SPACE.test(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Every Unicode decimal digit (category Nd) replaced by its ASCII digit. */
export function toAsciiDigits(text: string): string {
  let ascii = '';
  for (const char of text) ascii += isDecimalDigit(char) ? String(decimalDigitValue(char.codePointAt(0)!)) : char;
  return ascii;
}

/** Unicode encodes every decimal digit set as a contiguous run of ten, zero first. */
function decimalDigitValue(codePoint: number): number {
  let runStart = codePoint;
  while (isDecimalDigit(String.fromCodePoint(runStart - 1))) runStart--;
  return (codePoint - runStart) % 10;
}
