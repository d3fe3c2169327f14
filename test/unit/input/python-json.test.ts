import { describe, expect, it } from 'vitest';
import { parsePythonJson } from '../../../src/python/json.js';
import { isOrderedDict, pythonRepr } from '../../../src/python/repr.js';
import { pythonJsonError as errorOf } from './support.js';

// Expected texts recorded from Python 3.11: json.loads(text, object_pairs_hook=OrderedDict).
describe('parsePythonJson errors', () => {
  it.each<[string, string]>([
    ['{"Parts": [}', 'Expecting value: line 1 column 12 (char 11)'],
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['   ', 'Expecting value: line 1 column 4 (char 3)'],
    ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{a:1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{"a":1', "Expecting ',' delimiter: line 1 column 7 (char 6)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['[01]', "Expecting ',' delimiter: line 1 column 3 (char 2)"],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['[1,\n 2,\n ]', 'Expecting value: line 3 column 2 (char 9)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"abc\\', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\qb"', 'Invalid \\escape: line 1 column 3 (char 2)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"\\u1234', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"a\x01b"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['{"a":1} x', 'Extra data: line 1 column 9 (char 8)'],
    ['1.', 'Extra data: line 1 column 2 (char 1)'],
    ['-', 'Expecting value: line 1 column 1 (char 0)'],
    ['nul', 'Expecting value: line 1 column 1 (char 0)'],
    ['\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
    ['["😀",\n "😀", x]', 'Expecting value: line 2 column 7 (char 12)'],
    ['\u00a0{}', 'Expecting value: line 1 column 1 (char 0)'],
    ['["😀", x]', 'Expecting value: line 1 column 7 (char 6)'],
  ])('%j: %s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});

describe('parsePythonJson values', () => {
  it.each<[string, string]>([
    ['{"a": [1, 2.5, 1.0, 1e2, -0, null, true, false]}', "OrderedDict([('a', [1, 2.5, 1.0, 100.0, 0, None, True, False])])"],
    ['[NaN, Infinity, -Infinity, 1e400]', '[nan, inf, -inf, inf]'],
    ['{"a": 1, "a": 2, "b": 3}', "OrderedDict([('a', 2), ('b', 3)])"],
    ['"\\ud83d\\ude00 \\ud83d \\u00e9 \\n\\/"', "'😀 \\ud83d é \\n/'"],
    ['{"__proto__": {"x": 1}}', "OrderedDict([('__proto__', OrderedDict([('x', 1)]))])"],
    [' \t\n{}\r\n', 'OrderedDict()'],
  ])('%j -> %s', (text, repr) => {
    expect(pythonRepr(parsePythonJson(text))).toBe(repr);
  });

  it('keeps a __proto__ key as data and marks objects as OrderedDict', () => {
    const value = parsePythonJson('{"__proto__": 1}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(isOrderedDict(value)).toBe(true);
  });
});
