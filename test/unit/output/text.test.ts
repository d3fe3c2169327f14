/**
 * Text cases beyond the recorded goldens; expected bytes measured by running AWS CLI v2's text
 * formatter on the same values.
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors/errors.js';
import { formatText } from '../../../src/output/text.js';
import { PyFloat, type OutputValue } from '../../../src/python/value.js';

describe('formatText', () => {
  it('gives every dict of a list the columns of all elements, missing ones empty', () => {
    // `x` is a list in the second element, so it prints there as Python's repr.
    const value: OutputValue = { a: [{ x: 1, y: [1] }, { x: [2], z: 'q' }], b: new PyFloat(2.5), c: null };
    expect(formatText(value)).toBe('2.5\tNone\nA\t1\t\nY\t1\nA\t[2]\tq\n');
  });

  it('prints the scalars of a mixed list first, then each nested list', () => {
    expect(formatText([[1, [2, 3]], 4])).toBe('4\n1\n2\t3\n');
  });

  it('prints scalars with str(): None, True, floats with a fraction', () => {
    expect(formatText([null, true, new PyFloat(2), 1e-7, 'x'])).toBe('None\tTrue\t2.0\t1e-07\tx\n');
  });

  it('prefixes scalar list items with the upper-cased key', () => {
    expect(formatText({ keys: ['a', 'b'] })).toBe('KEYS\ta\nKEYS\tb\n');
  });

  it('writes tabs and newlines inside values raw', () => {
    expect(formatText({ v: 'a\tb\nc' })).toBe('a\tb\nc\n');
  });

  it.each<[string, OutputValue, string]>([
    ['an int', [{ a: 1 }, 2], "'int' object has no attribute 'items'"],
    ['a string', { k: [{ a: 1 }, 'x'] }, "'str' object has no attribute 'items'"],
    ['None', [null, { a: 1 }], "'NoneType' object has no attribute 'items'"],
  ])('fails like Python on %s in a list with dicts', (_, value, message) => {
    expect(() => formatText(value)).toThrow(message);
    expect(() => formatText(value)).toThrow(CliError);
  });
});
