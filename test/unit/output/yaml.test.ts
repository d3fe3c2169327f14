/**
 * YAML cases beyond the recorded goldens. Expected bytes were measured with the libyaml C
 * emitter (0.2.5, the emitter behind AWS CLI v2.9's ruamel.yaml) driven by the YAML 1.2
 * resolver of SPEC 1.4 — the same setup that reproduces yaml_scalar_quoting{,2} byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { PyFloat, type OutputValue } from '../../../src/python/value.js';
import { formatYaml, formatYamlStreamPage } from '../../../src/output/yaml.js';

const WORDS = Array.from({ length: 40 }, (_, index) => `w${String(index).padStart(2, '0')}`).join(' ');
const FIRST_LINE = 'w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19';
const SECOND_LINE = 'w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39';

describe('formatYaml scalar styles', () => {
  it.each<[string, string, string]>([
    ['an int-looking string is single-quoted', '123', "v: '123'\n"],
    ['YAML 1.2 reads 1_000 as an int', '1_000', "v: '1_000'\n"],
    ['yes is a string in YAML 1.2', 'yes', 'v: yes\n'],
    ['a leading _ is not tried as a number', '_1', 'v: _1\n'],
    ['a signed number', '+1', "v: '+1'\n"],
    ['an octal number', '0o17', "v: '0o17'\n"],
    ['a date-time with a space separator', '2020-1-1 1:02:03', "v: '2020-1-1 1:02:03'\n"],
    ['a trailing colon', 'x:', "v: 'x:'\n"],
    ['a no-break space is printable', 'a\u00a0b', 'v: a\u00a0b\n'],
    ['characters above U+FFFF are escaped', '😀', 'v: "\\U0001F600"\n'],
    ['a byte order mark is escaped', '\ufeffa', 'v: "\\uFEFFa"\n'],
    ['NEL uses its short escape', 'a\x85b', 'v: "a\\Nb"\n'],
    ['CR is escaped', 'a\rb', 'v: "a\\rb"\n'],
    ['a space after a line break needs double quotes', 'a\n b', 'v: "a\\n b"\n'],
  ])('%s', (_, text, expected) => {
    expect(formatYaml({ v: text })).toBe(expected);
  });

  it('quotes any text starting with --- or ..., as libyaml does', () => {
    expect(formatYaml({ a: '---x', b: '--- x', c: '...x' })).toBe("a: '---x'\nb: '--- x'\nc: '...x'\n");
  });

  it('single-quotes an empty key', () => {
    expect(formatYaml({ '': 1 })).toBe("'': 1\n");
  });
});

/**
 * Where js-yaml cannot follow libyaml (README, "Differences from aws s3api"): libyaml folds
 * long scalars at a space past column 80 and writes keys over 128 bytes as `? key`. The output
 * reads back as the same values; these cases pin the shape we print.
 */
describe('formatYaml long scalars and keys', () => {
  it('keeps a long plain scalar on one line, never as a block scalar', () => {
    expect(formatYaml({ k: WORDS })).toBe(`k: ${FIRST_LINE} ${SECOND_LINE}\n`);
    expect(formatYaml({ outer: { inner: WORDS } })).toBe(`outer:\n  inner: ${WORDS}\n`);
    expect(formatYaml({ Keys: [WORDS] })).toBe(`Keys:\n- ${WORDS}\n`);
  });

  it('keeps long quoted scalars on one line', () => {
    expect(formatYaml({ k: `@${WORDS}` })).toBe(`k: '@${WORDS}'\n`);
    expect(formatYaml({ k: `${WORDS}\t` })).toBe(`k: "${WORDS}\\t"\n`);
  });

  it('writes a key of any length as a simple key', () => {
    const key = 'k'.repeat(129);
    expect(formatYaml({ [key]: 'v' })).toBe(`${key}: v\n`);
  });

  it('writes U+2028 raw inside single quotes without a line break', () => {
    expect(formatYaml({ v: 'a\u2028b' })).toBe("v: 'a\u2028b'\n");
  });
});

describe('formatYaml multi-line strings', () => {
  it('single-quotes a multi-line string, a line feed as an empty line', () => {
    expect(formatYaml({ outer: { v: 'line1\nline2\n' } })).toBe("outer:\n  v: 'line1\n\n    line2\n\n    '\n");
  });

  it('double-quotes a line break next to a space', () => {
    expect(formatYaml({ v: 'a \nb' })).toBe('v: "a \\nb"\n');
  });
});

describe('formatYaml structure', () => {
  it('sorts keys by code point, not by UTF-16 unit', () => {
    // U+FF21 (fullwidth A) sorts before U+1F600 in Python; a UTF-16 comparison reverses them.
    expect(formatYaml({ '😀': 1, 'Ａ': 2 })).toBe('Ａ: 2\n"\\U0001F600": 1\n');
  });

  it('writes nested and empty sequences', () => {
    expect(formatYaml({ a: [[1, 2], []] })).toBe('a:\n- - 1\n  - 2\n- []\n');
  });

  it('prints a top-level scalar as JSON', () => {
    expect(formatYaml('ünï')).toBe('"ünï"\n');
    expect(formatYaml(new PyFloat(2))).toBe('2.0\n');
  });

  it('prints nothing for an empty dict but [] for an empty list', () => {
    expect(formatYaml({})).toBe('');
    expect(formatYaml([])).toBe('[]\n');
  });

  it.each<[string, OutputValue, string]>([
    ['a float keeps its fraction', new PyFloat(2), '2.0'],
    ['a large float uses an exponent', new PyFloat(1e16), '1e+16'],
    ['NaN', new PyFloat(Number.NaN), '.nan'],
    ['negative infinity', new PyFloat(-Infinity), '-.inf'],
    ['an int beyond 2^53 prints all digits', 2 ** 60, '1152921504606846976'],
  ])('represents numbers like ruamel: %s', (_, value, expected) => {
    expect(formatYaml({ v: value })).toBe(`v: ${expected}\n`);
  });
});

describe('formatYamlStreamPage', () => {
  it('wraps the page in a one-item sequence', () => {
    expect(formatYamlStreamPage({ Parts: [{ a: 1 }], B: 'x' })).toBe('- B: x\n  Parts:\n  - a: 1\n');
  });

  it.each<[string, OutputValue, string]>([
    ['null', null, '- null\n'],
    ['an empty string', '', "- ''\n"],
    ['an empty list', [], '- []\n'],
    ['zero', 0, '- 0\n'],
  ])('wraps a scalar query result: %s', (_, page, expected) => {
    expect(formatYamlStreamPage(page)).toBe(expected);
  });

  it('prints nothing for an empty page', () => {
    expect(formatYamlStreamPage({})).toBe('');
  });
});
