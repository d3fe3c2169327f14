import { describe, expect, it } from 'vitest';
import { parseArgparseInt, parsePythonInt, pythonIntOf, tryParsePythonInt } from '../../../src/python/int.js';
import { errorOf } from '../../support/errors.js';
import { readGolden } from '../../support/golden.js';
import { goldenArgument, goldenMessage } from './support.js';


describe('parsePythonInt (Python int())', () => {
  it.each<[string, number]>([
    ['42', 42],
    [' +2 ', 2],
    ['-5', -5],
    ['-0', 0],
    ['00012', 12],
    ['1_000', 1000],
    ['\t7\n', 7],
    ['\u00a012\u2003', 12],
    ['١٢', 12],
    ['１２', 12],
    ['𝟗', 9],
  ])('int(%j) = %d', (text, expected) => {
    expect(parsePythonInt(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['abc', "'abc'"],
    ['1.5', "'1.5'"],
    ['1__0', "'1__0'"],
    ['_1', "'_1'"],
    ['1_', "'1_'"],
    ['+', "'+'"],
    ['', "''"],
    [' ', "' '"],
    ['0x10', "'0x10'"],
    ['- 1', "'- 1'"],
    ['1e3', "'1e3'"],
    // int() strips only ASCII and non-ASCII whitespace, not the ASCII separators \x1c-\x1f.
    ['\x1c5\x1f', "'\\x1c5\\x1f'"],
    ["it's", '"it\'s"'],
    ['a"b\'c', "'a\"b\\'c'"],
    ['²', "'²'"],
  ])('int(%j) fails showing %s', (text, shown) => {
    const error = errorOf(() => parsePythonInt(text));
    expect(error.message).toBe(`invalid literal for int() with base 10: ${shown}`);
    expect(error.exitCode).toBe(255);
    expect(tryParsePythonInt(text)).toBeUndefined();
  });

  it('refuses more than 4300 digits like Python 3.11, counting digits only', () => {
    expect(parsePythonInt('9'.repeat(4300))).toBeGreaterThan(1e300);
    expect(errorOf(() => parsePythonInt(`${'1_'.repeat(4300)}1`)).message).toBe(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; ' +
        'use sys.set_int_max_str_digits() to increase the limit',
    );
  });
});

describe('pythonIntOf (int() of a shorthand value)', () => {
  it('parses ASCII bytes', () => {
    expect(pythonIntOf(Buffer.from(' 12 '))).toBe(12);
  });

  it.each<[unknown, string]>([
    [Buffer.from('a\xa0', 'latin1'), "invalid literal for int() with base 10: b'a\\xa0'"],
    [['1'], "int() argument must be a string, a bytes-like object or a real number, not 'list'"],
    [{ a: '1' }, "int() argument must be a string, a bytes-like object or a real number, not 'dict'"],
  ])('int(%o) fails: %s', (value, message) => {
    const error = errorOf(() => pythonIntOf(value));
    expect([error.message, error.exitCode]).toEqual([message, 255]);
  });
});

describe('parseArgparseInt (argparse type=int)', () => {
  it('accepts what int() accepts', () => {
    expect(parseArgparseInt('--content-length', ' 1_024 ')).toBe(1024);
  });

  it('fails with the usage error of err_content_length_not_int', () => {
    const error = errorOf(() => parseArgparseInt('--content-length', 'abc'));
    const recorded = /aws: error: (.*)\n/.exec(readGolden('err_content_length_not_int').stderr)![1];
    expect(error.message).toBe(recorded);
    expect([error.exitCode, error.withUsage]).toEqual([readGolden('err_content_length_not_int').exitCode, true]);
  });
});

describe('goldens', () => {
  it.each<[string, string]>([
    ['err_part_number_not_int', 'abc'],
    ['head_err_part_number_not_int', 'abc'],
    ['err_max_parts_float', '1.5'],
  ])('%s', (name, text) => {
    const error = errorOf(() => parsePythonInt(text));
    expect(error.message).toBe(goldenMessage(name));
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });

  it("part_number_plus_spaces: --max-parts ' +2 ' is sent as 2", () => {
    const text = goldenArgument('part_number_plus_spaces', '--max-parts');
    expect(text).toBe(' +2 ');
    expect(String(parsePythonInt(text))).toBe(readGolden('part_number_plus_spaces').stdout.trim());
  });
});
