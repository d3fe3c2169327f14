/**
 * `--output yaml` and `--output yaml-stream` (SPEC 1.4, 1.5): the bytes AWS CLI v2 writes
 * through ruamel.yaml (YAML 1.2 resolver, safe representer, sorted keys) and the libyaml C
 * emitter.
 *
 * js-yaml is not used. Configured as far as its options reach (`seqNoIndent`, sorted keys,
 * a schema with ruamel's resolver patterns, custom `scalarStyleRules`) it matches the layout and
 * quoting, but two recorded outputs are out of its reach: libyaml folds long plain and quoted
 * scalars at spaces once past column 80 (`long: word00 … word10⏎  word11 …` in
 * yaml_scalar_quoting2) — js-yaml never breaks a plain or quoted scalar and falls back to a
 * `>-` block instead — and libyaml escapes characters above U+FFFF in double quotes
 * (`emoji: "\U0001F600"`), which js-yaml writes raw. Its renderers cannot be replaced per
 * scalar, so this module emits the document itself, following libyaml's emitter rules.
 */
import { formatJson } from './json.js';
import {
  floatValue,
  formatPythonFloat,
  formatPythonInt,
  isEmptyDict,
  isPythonFloat,
  isScalar,
  sortedKeys,
  type OutputScalar,
} from '../python/values.js';
import { isOutputObject, type OutputObject, type OutputValue } from '../python/value.js';

/**
 * A top-level scalar is written as JSON (ruamel would end such a document with `...`), and an
 * empty dict — a response without output members — prints nothing.
 */
export function formatYaml(value: OutputValue): string {
  if (isEmptyDict(value)) return '';
  if (isScalar(value)) return formatJson(value);
  return new YamlEmitter().document(value);
}

/** One page of `yaml-stream`: the page as the only item of a sequence (`- Key: …`). */
export function formatYamlStreamPage(page: OutputValue): string {
  if (isEmptyDict(page)) return '';
  return new YamlEmitter().document([page]);
}

/** libyaml's best_width: a scalar folds at the first single space past this column. */
const LINE_WIDTH = 80;
const INDENT_STEP = 2;
/** libyaml writes longer (UTF-8 bytes) or multi-line keys as `? key` / `: value`. */
const SIMPLE_KEY_MAX_BYTES = 128;

type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted';

interface NodeContext {
  /** The node is a key or value of a mapping (lets a sequence value skip its indentation). */
  readonly inMapping: boolean;
  /** The node is a key written as `key:`; such scalars never fold. */
  readonly simpleKey: boolean;
}

/**
 * The emitter state libyaml keeps while writing: the column, whether the last character was
 * whitespace, whether only indentation was written on the line, and the block indentation.
 */
class YamlEmitter {
  private output = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  /** -1 until the root collection starts. */
  private indent = -1;

  document(root: OutputValue[] | OutputObject): string {
    this.node(root, { inMapping: false, simpleKey: false });
    this.writeIndent();
    return this.output;
  }

  private node(value: OutputValue, context: NodeContext): void {
    if (Array.isArray(value)) this.sequence(value, context);
    else if (isOutputObject(value)) this.mapping(value);
    else this.scalar(value, context);
  }

