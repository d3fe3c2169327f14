/**
 * Python's character classes, with expected values from Python 3.11 itself: `str.isspace()`,
 * `str.isdecimal()`, `str.strip()`/`lstrip()`/`rstrip()`, `unicodedata.decimal()`, and what
 * `int()` accepts after its rewrite to ASCII.
 */
import { describe, expect, it } from 'vitest';
import {
  isDecimalDigit,
  isPythonSpace,
  pythonLstrip,
  pythonRstrip,
  pythonStrip,
  toAsciiDigits,
  toAsciiNumeral,
} from '../../../src/python/chars.js';

/** `[c for c in range(0x110000) if chr(c).isspace()]` */
const PYTHON_SPACES = [
  0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

/** The zero of every run of ten decimal digits in the Basic Multilingual Plane (`unicodedata.decimal(c) == 0`). */
const BMP_DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040,
  0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0,
  0xaa50, 0xabf0, 0xff10,
];

const BMP = Array.from({ length: 0x10000 }, (_, codePoint) => codePoint);

describe('isPythonSpace', () => {
  it('is true exactly for the code points str.isspace() accepts', () => {
    expect(BMP.filter((codePoint) => isPythonSpace(String.fromCharCode(codePoint)))).toEqual(PYTHON_SPACES);
  });

  it('takes one character, not a string of spaces', () => {
    expect(isPythonSpace('  ')).toBe(false);
    expect(isPythonSpace('')).toBe(false);
  });
});

describe('isDecimalDigit', () => {
  it('is true exactly for str.isdecimal() in the Basic Multilingual Plane', () => {
    const expected = BMP_DIGIT_ZEROS.flatMap((zero) => Array.from({ length: 10 }, (_, digit) => zero + digit));
    expect(BMP.filter((codePoint) => isDecimalDigit(String.fromCharCode(codePoint)))).toEqual(expected);
  });

  it.each([
    ['\u{1d7ce}', true],
    ['\u00b2', false],
    ['12', false],
    ['', false],
  ])('%j -> %s', (char, expected) => {
    expect(isDecimalDigit(char)).toBe(expected);
  });
});

describe('pythonStrip, pythonLstrip, pythonRstrip', () => {
  it.each<[string, string, string, string]>([
    ['  a b  ', 'a b', 'a b  ', '  a b'],
    ['\t\n\u000b\f\r a \u001c\u001d\u001e\u001f', 'a', 'a \u001c\u001d\u001e\u001f', '\t\n\u000b\f\r a'],
    ['\u0085\u00a0a\u3000', 'a', 'a\u3000', '\u0085\u00a0a'],
    ['\u200ba\u200b', '\u200ba\u200b', '\u200ba\u200b', '\u200ba\u200b'],
    ['\u2028\u2029 x \u202f\u205f', 'x', 'x \u202f\u205f', '\u2028\u2029 x'],
    ['', '', '', ''],
    ['   ', '', '', ''],
    ['\u0000a\u0000', '\u0000a\u0000', '\u0000a\u0000', '\u0000a\u0000'],
    ['\u180ea', '\u180ea', '\u180ea', '\u180ea'],
  ])('%j', (text, stripped, leftStripped, rightStripped) => {
    expect(pythonStrip(text)).toBe(stripped);
    expect(pythonLstrip(text)).toBe(leftStripped);
    expect(pythonRstrip(text)).toBe(rightStripped);
  });
});

describe('toAsciiDigits', () => {
  it.each([
    ['\u0662\u0660\u0662\u0660-\u0660\u0661-\u0660\u0661', '2020-01-01'],
    ['\u{1d7cf}\u{1d7d0}', '12'],
    // The mathematical digits are five runs of ten in a row: the last one is a 9.
    ['\u{1d7ff}', '9'],
    ['\uff11\uff12', '12'],
    ['a1b', 'a1b'],
    ['\u00b2', '\u00b2'],
    ['\u0e53', '3'],
    ['\u07c9', '9'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(toAsciiDigits(text)).toBe(expected);
  });
});

describe('toAsciiNumeral: the text int() reads, or undefined where int() raises on the characters', () => {
  it.each<[string, string | undefined]>([
    // int('\u0661\u0662') == 12
    ['\u0661\u0662', '12'],
    // int(' \xa012\u3000') == 12: non-ASCII spaces become spaces, then are stripped.
    [' \u00a012\u3000', '12'],
    ['\t12\n', '12'],
    // int('\x1c12') raises: ASCII characters are kept, and int() strips only ASCII whitespace.
    ['\u001c12', '\u001c12'],
    ['\u00e91', undefined],
    ['1\u00b2', undefined],
    // U+0080, the first non-ASCII code point, is neither a space nor a digit: int('1\x80') raises.
    ['1\u0080', undefined],
    // int('\uff11_\uff10') == 10
    ['\uff11_\uff10', '1_0'],
    ['1\u00a02', '1 2'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(toAsciiNumeral(text)).toBe(expected);
  });
});
