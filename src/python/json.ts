/**
 * `json.loads(text, object_pairs_hook=OrderedDict)` as the AWS CLI calls it (Python 3.11's C
 * scanner): the same accepted language (NaN, Infinity, lone surrogates), the same values
 * (floats stay `PyFloat`, objects are marked OrderedDict) and the same error texts,
 * e.g. `Expecting value: line 1 column 12 (char 11)`.
 */

import { PyFloat } from './value.js';
import { asOrderedDict } from './repr.js';

/** `str()` of Python's JSONDecodeError. */
export class PythonJsonError extends Error {
  constructor(
    /** The message without its position, e.g. `Expecting value` (what jmespath reports). */
    readonly reason: string,
    text: string,
    position: number,
  ) {
    super(`${reason}: ${describePosition(text, position)}`);
    this.name = 'PythonJsonError';
  }
}

/**
 * Python's `object_pairs_hook`: builds each JSON object from its key/value pairs in document
 * order (a repeated key keeps its first position and takes the last value).
 */
export type ObjectPairsHook = (pairs: ReadonlyMap<string, unknown>) => unknown;

/** The AWS CLI's hook: an OrderedDict, so messages can show `OrderedDict([...])`. */
function orderedDictFromPairs(pairs: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const object = asOrderedDict<Record<string, unknown>>({});
  for (const [key, value] of pairs) {
    // defineProperty, not assignment: a "__proto__" key must become an own property.
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/**
 * `line L column C (char P)`, counted in code points as Python counts string indexes. One pass
 * over the text before the position, in constant memory: a 50 MB document may fail at its end.
 */
function describePosition(text: string, position: number): string {
  let codePoints = 0;
  let line = 1;
  let lastNewline = -1;
  for (let index = 0; index < position; index++) {
    const code = text.charCodeAt(index);
    // The low half of a surrogate pair belongs to the code point its high half started.
    if (code >= 0xdc00 && code <= 0xdfff && index > 0 && isHighSurrogate(text.charCodeAt(index - 1))) continue;
    if (code === 0x0a) {
      line++;
      lastNewline = codePoints;
    }
    codePoints++;
  }
  return `line ${line} column ${codePoints - lastNewline} (char ${codePoints})`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export function parsePythonJson(text: string, objectPairsHook: ObjectPairsHook = orderedDictFromPairs): unknown {
  return new PythonJsonParser(text, objectPairsHook).parseDocument();
}

/**
 * Text assembled from many small pieces in memory linear in its length: pieces are joined in
 * blocks, where `+=` would keep each one as a node of a rope until the string is flattened.
 */
class TextBuilder {
  private static readonly BLOCK = 4096;
  private pieces: string[] = [];
  private readonly blocks: string[] = [];

  add(piece: string): void {
    this.pieces.push(piece);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, when pieces are joined into a block changes only the memory held, never the text
    if (this.pieces.length === TextBuilder.BLOCK) {
      this.blocks.push(this.pieces.join(''));
      this.pieces = [];
    }
  }

  toString(): string {
    // The common string without escapes is one slice: returned as it is, not copied.
    if (this.blocks.length === 0 && this.pieces.length <= 1) return this.pieces[0] ?? '';
    return this.blocks.join('') + this.pieces.join('');
  }
}

/** Python's "StopIteration": no JSON value starts at this position. */
class NoValue {
  constructor(readonly position: number) {}
}

class PythonJsonParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly objectPairsHook: ObjectPairsHook,
  ) {}

  parseDocument(): unknown {
    if (this.text.startsWith('\ufeff')) {
      throw new PythonJsonError('Unexpected UTF-8 BOM (decode using utf-8-sig)', this.text, 0);
    }
    this.skipWhitespace();
    let value: unknown;
    try {
      value = this.parseValue();
    } catch (error) {
      if (error instanceof NoValue) throw new PythonJsonError('Expecting value', this.text, error.position);
      throw error;
    }
    this.skipWhitespace();
    if (this.position !== this.text.length) throw new PythonJsonError('Extra data', this.text, this.position);
    return value;
  }

  private fail(reason: string, position = this.position): never {
    throw new PythonJsonError(reason, this.text, position);
  }

  private skipWhitespace(): void {
    while (isJsonWhitespace(this.text.charCodeAt(this.position))) this.position++;
  }

  private parseValue(): unknown {
    const start = this.position;
    switch (this.text.charCodeAt(start)) {
      case QUOTE:
        this.position++;
        return this.parseString();
      case 0x7b: // {
        this.position++;
        return this.parseObject();
      case 0x5b: // [
        this.position++;
        return this.parseArray();
    }
    const literal = LITERALS.get(this.text[start] === '-' ? this.text.slice(start, start + 2) : this.text[start]);
    if (literal && this.text.startsWith(literal.text, start)) {
      this.position += literal.text.length;
      return literal.value();
    }
    return this.parseNumber();
  }

  /** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, scanned by hand: ASCII digits only, as in CPython's C scanner. */
  private parseNumber(): unknown {
    const { text } = this;
    const start = this.position;
    let end = start;
    if (text.charCodeAt(end) === 0x2d) end++; // -
    if (text.charCodeAt(end) === 0x30) end++; // a leading 0 stands alone
    else if (isDigit(text.charCodeAt(end))) while (isDigit(text.charCodeAt(end))) end++;
    else throw new NoValue(start);
    let isFloat = false;
    if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
      end += 2;
      while (isDigit(text.charCodeAt(end))) end++;
      isFloat = true;
    }
    const exponent = text.charCodeAt(end);
    if (exponent === 0x65 || exponent === 0x45) {
      const sign = text.charCodeAt(end + 1);
      const digits = sign === 0x2b || sign === 0x2d ? end + 2 : end + 1;
      if (isDigit(text.charCodeAt(digits))) {
        end = digits;
        while (isDigit(text.charCodeAt(end))) end++;
        isFloat = true;
      }
    }
    this.position = end;
    const value = Number(text.slice(start, end));
    return isFloat ? new PyFloat(value) : value || 0;
  }

  /**
   * Called after the opening quote. Runs of plain characters are taken as one slice, so a long
   * string costs one copy, not one concatenation per character; escapes go through a
   * TextBuilder, so millions of them never make a rope of millions of pieces.
   */
  private parseString(): string {
    const { text } = this;
    const quotePosition = this.position - 1;
    const result = new TextBuilder();
    for (;;) {
      const runStart = this.position;
      let code = text.charCodeAt(this.position);
      while (code !== QUOTE && code !== BACKSLASH && code >= 0x20) code = text.charCodeAt(++this.position);
      if (this.position > runStart) result.add(text.slice(runStart, this.position));
      // charCodeAt past the end is NaN: neither a quote, a backslash nor a control character.
      if (this.position >= text.length) this.fail('Unterminated string starting at', quotePosition);
      if (code === QUOTE) {
        this.position++;
        return result.toString();
      }
      if (code < 0x20) this.fail('Invalid control character at');
      const escape = text[this.position + 1];
      if (escape === undefined) this.fail('Unterminated string starting at', quotePosition);
      if (escape !== 'u') {
        const replacement = SIMPLE_ESCAPES[escape];
        if (replacement === undefined) this.fail('Invalid \\escape');
        result.add(replacement);
        this.position += 2;
        continue;
      }
      result.add(this.parseUnicodeEscape());
    }
  }

  /**
   * `\uXXXX`, joined with an immediately following low-surrogate escape. Errors point at the
   * `u`; Python also insists on one more character after the four digits.
   */
  private parseUnicodeEscape(): string {
    const uPosition = this.position + 1;
    const high = this.readHex4(uPosition);
    this.position = uPosition + 5;
    if (isHighSurrogate(high) && this.position + 6 < this.text.length && this.text.startsWith('\\u', this.position)) {
      const low = this.readHex4(this.position + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.position += 6;
        return String.fromCharCode(high, low);
      }
    }
    return String.fromCharCode(high);
  }

  private readHex4(uPosition: number): number {
    const digits = this.text.slice(uPosition + 1, uPosition + 5);
    if (uPosition + 5 >= this.text.length || !HEX4.test(digits)) this.fail('Invalid \\uXXXX escape', uPosition);
    return parseInt(digits, 16);
  }

  /** Called after `{`. */
  private parseObject(): unknown {
    const pairs = new Map<string, unknown>();
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x7d) {
      this.position++;
      return this.objectPairsHook(pairs);
    }
    for (;;) {
      if (this.text.charCodeAt(this.position) !== QUOTE) this.fail('Expecting property name enclosed in double quotes');
      this.position++;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x3a) this.fail("Expecting ':' delimiter");
      this.position++;
      this.skipWhitespace();
      pairs.set(key, this.parseValue());
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) === 0x7d) {
        this.position++;
        return this.objectPairsHook(pairs);
      }
      if (this.text.charCodeAt(this.position) !== 0x2c) this.fail("Expecting ',' delimiter");
      this.position++;
      this.skipWhitespace();
    }
  }

  /** Called after `[`. Python 3.11 has no special message for a trailing comma. */
  private parseArray(): unknown[] {
    const array: unknown[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x5d) {
      this.position++;
      return array;
    }
    for (;;) {
      array.push(this.parseValue());
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) === 0x5d) {
        this.position++;
        return array;
      }
      if (this.text.charCodeAt(this.position) !== 0x2c) this.fail("Expecting ',' delimiter");
      this.position++;
      this.skipWhitespace();
    }
  }
}

/** The literals by their first character (`-I` for -Infinity, which no number starts with). */
const LITERALS: ReadonlyMap<string, { readonly text: string; readonly value: () => unknown }> = new Map(
  (
    [
      ['null', () => null],
      ['true', () => true],
      ['false', () => false],
      ['NaN', () => new PyFloat(NaN)],
      ['Infinity', () => new PyFloat(Infinity)],
      ['-Infinity', () => new PyFloat(-Infinity)],
    ] as const
  ).map(([text, value]) => [text.startsWith('-') ? text.slice(0, 2) : text[0], { text, value }]),
);
