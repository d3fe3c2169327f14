import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/output/json.js';
import { PyFloat, type OutputValue } from '../../../src/python/value.js';

describe('formatJson', () => {
  it.each<[string, OutputValue, string]>([
    ['a float keeps its fraction', new PyFloat(2), '2.0'],
    ['a large float uses a two-digit exponent', new PyFloat(1e300), '1e+300'],
    ['a small float switches to an exponent below 1e-4', new PyFloat(0.00001), '1e-05'],
    ['NaN is the JavaScript literal', new PyFloat(Number.NaN), 'NaN'],
    ['infinity is the JavaScript literal', new PyFloat(-Infinity), '-Infinity'],
    ['an int beyond 1e21 keeps all digits', 1e21, '1000000000000000000000'],
    ['a non-integer number is a float', 0.5, '0.5'],
  ])('writes numbers like json.dumps: %s', (_, value, expected) => {
    expect(formatJson(value)).toBe(`${expected}\n`);
  });

  it('indents by four spaces and keeps empty collections inline', () => {
    expect(formatJson({ a: [1, { b: [] }], c: {} })).toBe(
      '{\n    "a": [\n        1,\n        {\n            "b": []\n        }\n    ],\n    "c": {}\n}\n',
    );
  });

  it('writes non-ASCII raw and escapes control characters', () => {
    expect(formatJson({ k: 'ü日😀\x07"' })).toBe('{\n    "k": "ü日😀\\u0007\\""\n}\n');
  });

  it('prints nothing for a top-level empty dict, but prints other empty values', () => {
    expect(formatJson({})).toBe('');
    expect(formatJson([])).toBe('[]\n');
    expect(formatJson('')).toBe('""\n');
    expect(formatJson(null)).toBe('null\n');
  });
});