  private sequence(items: readonly OutputValue[], context: NodeContext): void {
    if (items.length === 0) {
      this.writeEmptyFlowCollection('[', ']');
      return;
    }
    const outerIndent = this.indent;
    // A sequence that is a mapping value starts on the key's column (`Parts:⏎- ETag: …`).
    this.increaseIndent(false, context.inMapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { inMapping: false, simpleKey: false });
    }
    this.indent = outerIndent;
  }

  private mapping(dict: OutputObject): void {
    const keys = sortedKeys(dict);
    if (keys.length === 0) {
      this.writeEmptyFlowCollection('{', '}');
      return;
    }
    const outerIndent = this.indent;
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.scalar(key, { inMapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, { inMapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(dict[key], { inMapping: true, simpleKey: false });
    }
    this.indent = outerIndent;
  }

  private writeEmptyFlowCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(value: OutputScalar, context: NodeContext): void {
    const outerIndent = this.indent;
    this.increaseIndent(true, false);
    const allowBreaks = !context.simpleKey;
    if (typeof value !== 'string') {
      this.writePlain(representNonString(value), allowBreaks);
    } else {
      const style = selectStyle(value, context.simpleKey);
      if (style === 'plain') this.writePlain(value, allowBreaks);
      else if (style === 'single-quoted') this.writeSingleQuoted(value, allowBreaks);
      else this.writeDoubleQuoted(value, allowBreaks);
    }
    this.indent = outerIndent;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    if (this.indent < 0) this.indent = flow ? INDENT_STEP : 0;
    else if (!indentless) this.indent += INDENT_STEP;
  }

  /**
   * libyaml replaces a single space by a line break once the line is past the width. Plain and
   * quoted text only ever holds characters up to U+FFFF here (anything above is escaped), so
   * one UTF-16 unit is one column.
   */
  private foldsAt(text: string, index: number, column: number, allowBreaks: boolean): boolean {
    return allowBreaks && column > LINE_WIDTH && text[index - 1] !== ' ' && text[index + 1] !== ' ';
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let runStart = 0;
    for (let index = text.indexOf(' '); index !== -1; index = text.indexOf(' ', index + 1)) {
      if (this.foldsAt(text, index, this.column + index - runStart, allowBreaks)) {
        this.put(text.slice(runStart, index));
        this.writeIndent();
        runStart = index + 1;
      }
    }
    this.put(text.slice(runStart));
    this.whitespace = false;
    this.indention = false;
  }

  /** Line breaks are written as an empty line, continuation lines are indented. */
  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const last = text.length - 1;
    let runStart = 0;
    let breakBefore = false;
    for (let index = 0; index <= last; index += 1) {
      const char = text[index];
      if (char === ' ') {
        this.putSingleQuotedRun(text.slice(runStart, index));
        runStart = index;
        if (index > 0 && index < last && this.foldsAt(text, index, this.column, allowBreaks)) {
          this.writeIndent();
          runStart = index + 1;
        }
      } else if (isLineBreak(char)) {
        this.putSingleQuotedRun(text.slice(runStart, index));
        runStart = index + 1;
        if (!breakBefore && char === '\n') this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breakBefore = true;
      } else if (breakBefore) {
        this.writeIndent();
        breakBefore = false;
      }
    }
    this.putSingleQuotedRun(text.slice(runStart));
    if (breakBefore) this.writeIndent();
    this.writeIndicator("'", false, false, false);
  }

  private putSingleQuotedRun(run: string): void {
    if (run === '') return;
    this.put(run.replaceAll("'", "''"));
    this.indention = false;
  }

  /** A fold inside double quotes escapes a following space with `\` so it is kept. */
  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const last = text.length - 1;
    for (let index = 0; index <= last; ) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      const inside = index > 0 && index < last;
      if (needsEscape(char)) {
        this.put(escapeForDoubleQuotes(char));
      } else if (char === ' ' && inside && allowBreaks && text[index - 1] !== ' ' && this.column > LINE_WIDTH) {
        this.writeIndent();
        if (text[index + 1] === ' ') this.put('\\');
      } else {
        this.put(char);
      }
      index += char.length;
    }
    this.writeIndicator('"', false, false, false);
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Moves to the current indentation, starting a new line unless already there. */
  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** A line feed is written as the configured break; other break characters are kept. */
  private writeBreak(char: string): void {
    if (char === '\n') {
      this.putBreak();
      return;
    }
    this.output += char;
    this.column = 0;
  }

  private putBreak(): void {
    this.output += '\n';
    this.column = 0;
  }

  /** Only characters up to U+FFFF are ever written (see foldsAt): one unit, one column. */
  private put(text: string): void {
    this.output += text;
    this.column += text.length;
  }
}

/** ruamel's safe representer: YAML 1.2 spellings and Python's float repr. */
function representNonString(value: Exclude<OutputScalar, string>): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isPythonFloat(value)) {
    const number = floatValue(value);
    if (Number.isNaN(number)) return '.nan';
    if (!Number.isFinite(number)) return number > 0 ? '.inf' : '-.inf';
    return formatPythonFloat(number).toLowerCase();
  }
  return formatPythonInt(value);
}

function isSimpleKey(key: string): boolean {
  return !LINE_BREAKS.test(key) && Buffer.byteLength(key, 'utf8') <= SIMPLE_KEY_MAX_BYTES;
}

/**
 * libyaml's choice: plain if the text allows it and would not be read back as another type,
 * else single quotes if they can hold it, else double quotes.
 */
function selectStyle(text: string, simpleKey: boolean): ScalarStyle {
  const analysis = analyzeScalar(text);
  let style: ScalarStyle = 'plain';
  if (!analysis.plainAllowed || (text === '' && simpleKey) || resolvesToNonString(text)) style = 'single-quoted';
  if (style === 'single-quoted' && !analysis.singleQuotedAllowed) style = 'double-quoted';
  return style;
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

const LINE_BREAKS = /[\n\r\x85\u2028\u2029]/;

function isLineBreak(char: string): boolean {
  return LINE_BREAKS.test(char);
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

function needsEscape(char: string): boolean {
  return !isPrintable(char) || isLineBreak(char) || char === '"' || char === '\\';
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escapeForDoubleQuotes(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return `\\${short}`;
  const codePoint = char.codePointAt(0)!;
  const hex = codePoint.toString(16).toUpperCase();
  if (codePoint <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/**
 * ruamel's YAML 1.2 implicit resolver: a string it would read back as bool, int, float, null,
 * timestamp, merge key or value indicator must be quoted. Like ruamel, a pattern is only tried
 * when the text starts with one of its first characters (so `_1` stays a string).
 */
const IMPLICIT_TYPES: ReadonlyArray<{ readonly firstCharacters: string; readonly pattern: RegExp }> = [
  { firstCharacters: 'tTfF', pattern: /^(?:true|True|TRUE|false|False|FALSE)$/ },
  {
    firstCharacters: '-+0123456789.',
    pattern:
      /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  },
  {
    firstCharacters: '-+0123456789',
    pattern: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  },
  { firstCharacters: '<', pattern: /^<<$/ },
  { firstCharacters: '~nN', pattern: /^(?:~|null|Null|NULL)$/ },
  {
    firstCharacters: '0123456789',
    pattern:
      /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  },
  { firstCharacters: '=', pattern: /^=$/ },
];

function resolvesToNonString(text: string): boolean {
  // The empty string resolves to null.
  if (text === '') return true;
  return IMPLICIT_TYPES.some(({ firstCharacters, pattern }) => firstCharacters.includes(text[0]) && pattern.test(text));
}
