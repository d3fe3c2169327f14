/**
 * `--output yaml` and `--output yaml-stream` (SPEC 1.4, 1.5): the bytes AWS CLI v2 writes
 * through ruamel.yaml (YAML 1.2 resolver, safe representer, sorted keys) and the libyaml C
 * emitter, produced with js-yaml's `dump`.
 *
 * js-yaml is configured through its extension points: a schema whose implicit tags are
 * ruamel's YAML 1.2 resolver (it decides which strings need quotes) and which represents
 * ints, Python floats, booleans and null the way ruamel does; a scalar style rule with
 * libyaml's choice between plain, single and double quotes; a transform that sorts keys by
 * code point. Out of its reach (README, "Differences from aws s3api"): libyaml folds long
 * scalars at a space past column 80, writes keys over 128 bytes as `? key`, and breaks a
 * single-quoted line after U+2028.
 */
import {
  dump,
  defineScalarTag,
  mapTag,
  NOT_RESOLVED,
  SCALAR_STYLE,
  Schema,
  seqTag,
  strTag,
  visit,
  type Document,
  type ScalarLayout,
  type ScalarStyle,
} from 'js-yaml';
import { formatJson } from './json.js';
import {
  compareCodePoints,
  floatValue,
  formatPythonFloat,
  formatPythonInt,
  isEmptyDict,
  isPythonFloat,
  isScalar,
} from '../python/values.js';
import type { OutputValue, PyFloat } from '../python/value.js';

/**
 * A top-level scalar is written as JSON (ruamel would end such a document with `...`), and an
 * empty dict — a response without output members — prints nothing.
 */
export function formatYaml(value: OutputValue): string {
  if (isEmptyDict(value)) return '';
  if (isScalar(value)) return formatJson(value);
  return dumpLikeRuamel(value);
}

/** One page of `yaml-stream`: the page as the only item of a sequence (`- Key: …`). */
export function formatYamlStreamPage(page: OutputValue): string {
  if (isEmptyDict(page)) return '';
  return dumpLikeRuamel([page]);
}

function dumpLikeRuamel(root: OutputValue): string {
  const text = dump(root, {
    schema: RUAMEL_SCHEMA,
    // Shared sub-objects (an aggregated page reusing a dict) are written out again, as ruamel
    // does for a tree parsed from JSON, instead of as anchors and aliases.
    noRefs: true,
    // ruamel writes a sequence that is a mapping value on the key's column (`Parts:⏎- ETag`).
    seqNoIndent: true,
    scalarStyleRules: [libyamlScalarStyle],
    transform: sortKeysByCodePoint,
  });
  return escapeAstralCharacters(text);
}

/** Python sorts keys by code point; js-yaml's own `sortKeys` compares UTF-16 units. */
function sortKeysByCodePoint(documents: Document[]): void {
  visit(documents, (node) => {
    if (node.kind !== 'mapping') return;
    node.items.sort((left, right) =>
      compareCodePoints(
        left.key.kind === 'scalar' ? left.key.value : '',
        right.key.kind === 'scalar' ? right.key.value : '',
      ),
    );
  });
}

/**
 * libyaml writes characters above U+FFFF as `\UXXXXXXXX`, which js-yaml's double-quoted style
 * does not. `libyamlScalarStyle` double-quotes every string holding one (libyaml finds them
 * unprintable), so each such character in the dump stands inside double quotes, where the
 * escape means the same character.
 */
function escapeAstralCharacters(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, (char) => {
    return `\\U${char.codePointAt(0)!.toString(16).toUpperCase().padStart(8, '0')}`;
  });
}

/**
 * ruamel's YAML 1.2 implicit resolver: a string it would read back as bool, int, float, null,
 * timestamp, merge key or value indicator must be quoted. Like ruamel, a pattern is only tried
 * when the text starts with one of its first characters (so `_1` stays a string). The tags that
 * also represent a value print it the way ruamel's safe representer does.
 */
function resolverTag<Result>(
  name: string,
  firstCharacters: string,
  pattern: RegExp,
  construct: (text: string) => Result,
  represent?: { identify: (data: unknown) => boolean; represent: (data: unknown) => string },
) {
  return defineScalarTag<Result>(`tag:yaml.org,2002:${name}`, {
    implicit: true,
    implicitFirstChars: [...firstCharacters],
    resolve: (text) => (pattern.test(text) ? construct(text) : NOT_RESOLVED),
    identify: represent?.identify ?? (() => false),
    ...(represent && { represent: represent.represent }),
  });
}

const boolTag = resolverTag('bool', 'tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => /^t/i.test(text), {
  identify: (data) => typeof data === 'boolean',
  represent: (data) => (data === true ? 'true' : 'false'),
});

