import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../../src/python/value.js';
import {
  asOrderedDict,
  isPythonDict,
  pythonClass,
  pythonRepr,
  pythonStr,
  reprString,
} from '../../../src/python/repr.js';

describe('reprString (Python str repr)', () => {
  it.each<[string, string]>([
    ['abc', "'abc'"],
    ["it's", '"it\'s"'],
    ['a"b\'c', "'a\"b\\'c'"],
    ['say "hi"', "'say \"hi\"'"],
    ['back\\slash', "'back\\\\slash'"],
    ['\t\n\r', "'\\t\\n\\r'"],
    ['\x00\x7f\x85\xa0', "'\\x00\\x7f\\x85\\xa0'"],
    ['é\u200b😀', "'é\\u200b😀'"],
    ['\ud800', "'\\ud800'"],
    [' \u3000\u2028', "' \\u3000\\u2028'"],
    ['\u{e0001}', "'\\U000e0001'"],
  ])('repr(%j) = %s', (text, expected) => {
    expect(reprString(text)).toBe(expected);
  });
});

describe('pythonRepr / pythonStr', () => {
  it('prints shorthand dicts as dict and JSON objects as Python 3.11 OrderedDict', () => {
    const fromJson = asOrderedDict({
      a: [1, new PyFloat(2), null, true],
      b: asOrderedDict({ c: Buffer.from("it's") }),
    });
    expect(pythonRepr(fromJson)).toBe(`OrderedDict([('a', [1, 2.0, None, True]), ('b', OrderedDict([('c', b"it's")]))])`);
    expect(pythonRepr(asOrderedDict({}))).toBe('OrderedDict()');
    expect(pythonRepr({ ETag: 'a', PartNumber: 1 })).toBe("{'ETag': 'a', 'PartNumber': 1}");
  });

  it('prints bytes, floats and big ints like Python', () => {
    expect(pythonRepr(Buffer.from('\x00\t\\\x7f"', 'latin1'))).toBe(`b'\\x00\\t\\\\\\x7f"'`);
    expect(pythonRepr(Buffer.from(`"'`))).toBe(`b'"\\''`);
    expect([new PyFloat(1e16), 1.5, new PyFloat(-0), 2 ** 70].map(pythonRepr)).toEqual([
      '1e+16',
      '1.5',
      '-0.0',
      '1180591620717411303424',
    ]);
  });

  it('str() leaves strings bare and reprs everything else', () => {
    expect([pythonStr('not-a-date'), pythonStr(['a']), pythonStr(undefined)]).toEqual(['not-a-date', "['a']", 'None']);
  });

  it.each<[unknown, string]>([
    ['x', "<class 'str'>"],
    [1, "<class 'int'>"],
    [1.5, "<class 'float'>"],
    [new PyFloat(1), "<class 'float'>"],
    [true, "<class 'bool'>"],
    [null, "<class 'NoneType'>"],
    [Buffer.from('x'), "<class 'bytes'>"],
    [[], "<class 'list'>"],
    [{}, "<class 'dict'>"],
    [asOrderedDict({}), "<class 'collections.OrderedDict'>"],
  ])('type(%o) is %s', (value, expected) => {
    expect(pythonClass(value)).toBe(expected);
  });

  it('treats only plain objects as dicts', () => {
    expect([{}, [], Buffer.from(''), new PyFloat(1), null, 'x'].map(isPythonDict)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
