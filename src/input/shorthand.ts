/**
 * Structure and map parameters (`--multipart-upload`, `--metadata`): JSON when the value
 * starts with `{`/`[`, otherwise the AWS CLI's shorthand syntax
 * (`Parts=[{ETag=e1,PartNumber=1},{ETag=e2,PartNumber=2}]`, `a=1,b=two words,c=x=y`),
 * reproducing awscli.shorthand's grammar, its backtracking and its error texts, then the
 * model-driven conversions the AWS CLI applies to shorthand results only.
 */

import { generalError, paramFileOrValueError } from '../errors/errors.js';
import type { MemberShape } from '../spec/types.js';
import { ParamFileError, defaultParamFileOptions, loadParamFile, type ParamFileOptions } from './paramfile.js';
import { pythonLstrip, pythonRstrip, pythonStrip } from '../python/chars.js';
import { pythonIntOf } from '../python/int.js';
import { PythonJsonError, parsePythonJson } from '../python/json.js';
import { isPythonDict, pythonTypeName } from '../python/repr.js';
import { innerShape } from './validate-shape.js';

// Parsing and botocore's validation of the parsed value are used together.
export { validateShape } from './validate-shape.js';

// Character classes of the shorthand grammar. Like Python's patterns they stop at U+FFFF, so
// characters outside the BMP cannot appear in unquoted values; `\s` is Python's `str.isspace()`.
const SPACE = String.raw`\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
/** Printable ASCII but space, `"`, `'`, `,`, `=`, `[`, `{`; everything from `|` to U+FFFF. */
const VALUE_START = String.raw`!#-&(-+\--<>-Z\\-z|-\uffff`;
/** The rest of a key's first value: may hold spaces, `=`, `[`, `{`; not quotes, `,`, `]`, `}`. */
const FIRST_VALUE_REST = String.raw`${SPACE}!#-&(-+\--\\^-|~-\uffff`;
/** Further comma-separated values: may hold `]`, `}`; not quotes, `,` or `=` (a next key's). */
const SECOND_VALUE_REST = String.raw`${SPACE}!#-&(-+\--<>-\uffff`;
const ESCAPED_COMMA = String.raw`\\,`;