const floatTag = resolverTag(
  'float',
  '-+0123456789.',
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  Number,
  {
    identify: (data) => isPythonFloat(data as OutputValue),
    represent: (data) => representFloat(floatValue(data as PyFloat | number)),
  },
);

const intTag = resolverTag(
  'int',
  '-+0123456789',
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  Number,
  { identify: (data) => typeof data === 'number', represent: (data) => formatPythonInt(data as number) },
);

/** ruamel resolves the empty string to null too. */
const nullTag = defineScalarTag<null>('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['~', 'n', 'N', ''],
  resolve: (text) => (/^(?:~|null|Null|NULL|)$/.test(text) ? null : NOT_RESOLVED),
  identify: (data) => data === null,
  represent: () => 'null',
});

const RUAMEL_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag,
  nullTag,
  boolTag,
  // Before int: a PyFloat holding an integral value (`2.0`) is a float.
  floatTag,
  intTag,
  resolverTag(
    'timestamp',
    '0123456789',
    /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
    String,
  ),
  resolverTag('merge', '<', /^<<$/, String),
  resolverTag('value', '=', /^=$/, String),
]);

/** ruamel's float representer: Python's repr in lower case, YAML's spellings of nan and inf. */
function representFloat(number: number): string {
  if (Number.isNaN(number)) return '.nan';
  if (!Number.isFinite(number)) return number > 0 ? '.inf' : '-.inf';
  return formatPythonFloat(number).toLowerCase();
}

/**
 * libyaml's choice for a string: plain if the text allows it and would not be read back as
 * another type, else single quotes if they can hold it, else double quotes. Ints, floats,
 * booleans and null stay plain.
 */
function libyamlScalarStyle(layout: ScalarLayout): void {
  const { node, presenterOptions } = layout;
  if (node.tag !== strTag.tagName) {
    layout.style = SCALAR_STYLE.PLAIN;
    return;
  }
  const text = node.value;
  const { schema } = presenterOptions;
  const resolvesToNonString = schema.resolveImplicitScalarTag(text).tag !== schema.defaultScalarTag;
  const analysis = analyzeScalar(text);
  let style: ScalarStyle = SCALAR_STYLE.PLAIN;
  if (!analysis.plainAllowed || resolvesToNonString) style = SCALAR_STYLE.SINGLE_QUOTED;
  if (style === SCALAR_STYLE.SINGLE_QUOTED && !analysis.singleQuotedAllowed) style = SCALAR_STYLE.DOUBLE_QUOTED;
  layout.style = style;
}

interface ScalarAnalysis {
  /** Plain in block context. */
  readonly plainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
}

const INDICATORS_AT_START = new Set(['#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/**
 * What libyaml's scalar analysis decides for block context. It looks at UTF-16 units: a
 * character above U+FFFF is two surrogates, both non-printable, which is what libyaml decides
 * for the whole character.
 */
function analyzeScalar(text: string): ScalarAnalysis {
  if (text === '') return { plainAllowed: true, singleQuotedAllowed: true };
  const last = text.length - 1;
  let hasIndicator = text.startsWith('---') || text.startsWith('...');
  let hasSpecialCharacter = false;
  let hasLineBreak = false;
  let leadingOrTrailingBlank = false;
  let spaceThenBreak = false;
  let breakThenSpace = false;
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index <= last; index += 1) {
    const char = text[index];
    const followedByBlank = index === last || isBlank(text[index + 1]);
    if (index === 0) {
      if (INDICATORS_AT_START.has(char)) hasIndicator = true;
      if ((char === '?' || char === ':' || char === '-') && followedByBlank) hasIndicator = true;
    } else {
      if (char === ':' && followedByBlank) hasIndicator = true;
      if (char === '#' && isBlank(text[index - 1])) hasIndicator = true;
    }
    if (!isPrintable(char)) hasSpecialCharacter = true;
    if (char === ' ') {
      if (index === 0 || index === last) leadingOrTrailingBlank = true;
      if (previousBreak) breakThenSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isLineBreak(char)) {
      hasLineBreak = true;
      if (index === 0 || index === last) leadingOrTrailingBlank = true;
      if (previousSpace) spaceThenBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
  }
  const singleQuotedAllowed = !breakThenSpace && !spaceThenBreak && !hasSpecialCharacter;
  return {
    plainAllowed: singleQuotedAllowed && !leadingOrTrailingBlank && !hasLineBreak && !hasIndicator,
    singleQuotedAllowed,
  };
}

function isLineBreak(char: string): boolean {
  return /[\n\r\x85\u2028\u2029]/.test(char);
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t' || isLineBreak(char);
}

/**
 * libyaml's printable set: LF, ASCII 0x20–0x7E, U+00A0–U+D7FF and U+E000–U+FFFD without the
 * BOM. TAB, CR, NEL, the C1 controls and everything above U+FFFF force double quotes.
 */
function isPrintable(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd && codePoint !== 0xfeff)
  );
}
