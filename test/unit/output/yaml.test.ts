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
    ['U+2028 is written raw inside single quotes', 'a\u2028b', "v: 'a\u2028  b'\n"],
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

describe('formatYaml folding at column 80', () => {
  it('folds a plain scalar at the first single space past column 80', () => {
    expect(formatYaml({ k: WORDS })).toBe(`k: ${FIRST_LINE}\n  ${SECOND_LINE}\n`);
  });

  it('indents continuation lines two past the enclosing mapping', () => {
    expect(formatYaml({ outer: { inner: WORDS } })).toBe(
      'outer:\n  inner: w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11 w12 w13 w14 w15 w16 w17 w18\n' +
        '    w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38\n    w39\n',
    );
  });

  it('folds sequence items of an indentless sequence', () => {
    expect(formatYaml({ Keys: [WORDS] })).toBe(`Keys:\n- ${FIRST_LINE}\n  ${SECOND_LINE}\n`);
  });

  it('does not break at a double space in a plain scalar', () => {
    expect(formatYaml({ k: WORDS.replace('w19 ', 'w19  ') })).toBe(
      `k: ${FIRST_LINE}  w20\n  w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39\n`,
    );
  });

  it('folds single-quoted scalars', () => {
    expect(formatYaml({ k: `@${WORDS}` })).toBe(`k: '@${FIRST_LINE}\n  ${SECOND_LINE}'\n`);
  });

  it('folds double-quoted scalars and escapes a space that starts the next line', () => {
    expect(formatYaml({ k: `${WORDS}\t` })).toBe(`k: "${FIRST_LINE}\n  ${SECOND_LINE}\\t"\n`);
    expect(formatYaml({ k: `${WORDS.replace('w19 ', 'w19  ')}\t` })).toBe(`k: "${FIRST_LINE}\n  \\ ${SECOND_LINE}\\t"\n`);
  });

  it('never folds a key', () => {
    const key = WORDS.slice(0, 99);
    expect(formatYaml({ [key]: 1 })).toBe(`${key}: 1\n`);
  });

  it('writes a key longer than 128 bytes as an explicit ? / : pair', () => {
    const key = 'k'.repeat(129);
    expect(formatYaml({ [key]: 'v' })).toBe(`? ${key}\n: v\n`);
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
