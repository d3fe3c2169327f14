import { describe, expect, it } from 'vitest';
import { pythonRepr, pythonStr } from '../../../src/python/repr.js';
import { compareCodePoints, formatPythonFloat } from '../../../src/python/values.js';
import { PyFloat } from '../../../src/python/value.js';

describe('formatPythonFloat (repr)', () => {
  it.each<[number, string]>([
    [2, '2.0'],
    [0.1, '0.1'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [-0, '-0.0'],
    [5e-324, '5e-324'],
    [Infinity, 'inf'],
    [Number.NaN, 'nan'],
  ])('%d -> %s', (value, expected) => {
    expect(formatPythonFloat(value)).toBe(expected);
  });
});

describe('pythonStr / pythonRepr', () => {
  it('prints scalars the Python way', () => {
    expect([null, true, false, 3, new PyFloat(3), 'x'].map(pythonStr)).toEqual(['None', 'True', 'False', '3', '3.0', 'x']);
  });

  it('prints containers with repr of their items', () => {
    expect(pythonRepr([1, 'it\'s', { k: null }, 'a"b\'c', '\u3000\n'])).toBe(
      `[1, "it's", {'k': None}, 'a"b\\'c', '\\u3000\\n']`,
    );
  });
});

describe('compareCodePoints', () => {
  it('orders characters above U+FFFF after U+FF21, unlike a UTF-16 comparison', () => {
    expect(['😀', 'Ａ', 'B', 'a'].sort(compareCodePoints)).toEqual(['B', 'a', 'Ａ', '😀']);
  });
});
