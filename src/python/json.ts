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

/** `line L column C (char P)`, counted in code points as Python counts string indexes. */
function describePosition(text: string, position: number): string {
  const before = [...text.slice(0, position)];
  const lastNewline = before.lastIndexOf('\n');
  const line = before.filter((char) => char === '\n').length + 1;
  return `line ${line} column ${before.length - lastNewline} (char ${before.length})`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
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

export function parsePythonJson(text: string, objectPairsHook: ObjectPairsHook = orderedDictFromPairs): unknown {
  return new PythonJsonParser(text, objectPairsHook).parseDocument();
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
    while (' \t\n\r'.includes(this.text[this.position] ?? 'x')) this.position++;
  }

  private parseValue(): unknown {
    const start = this.position;
    const char = this.text[start];
    if (char === '"') {
      this.position++;
      return this.parseString();
    }
    if (char === '{') {
      this.position++;
      return this.parseObject();
    }
    if (char === '[') {
      this.position++;
      return this.parseArray();
    }
    for (const [literal, value] of LITERALS) {
      if (this.text.startsWith(literal, start)) {
        this.position += literal.length;
        return value();
      }
    }
    return this.parseNumber();
  }

  private parseNumber(): unknown {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) throw new NoValue(this.position);
    this.position += match[0].length;
    const value = Number(match[0]);
    return match[1] !== undefined || match[2] !== undefined ? new PyFloat(value) : value || 0;
  }

  /** Called after the opening quote. */
  private parseString(): string {
    const quotePosition = this.position - 1;
    let result = '';
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) this.fail('Unterminated string starting at', quotePosition);
      if (char === '"') {
        this.position++;
        return result;
      }
      if (char < ' ') this.fail('Invalid control character at');
      if (char !== '\\') {
        result += char;
        this.position++;
        continue;
      }
      const escape = this.text[this.position + 1];
      if (escape === undefined) this.fail('Unterminated string starting at', quotePosition);
      if (escape !== 'u') {
        const replacement = SIMPLE_ESCAPES[escape];
        if (replacement === undefined) this.fail('Invalid \\escape');
        result += replacement;
        this.position += 2;
        continue;
      }
      result += this.parseUnicodeEscape();
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
    const isHighSurrogate = high >= 0xd800 && high <= 0xdbff;
    if (isHighSurrogate && this.position + 6 < this.text.length && this.text.startsWith('\\u', this.position)) {
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
    if (this.text[this.position] === '}') {
      this.position++;
      return this.objectPairsHook(pairs);
    }
    for (;;) {
      if (this.text[this.position] !== '"') this.fail('Expecting property name enclosed in double quotes');
      this.position++;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.position] !== ':') this.fail("Expecting ':' delimiter");
      this.position++;
      this.skipWhitespace();
      pairs.set(key, this.parseValue());
      this.skipWhitespace();
      if (this.text[this.position] === '}') {
        this.position++;
        return this.objectPairsHook(pairs);
      }
      if (this.text[this.position] !== ',') this.fail("Expecting ',' delimiter");
      this.position++;
      this.skipWhitespace();
    }
  }

  /** Called after `[`. Python 3.11 has no special message for a trailing comma. */
  private parseArray(): unknown[] {
    const array: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return array;
    }
    for (;;) {
      array.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.position] === ']') {
        this.position++;
        return array;
      }
      if (this.text[this.position] !== ',') this.fail("Expecting ',' delimiter");
      this.position++;
      this.skipWhitespace();
    }
  }
}

const LITERALS: readonly (readonly [string, () => unknown])[] = [
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['NaN', () => new PyFloat(NaN)],
  ['Infinity', () => new PyFloat(Infinity)],
  ['-Infinity', () => new PyFloat(-Infinity)],
];