const FIRST_VALUE = new RegExp(String.raw`(?:${ESCAPED_COMMA}|[${VALUE_START}])(?:${ESCAPED_COMMA}|[${FIRST_VALUE_REST}])*`, 'uy');
const SECOND_VALUE = new RegExp(String.raw`(?:${ESCAPED_COMMA}|[${VALUE_START}])(?:${ESCAPED_COMMA}|[${SECOND_VALUE_REST}])*`, 'uy');
const SINGLE_QUOTED = /'(?:\\'|[^'])*'/uy;
const DOUBLE_QUOTED = /"(?:\\"|[^"])*"/uy;
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
/** Python's `string.whitespace`, which the parser skips between tokens. */
const TOKEN_SPACE = ' \t\n\r\x0b\x0c';

/**
 * The input with a caret under the error position (ShorthandParseError._error_location),
 * counted in code points as Python indexes strings.
 */
function errorLocation(text: string, unitIndex: number): string {
  const chars = [...text];
  const index = [...text.slice(0, unitIndex)].length;
  const lastNewline = chars.slice(0, index).lastIndexOf('\n');
  const spaces = lastNewline >= 0 ? index - lastNewline - 1 : index;
  const nextNewline = chars.indexOf('\n', index);
  const consumed = nextNewline >= 0 ? chars.slice(0, nextNewline).join('') : text;
  const remaining = nextNewline >= 0 ? chars.slice(nextNewline).join('') : '';
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

class ShorthandSyntaxError extends Error {
  constructor(text: string, expected: string, actual: string, unitIndex: number) {
    // v2-head (2.36) puts a space before the echoed input; 2.9 did not.
    super(`Expected: '${expected}', received: '${actual}' for input:\n ${errorLocation(text, unitIndex)}`);
  }
}

class DuplicateKeyError extends Error {
  constructor(key: string, text: string, unitIndex: number) {
    super(
      `Second instance of key "${key}" encountered for input:\n${errorLocation(text, unitIndex)}\n` +
        'This is often because there is a preceding "," instead of a space.',
    );
  }
}

/** Assigns without invoking setters, so that a key such as `__proto__` is just a key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class ShorthandParser {
  private index = 0;
  /** Set by `key@=`; like the AWS CLI, it stays set for later values until the next key. */
  private resolveParamFiles = false;

  constructor(
    private readonly text: string,
    private readonly files: ParamFileOptions,
  ) {}

  /** parameter = keyval *("," keyval) */
  parseParameter(): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    const [firstKey, firstValue] = this.keyValue();
    setOwn(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (!this.atEnd()) {
      this.expect(',', true);
      const [key, value] = this.keyValue();
      if (Object.hasOwn(params, key)) throw new DuplicateKeyError(key, this.text, lastIndex + 1);
      setOwn(params, key, value);
      lastIndex = this.index;
    }
    return params;
  }

  private keyValue(): [string, unknown] {
    const key = this.key();
    this.readAssignment();
    return [key, this.values()];
  }

  /** `=` or `@=` (load the value from a file://, fileb:// path). */
  private readAssignment(): void {
    this.resolveParamFiles = this.tryExpect('@');
    this.expect('=', true);
  }

  private key(): string {
    const start = this.index;
    while (!this.atEnd() && KEY_CHAR.test(this.text[this.index])) this.index++;
    return this.text.slice(start, this.index);
  }

  /** values = csv-list / explicit-list / hash-literal */
  private values(): unknown {
    if (this.atEnd()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  /**
   * `foo=bar` -> 'bar', `foo=a,b` -> ['a', 'b']. After a comma the next item may turn out to
   * be the next key (`foo=a,b,c=d`): then back up to the comma and end the list.
   */
  private csvValue(): unknown {
    const first = this.firstValue();
    this.skipSpace();
    if (this.atEnd() || this.current() !== ',') return first;
    this.expect(',', true);
    const list = [first];
    for (;;) {
      try {
        const item = this.secondValue();
        this.skipSpace();
        if (this.atEnd()) {
          list.push(item);
          break;
        }
        this.expect(',', true);
        list.push(item);
      } catch (error) {
        if (!(error instanceof ShorthandSyntaxError) || this.atEnd()) throw error;
        while (this.index >= 0 && this.text[this.index] !== ',') this.index--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private explicitList(): unknown[] {
    this.expect('[', true);
    const list: unknown[] = [];
    while (this.current() !== ']') {
      list.push(this.explicitValue());
      this.skipSpace();
      if (this.current() !== ']') {
        this.expect(',');
        this.skipSpace();
      }
    }
    this.expect(']');
    return list;
  }

  private hashLiteral(): Record<string, unknown> {
    this.expect('{', true);
    const hash: Record<string, unknown> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.readAssignment();
      const value = this.explicitValue();
      this.skipSpace();
      if (this.current() !== '}') {
        this.expect(',');
        this.skipSpace();
      }
      setOwn(hash, key, value);
    }
    this.expect('}');
    return hash;
  }

  private explicitValue(): unknown {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private firstValue(): unknown {
    const quoted = this.quotedValue();
    if (quoted !== undefined) return quoted;
    FIRST_VALUE.lastIndex = this.index;
    const match = FIRST_VALUE.exec(this.text);
    if (!match) return '';
    this.index += match[0].length;
    return this.finishValue(pythonRstrip(match[0].replaceAll('\\,', ',')));
  }

  private secondValue(): unknown {
    const quoted = this.quotedValue();
    if (quoted !== undefined) return quoted;
    const consumed = this.consume(SECOND_VALUE, 'second');
    return this.finishValue(pythonRstrip(consumed.replaceAll('\\,', ',')));
  }

  /** A '…' or "…" value: quotes removed, `\'` (or `\"`) and `\\` unescaped. */
  private quotedValue(): unknown {
    const quote = this.current();
    if (quote !== "'" && quote !== '"') return undefined;
    const pattern = quote === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED;
    const consumed = this.consume(pattern, quote === "'" ? 'singled quoted' : 'double quoted');
    const unescaped = consumed.slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
    return this.finishValue(unescaped);
  }

  private finishValue(value: string): unknown {
    if (!this.resolveParamFiles) return value;
    try {
      return loadParamFile(value, this.files) ?? value;
    } catch (error) {
      // Not a shorthand error to the AWS CLI: it escapes its handlers and exits 255.
      if (error instanceof ParamFileError) throw generalError(error.message);
      throw error;
    }
  }

  private consume(pattern: RegExp, name: string): string {
    pattern.lastIndex = this.index;
    const match = pattern.exec(this.text);
    if (!match) throw new ShorthandSyntaxError(this.text, `<${name}>`, '<none>', this.index);
    this.index += match[0].length;
    return match[0];
  }

  private expect(char: string, skipSpaceAround = false): void {
    if (skipSpaceAround) this.skipSpace();
    if (this.atEnd()) throw new ShorthandSyntaxError(this.text, char, 'EOF', this.index);
    const actual = String.fromCodePoint(this.text.codePointAt(this.index)!);
    if (actual !== char) throw new ShorthandSyntaxError(this.text, char, actual, this.index);
    this.index++;
    if (skipSpaceAround) this.skipSpace();
  }

  /** An optional token; spaces before it are consumed even when it is absent. */
  private tryExpect(char: string): boolean {
    try {
      this.expect(char, true);
      return true;
    } catch (error) {
      if (error instanceof ShorthandSyntaxError) return false;
      throw error;
    }
  }

  private current(): string | undefined {
    return this.text[this.index];
  }

  private atEnd(): boolean {
    return this.index >= this.text.length;
  }

  private skipSpace(): void {
    while (!this.atEnd() && TOKEN_SPACE.includes(this.text[this.index])) this.index++;
  }
}

/**
 * The shorthand value as awscli.shorthand.ShorthandParser parses it (plain dicts, lists and
 * strings; bytes from `key@=fileb://`). Syntax errors are
 * `Error parsing parameter '<flag>': Expected: ',', received: 'EOF' for input: …` (252).
 */
export function parseShorthand(
  flag: string,
  text: string,
  files: ParamFileOptions = defaultParamFileOptions(),
): Record<string, unknown> {
  try {
    return new ShorthandParser(text, files).parseParameter();
  } catch (error) {
    if (error instanceof ShorthandSyntaxError || error instanceof DuplicateKeyError) {
      throw paramFileOrValueError(flag, error.message);
    }
    throw error;
  }
}

/**
 * A structure or map parameter's value. JSON (detected by a leading `{` or `[` after
 * whitespace) is decoded as is, with Python's error texts; botocore validates its types
 * later. Shorthand results get the AWS CLI's model-driven conversions first.
 */
export function parseStructuredParam(
  flag: string,
  text: string,
  shape: MemberShape,
  files: ParamFileOptions = defaultParamFileOptions(),
): unknown {
  if (/^[[{]/.test(pythonStrip(text))) return parseJsonParam(flag, text);
  return applyShorthandTypes(parseShorthand(flag, text, files), shape);
}

function parseJsonParam(flag: string, text: string): unknown {
  // A structure or map must be a JSON object; a list is refused without being decoded.
  if (!pythonLstrip(text).startsWith('{')) throw paramFileOrValueError(flag, `Invalid JSON:\n${text}`);
  try {
    return parsePythonJson(text);
  } catch (error) {
    if (error instanceof PythonJsonError) {
      throw paramFileOrValueError(flag, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
    }
    throw error;
  }
}

/**
 * awscli.shorthand.BackCompatVisitor: integer/long members through `int()` (errors exit 255),
 * booleans from `true`/`false` in any case, and a single value where the model has a list
 * wrapped into one (that element is not converted further, as in the AWS CLI). Only members
 * the model knows are visited; unknown ones are left for validation to report.
 */
function applyShorthandTypes(value: unknown, shape: MemberShape): unknown {
  switch (shape.type) {
    case 'structure':
      if (isPythonDict(value)) {
        for (const member of shape.members ?? []) {
          if (Object.hasOwn(value, member.member)) {
            value[member.member] = applyShorthandTypes(value[member.member], member);
          }
        }
      }
      return value;
    case 'list':
      if (!Array.isArray(value)) return [value];
      return value.map((element) => applyShorthandTypes(element, innerShape(shape)));
    case 'map':
      if (isPythonDict(value)) {
        for (const key of Object.keys(value)) value[key] = applyShorthandTypes(value[key], innerShape(shape));
      }
      return value;
    case 'integer':
    case 'long':
      return pythonIntOf(value);
    case 'boolean':
      return shorthandBoolean(value);
    default:
      return value;
  }
}

function shorthandBoolean(value: unknown): unknown {
  if (typeof value === 'string') {
    const lowered = value.toLowerCase();
    return lowered === 'true' ? true : lowered === 'false' ? false : value;
  }
  if (Array.isArray(value) || isPythonDict(value)) {
    throw generalError(`'${pythonTypeName(value)}' object has no attribute 'lower'`);
  }
  return value;
}
