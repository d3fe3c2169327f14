/**
 * `--query`: JMESPath as the AWS CLI runs it — Python `jmespath` 1.0.x, including its error
 * texts, its int/float distinction and its Python-isms (`str()`/`repr()` of values in messages,
 * `TypeError`s that escape from the interpreter).
 *
 * Why this is not a thin wrapper around the npm `jmespath` package (0.16): that package exports
 * only `compile()`/`search()`/`tokenize()`; its parser cannot be fed other tokens, its errors
 * carry no column (`foo bar` → "Unexpected token type: UnquotedIdentifier, value: bar"), its
 * lexer decodes differently (`'a\'b\'c'` → `a'b\'c`, `` `1.0` `` → 1, `a = b` → a TypeError),
 * it accepts what Python rejects (`(a b)` → a), and its runtime differs (`avg` → 2 instead of
 * 2.0, `constructor` → Object's constructor, `` `[1]` < `[2]` `` → true, other error texts).
 * So the lexer, parser and interpreter here follow Python jmespath's algorithm instead.
 *
 * Known limits: numbers are JS doubles, so integers beyond 2^53 lose precision (Python's are
 * exact); `to_number()` does not read non-ASCII digits, which Python's `int()` does.
 */
import { parsePythonJson, type PythonJsonError } from '../python/json.js';
import { generalError, paramError } from '../errors/errors.js';
import { PyFloat, type OutputValue } from '../python/value.js';

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** `&expr` evaluates to this (Python's `_Expression`); sort_by(), map() etc. accept it. */
class ExpressionReference {
  constructor(readonly node: QueryNode) {}
}

type QueryValue = OutputValue | ExpressionReference | QueryValue[] | QueryObject;
interface QueryObject {
  [key: string]: QueryValue;
}

function isQueryObject(value: QueryValue): value is QueryObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof PyFloat) &&
    !(value instanceof ExpressionReference)
  );
}

/** A JMESPath number; booleans are not numbers here although Python's bool is an int. */
function isNumber(value: QueryValue): value is number | PyFloat {
  return typeof value === 'number' || value instanceof PyFloat;
}

/** Python float: a PyFloat, or a JS number that cannot be an int (e.g. 1.5 in the input). */
function isFloat(value: number | PyFloat): boolean {
  return value instanceof PyFloat || !Number.isInteger(value);
}

function numericValue(value: number | PyFloat): number {
  return value instanceof PyFloat ? value.value : value;
}

/** Python's `type(value).__name__`, which the function type checks and TypeErrors report. */
function pythonTypeName(value: QueryValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (isNumber(value)) return isFloat(value) ? 'float' : 'int';
  if (Array.isArray(value)) return 'list';
  if (value instanceof ExpressionReference) return '_Expression';
  return 'dict';
}

const JMESPATH_TYPE_OF_PYTHON_TYPE: Record<string, string> = {
  NoneType: 'null',
  bool: 'boolean',
  str: 'string',
  int: 'number',
  float: 'number',
  list: 'array',
  dict: 'object',
  _Expression: 'expref',
};

const PYTHON_TYPES_OF_JMESPATH_TYPE: Record<string, readonly string[]> = {
  null: ['NoneType'],
  boolean: ['bool'],
  string: ['str'],
  number: ['int', 'float'],
  array: ['list'],
  object: ['dict'],
  expref: ['_Expression'],
};

function jmespathTypeName(value: QueryValue): string {
  return JMESPATH_TYPE_OF_PYTHON_TYPE[pythonTypeName(value)];
}

/** An integer result (ceil, floor): never -0, which Python ints do not have. */
function pythonInt(value: number): number {
  return value === 0 ? 0 : value;
}

/**
 * Objects the query builds (multi-select hashes, literals, merge()) keep Python's dict order.
 * JS puts array-index keys ("1", "42") first in ascending order; for objects that have such a
 * key the order is restored by a Proxy whose `ownKeys` answers the insertion order (which
 * `Object.keys`, `JSON.stringify` and `for…in` follow). Those objects are frozen so the recorded
 * order cannot go stale.
 */
function buildObject(entries: Map<string, QueryValue>): QueryObject {
  const target: QueryObject = {};
  for (const [key, value] of entries) {
    // defineProperty, not assignment: a "__proto__" key must become an own property.
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const keys = [...entries.keys()];
  if (!keys.some(isArrayIndexKey)) return target;
  Object.freeze(target);
  return new Proxy(target, { ownKeys: () => [...keys] });
}

function isArrayIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function objectEntries(object: QueryObject): Map<string, QueryValue> {
  return new Map(Object.keys(object).map((key) => [key, object[key]]));
}

// ---------------------------------------------------------------------------------------------
// Python text forms: str(), repr(), json.dumps(separators=(',', ':'))
// ---------------------------------------------------------------------------------------------

/** `str()` of an `_Expression`; CPython shows a memory address there, which cannot be matched. */
const EXPRESSION_REFERENCE_REPR = '<jmespath.visitor._Expression object at 0x7f0000000000>';

/** Characters `str.isprintable()` rejects (besides the space, which it accepts). */
const PYTHON_NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** What Python's `str.strip()`/`lstrip()` remove (str.isspace()); differs from JS trim(). */
const PYTHON_LEADING_WHITESPACE = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const PYTHON_TRAILING_WHITESPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

/** `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const significand = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${significand}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${integerPart}.${digits.slice(exponent + 1) || '0'}`;
}

/** `str(int)`: all digits, also where JS would switch to exponent form (1e21 and above). */
function pythonIntText(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

function pythonNumberText(value: number | PyFloat): string {
  return isFloat(value) ? pythonFloatRepr(numericValue(value)) : pythonIntText(numericValue(value));
}

function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const character of text) {
    if (character === quote || character === '\\') out += `\\${character}`;
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if (character === '\t') out += '\\t';
    else if (character !== ' ' && PYTHON_NON_PRINTABLE.test(character)) {
      const codePoint = character.codePointAt(0)!;
      if (codePoint < 0x100) out += `\\x${hex(codePoint, 2)}`;
      else if (codePoint < 0x10000) out += `\\u${hex(codePoint, 4)}`;
      else out += `\\U${hex(codePoint, 8)}`;
    } else out += character;
  }
  return out + quote;
}

function pythonRepr(value: QueryValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pythonStringRepr(value);
  if (isNumber(value)) return pythonNumberText(value);
  if (value instanceof ExpressionReference) return EXPRESSION_REFERENCE_REPR;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const items = Object.keys(value).map((key) => `${pythonStringRepr(key)}: ${pythonRepr(value[key])}`);
  return `{${items.join(', ')}}`;
}

/** `'%s' % value`, as jmespath's messages format values. */
function pythonStr(value: QueryValue): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** `json.dumps` string with the default `ensure_ascii=True`: non-ASCII as \uXXXX. */
function pythonJsonString(text: string): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const character = text[index];
    if (character === '"' || character === '\\') out += `\\${character}`;
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if (character === '\t') out += '\\t';
    else if (character === '\b') out += '\\b';
    else if (character === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += `\\u${hex(code, 4)}`;
    else out += character;
  }
  return out + '"';
}

/** to_string(): `json.dumps(value, separators=(',', ':'), default=str)`. */
function pythonJsonDumps(value: QueryValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pythonJsonString(value);
  if (isNumber(value)) {
    const number = numericValue(value);
    if (Number.isNaN(number)) return 'NaN';
    if (!Number.isFinite(number)) return number > 0 ? 'Infinity' : '-Infinity';
    return pythonNumberText(value);
  }
  if (value instanceof ExpressionReference) return pythonJsonString(EXPRESSION_REFERENCE_REPR);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(',')}]`;
  const items = Object.keys(value).map((key) => `${pythonJsonString(key)}:${pythonJsonDumps(value[key])}`);
  return `{${items.join(',')}}`;
}

// Python json.loads (for `literals` and "quoted identifiers"): the shared parser, with objects
// built by buildObject so that their key order survives.
function parseJsonLiteral(text: string): QueryValue {
  return parsePythonJson(text, (pairs) => buildObject(pairs as Map<string, QueryValue>)) as QueryValue;
}

// ---------------------------------------------------------------------------------------------
// Lexer (positions are code point indexes, as Python's string positions are)
// ---------------------------------------------------------------------------------------------

type TokenType =
  | 'dot'
  | 'star'
  | 'rbracket'
  | 'comma'
  | 'colon'
  | 'current'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'unquoted_identifier'
  | 'quoted_identifier'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'literal'
  | 'pipe'
  | 'or'
  | 'and'
  | 'expref'
  | 'number'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'eq'
  | 'ne'
  | 'not'
  | 'eof';

interface Token {
  readonly type: TokenType;
  /** Shown with `%s` in parse errors: an int for numbers, the parsed JSON for literals. */
  readonly value: QueryValue;
  readonly start: number;
}

/** A compile-time failure; the message is Python jmespath's `str(error)`. */
class QuerySyntaxError extends Error {}

const SINGLE_CHARACTER_TOKENS: Record<string, TokenType> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};
const IDENTIFIER_START = /^[A-Za-z_]$/;
const IDENTIFIER_PART = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

class Lexer {
  private readonly characters: string[];
  private position = 0;
  private current: string | undefined;
  private readonly tokens: Token[] = [];

  constructor(private readonly expression: string) {
    this.characters = Array.from(expression);
    this.current = this.characters[0];
  }

  tokenize(): Token[] {
    while (this.current !== undefined) {
      const character = this.current;
      const start = this.position;
      if (Object.hasOwn(SINGLE_CHARACTER_TOKENS, character)) {
        this.push(SINGLE_CHARACTER_TOKENS[character], character, start);
        this.advance();
      } else if (IDENTIFIER_START.test(character)) {
        let name = character;
        while (this.advance() !== undefined && IDENTIFIER_PART.test(this.current!)) name += this.current;
        this.push('unquoted_identifier', name, start);
      } else if (WHITESPACE.has(character)) {
        this.advance();
      } else if (character === '[') {
        const next = this.advance();
        if (next === ']' || next === '?') {
          this.advance();
          this.push(next === ']' ? 'flatten' : 'filter', `[${next}`, start);
        } else this.push('lbracket', '[', start);
      } else if (character === "'") {
        // Raw string: the backslash stays, except that \' becomes '.
        this.push('literal', this.consumeUntil("'").replaceAll("\\'", "'"), start);
      } else if (character === '|') {
        this.pushOneOrTwoCharacterToken('|', 'or', 'pipe');
      } else if (character === '&') {
        this.pushOneOrTwoCharacterToken('&', 'and', 'expref');
      } else if (character === '`') {
        this.push('literal', this.consumeLiteral(), start);
      } else if (DIGIT.test(character) || character === '-') {
        const digits = this.consumeNumber();
        if (digits === '-') throw this.lexerError(start, "Unknown token '-'");
        this.push('number', pythonInt(Number(digits)), start);
      } else if (character === '"') {
        this.push('quoted_identifier', this.consumeQuotedIdentifier(), start);
      } else if (character === '<') {
        this.pushOneOrTwoCharacterToken('=', 'lte', 'lt');
      } else if (character === '>') {
        this.pushOneOrTwoCharacterToken('=', 'gte', 'gt');
      } else if (character === '!') {
        this.pushOneOrTwoCharacterToken('=', 'ne', 'not');
      } else if (character === '=') {
        if (this.advance() !== '=') {
          // Python reports the '=' itself, unless it was the last character: then the position
          // never moved past it.
          const position = this.current === undefined ? this.position : this.position - 1;
          throw this.lexerError(position, "Unknown token '='");
        }
        this.push('eq', '==', start);
        this.advance();
      } else {
        throw this.lexerError(start, `Unknown token ${character}`);
      }
    }
    this.push('eof', '', this.characters.length);
    return this.tokens;
  }

  /** Python's lexer stays on the last character at the end (position does not move past it). */
  private advance(): string | undefined {
    if (this.position >= this.characters.length - 1) this.current = undefined;
    else this.current = this.characters[++this.position];
    return this.current;
  }

  private push(type: TokenType, value: QueryValue, start: number): void {
    this.tokens.push({ type, value, start });
  }

  private pushOneOrTwoCharacterToken(second: string, twoCharacterType: TokenType, oneCharacterType: TokenType): void {
    const start = this.position;
    const first = this.current!;
    if (this.advance() === second) {
      this.advance();
      this.push(twoCharacterType, first + second, start);
    } else this.push(oneCharacterType, first, start);
  }

  private consumeNumber(): string {
    let digits = this.current!;
    while (this.advance() !== undefined && DIGIT.test(this.current!)) digits += this.current;
    return digits;
  }

  /** Text up to the closing delimiter; a backslash escapes the next character and is kept. */
  private consumeUntil(delimiter: string): string {
    const start = this.position;
    let text = '';
    this.advance();
    while (this.current !== delimiter) {
      if (this.current === '\\') {
        text += '\\';
        this.advance();
      }
      if (this.current === undefined) throw this.lexerError(start, `Unclosed ${delimiter} delimiter`);
      text += this.current;
      this.advance();
    }
    this.advance();
    return text;
  }

  /** `` `json` ``; text that is not JSON is read as a JSON string (JEP-12 deprecated syntax). */
  private consumeLiteral(): QueryValue {
    const start = this.position;
    const lexeme = this.consumeUntil('`').replaceAll('\\`', '`');
    try {
      return parseJsonLiteral(lexeme);
    } catch {
      try {
        return parseJsonLiteral(`"${lexeme.replace(PYTHON_LEADING_WHITESPACE, '')}"`);
      } catch {
        throw this.lexerError(start, `Bad token ${lexeme}`);
      }
    }
  }

  private consumeQuotedIdentifier(): QueryValue {
    const start = this.position;
    const lexeme = `"${this.consumeUntil('"')}"`;
    try {
      return parseJsonLiteral(lexeme);
    } catch (error) {
      throw this.lexerError(start, (error as PythonJsonError).reason);
    }
  }

  private lexerError(position: number, message: string): QuerySyntaxError {
    return new QuerySyntaxError(
      `Bad jmespath expression: ${message}:\n${this.expression}\n${' '.repeat(position)}^`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Parser (top-down operator precedence, with Python jmespath's binding powers and error points)
// ---------------------------------------------------------------------------------------------

export type QueryNode =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'subexpression' | 'indexExpression' | 'pipe'; readonly left: QueryNode; readonly right: QueryNode }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'slice'; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: 'projection' | 'valueProjection'; readonly left: QueryNode; readonly right: QueryNode }
  | { readonly kind: 'filterProjection'; readonly left: QueryNode; readonly right: QueryNode; readonly condition: QueryNode }
  | { readonly kind: 'flatten' | 'not' | 'expref'; readonly child: QueryNode }
  | { readonly kind: 'identity' }
  | { readonly kind: 'literal'; readonly value: QueryValue }
  | { readonly kind: 'multiSelectList'; readonly items: readonly QueryNode[] }
  | { readonly kind: 'multiSelectHash'; readonly pairs: ReadonlyArray<{ readonly key: string; readonly value: QueryNode }> }
  | { readonly kind: 'or' | 'and'; readonly left: QueryNode; readonly right: QueryNode }
  | { readonly kind: 'comparator'; readonly operator: ComparatorType; readonly left: QueryNode; readonly right: QueryNode }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly QueryNode[] };

type ComparatorType = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

const BINDING_POWER: Record<TokenType, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
/** Tokens binding less than this end a projection's right-hand side. */
const PROJECTION_STOP = 10;
const IDENTITY: QueryNode = { kind: 'identity' };
const COMPARATORS = new Set<TokenType>(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly expression: string) {
    this.tokens = new Lexer(expression).tokenize();
  }

  parse(): QueryNode {
    const root = this.parseExpression(0);
    const token = this.current();
    if (token.type !== 'eof') throw this.parseError(token, `Unexpected token: ${pythonStr(token.value)}`);
    return root;
  }

  private current(): Token {
    return this.tokens[this.index];
  }

  private parseExpression(bindingPower: number): QueryNode {
    const token = this.tokens[this.index++];
    let left = this.nud(token);
    while (bindingPower < BINDING_POWER[this.current().type]) {
      left = this.led(this.tokens[this.index++], left);
    }
    return left;
  }

  /** A token that starts an expression. */
  private nud(token: Token): QueryNode {
    switch (token.type) {
      case 'literal':
        return { kind: 'literal', value: token.value };
      case 'unquoted_identifier':
        return { kind: 'field', name: token.value as string };
      case 'quoted_identifier':
        if (this.current().type === 'lparen') {
          // Python reports this one at column 0, whatever the real position.
          throw this.parseError({ ...this.current(), start: 0 }, 'Quoted identifier not allowed for function names.');
        }
        return { kind: 'field', name: token.value as string };
      case 'star': {
        const right = this.current().type === 'rbracket' ? IDENTITY : this.parseProjectionRhs(BINDING_POWER.star);
        return { kind: 'valueProjection', left: IDENTITY, right };
      }
      case 'filter':
        return this.parseFilter(IDENTITY);
      case 'lbrace':
        return this.parseMultiSelectHash();
      case 'lparen': {
        const inner = this.parseExpression(0);
        this.match('rparen');
        return inner;
      }
      case 'flatten':
        return {
          kind: 'projection',
          left: { kind: 'flatten', child: IDENTITY },
          right: this.parseProjectionRhs(BINDING_POWER.flatten),
        };
      case 'not':
        return { kind: 'not', child: this.parseExpression(BINDING_POWER.not) };
      case 'lbracket': {
        const next = this.current().type;
        if (next === 'number' || next === 'colon') return this.projectIfSlice(IDENTITY, this.parseIndex());
        if (next === 'star' && this.tokens[this.index + 1].type === 'rbracket') {
          this.index += 2;
          return { kind: 'projection', left: IDENTITY, right: this.parseProjectionRhs(BINDING_POWER.star) };
        }
        return this.parseMultiSelectList();
      }
      case 'current':
        return IDENTITY;
      case 'expref':
        return { kind: 'expref', child: this.parseExpression(BINDING_POWER.expref) };
      case 'eof':
        throw this.incompleteExpressionError();
      default:
        throw this.parseError(token, 'invalid token');
    }
  }

  /** A token that continues the expression `left`. */
  private led(token: Token, left: QueryNode): QueryNode {
    switch (token.type) {
      case 'dot':
        if (this.current().type === 'star') {
          this.index++;
          return { kind: 'valueProjection', left, right: this.parseProjectionRhs(BINDING_POWER.dot) };
        }
        return { kind: 'subexpression', left, right: this.parseDotRhs(BINDING_POWER.dot) };
      case 'pipe':
        return { kind: 'pipe', left, right: this.parseExpression(BINDING_POWER.pipe) };
      case 'or':
      case 'and':
        return { kind: token.type, left, right: this.parseExpression(BINDING_POWER[token.type]) };
      case 'lparen':
        return this.parseFunctionCall(left);
      case 'filter':
        return this.parseFilter(left);
      case 'flatten':
        return {
          kind: 'projection',
          left: { kind: 'flatten', child: left },
          right: this.parseProjectionRhs(BINDING_POWER.flatten),
        };
      case 'lbracket': {
        const next = this.current().type;
        if (next === 'number' || next === 'colon') {
          const right = this.parseIndex();
          // Python appends to an existing index expression, so `a[0][1:2]` is no projection.
          if (left.kind === 'indexExpression') return { kind: 'indexExpression', left, right };
          return this.projectIfSlice(left, right);
        }
        this.match('star');
        this.match('rbracket');
        return { kind: 'projection', left, right: this.parseProjectionRhs(BINDING_POWER.star) };
      }
      default:
        if (COMPARATORS.has(token.type)) {
          const operator = token.type as ComparatorType;
          return { kind: 'comparator', operator, left, right: this.parseExpression(BINDING_POWER[operator]) };
        }
        // star, not, lbrace bind strongly enough to get here but cannot continue an expression.
        throw this.parseError(token, 'invalid token');
    }
  }

  private parseFunctionCall(callee: QueryNode): QueryNode {
    if (callee.kind !== 'field') {
      const nameToken = this.tokens[this.index - 2];
      throw this.parseError(nameToken, `Invalid function name '${pythonStr(nameToken.value)}'`);
    }
    // Python's loop: commas are optional between arguments and one may trail.
    const args: QueryNode[] = [];
    while (this.current().type !== 'rparen') {
      const argument = this.parseExpression(0);
      if (this.current().type === 'comma') this.match('comma');
      args.push(argument);
    }
    this.match('rparen');
    return { kind: 'function', name: callee.name, args };
  }

  private parseFilter(left: QueryNode): QueryNode {
    const condition = this.parseExpression(0);
    this.match('rbracket');
    const right = this.current().type === 'flatten' ? IDENTITY : this.parseProjectionRhs(BINDING_POWER.filter);
    return { kind: 'filterProjection', left, right, condition };
  }

  private parseIndex(): QueryNode {
    if (this.current().type === 'colon' || this.tokens[this.index + 1].type === 'colon') return this.parseSlice();
    const index = this.current().value as number;
    this.index++;
    this.match('rbracket');
    return { kind: 'index', index };
  }

  private parseSlice(): QueryNode {
    const parts: Array<number | null> = [null, null, null];
    let part = 0;
    while (this.current().type !== 'rbracket' && part < 3) {
      const token = this.current();
      if (token.type === 'colon') {
        part++;
        if (part === 3) throw this.parseError(token, 'syntax error');
      } else if (token.type === 'number') {
        parts[part] = token.value as number;
      } else {
        throw this.parseError(token, 'syntax error');
      }
      this.index++;
    }
    this.match('rbracket');
    return { kind: 'slice', start: parts[0], stop: parts[1], step: parts[2] };
  }

  private projectIfSlice(left: QueryNode, right: QueryNode): QueryNode {
    const indexExpression: QueryNode = { kind: 'indexExpression', left, right };
    if (right.kind !== 'slice') return indexExpression;
    return { kind: 'projection', left: indexExpression, right: this.parseProjectionRhs(BINDING_POWER.star) };
  }

  private parseMultiSelectList(): QueryNode {
    const items: QueryNode[] = [];
    for (;;) {
      items.push(this.parseExpression(0));
      if (this.current().type === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { kind: 'multiSelectList', items };
  }

  private parseMultiSelectHash(): QueryNode {
    const pairs: Array<{ key: string; value: QueryNode }> = [];
    for (;;) {
      const keyToken = this.current();
      if (keyToken.type !== 'quoted_identifier' && keyToken.type !== 'unquoted_identifier') {
        throw this.expectedTokenError("['quoted_identifier', 'unquoted_identifier']", keyToken);
      }
      this.index++;
      this.match('colon');
      pairs.push({ key: keyToken.value as string, value: this.parseExpression(0) });
      // Python loops back to read another key when neither ',' nor '}' follows: `{a:'x' 'y'}`
      // fails on the second literal, as "expecting an identifier".
      if (this.current().type === 'comma') this.match('comma');
      else if (this.current().type === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return { kind: 'multiSelectHash', pairs };
  }

  private parseProjectionRhs(bindingPower: number): QueryNode {
    const token = this.current();
    if (BINDING_POWER[token.type] < PROJECTION_STOP) return IDENTITY;
    if (token.type === 'lbracket' || token.type === 'filter') return this.parseExpression(bindingPower);
    if (token.type === 'dot') {
      this.match('dot');
      return this.parseDotRhs(bindingPower);
    }
    throw this.parseError(token, 'syntax error');
  }

  private parseDotRhs(bindingPower: number): QueryNode {
    const token = this.current();
    switch (token.type) {
      case 'quoted_identifier':
      case 'unquoted_identifier':
      case 'star':
        return this.parseExpression(bindingPower);
      case 'lbracket':
        this.match('lbracket');
        return this.parseMultiSelectList();
      case 'lbrace':
        this.match('lbrace');
        return this.parseMultiSelectHash();
      default:
        throw this.parseError(
          token,
          `Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: ${token.type}`,
        );
    }
  }

  private match(type: TokenType): void {
    const token = this.current();
    if (token.type !== type) throw this.expectedTokenError(type, token);
    this.index++;
  }

  private expectedTokenError(expected: string, token: Token): QuerySyntaxError {
    if (token.type === 'eof') return this.incompleteExpressionError();
    return this.parseError(token, `Expecting: ${expected}, got: ${token.type}`);
  }

  private parseError(token: Token, message: string): QuerySyntaxError {
    return new QuerySyntaxError(
      `${message}: Parse error at column ${token.start}, token "${pythonStr(token.value)}" ` +
        `(${token.type.toUpperCase()}), for expression:\n"${this.expression}"\n${' '.repeat(token.start + 1)}^`,
    );
  }

  private incompleteExpressionError(): QuerySyntaxError {
    const length = Array.from(this.expression).length;
    return new QuerySyntaxError(
      `Invalid jmespath expression: Incomplete expression:\n"${this.expression}"\n${' '.repeat(length + 1)}^`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Python semantics used by the interpreter
// ---------------------------------------------------------------------------------------------

/** JMESPath false: '', [], {}, null, false — but not 0. */
function isFalse(value: QueryValue): boolean {
  if (value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isQueryObject(value) && Object.keys(value).length === 0;
}

/** Python `==`: bool equals int (True == 1), int equals float, containers compare deeply. */
function pythonEquals(left: QueryValue, right: QueryValue): boolean {
  const leftIsNumeric = typeof left === 'boolean' || isNumber(left);
  const rightIsNumeric = typeof right === 'boolean' || isNumber(right);
  if (leftIsNumeric && rightIsNumeric) return Number(numericOrBoolean(left)) === Number(numericOrBoolean(right));
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => pythonEquals(item, right[index]))
    );
  }
  if (isQueryObject(left) && isQueryObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && pythonEquals(left[key], right[key]))
    );
  }
  // Strings, null; expression references are equal only to themselves.
  return left === right;
}

function numericOrBoolean(value: number | PyFloat | boolean): number | boolean {
  return typeof value === 'boolean' ? value : numericValue(value);
}

/**
 * jmespath's `==`: Python `==`, except that 0/1 never equal false/true at the top level
 * (inside arrays Python's own `[1] == [True]` still holds).
 */
function jmespathEquals(left: QueryValue, right: QueryValue): boolean {
  const isZeroOrOne = (value: QueryValue): boolean => isNumber(value) && [0, 1].includes(numericValue(value));
  if ((isZeroOrOne(left) && typeof right === 'boolean') || (isZeroOrOne(right) && typeof left === 'boolean')) {
    return false;
  }
  return pythonEquals(left, right);
}

const SURROGATE = /[\ud800-\udfff]/;

/** Python compares strings by code point; JS `<` compares UTF-16 code units. */
function compareCodePoints(left: string, right: string): number {
  // Both orders agree unless a surrogate (a character beyond U+FFFF) is involved.
  if (!SURROGATE.test(left) && !SURROGATE.test(right)) return left < right ? -1 : left > right ? 1 : 0;
  const leftCodePoints = Array.from(left, (character) => character.codePointAt(0)!);
  const rightCodePoints = Array.from(right, (character) => character.codePointAt(0)!);
  const length = Math.min(leftCodePoints.length, rightCodePoints.length);
  for (let index = 0; index < length; index++) {
    if (leftCodePoints[index] !== rightCodePoints[index]) return leftCodePoints[index] - rightCodePoints[index];
  }
  return leftCodePoints.length - rightCodePoints.length;
}

const OPERATOR_SYMBOL: Record<Exclude<ComparatorType, 'eq' | 'ne'>, string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/** Python's `operator.lt` etc. on numbers and strings, including its TypeError for str vs int. */
function pythonOrder(operator: keyof typeof OPERATOR_SYMBOL, left: number | PyFloat | string, right: number | PyFloat | string): boolean {
  let comparison: number;
  if (typeof left === 'string' && typeof right === 'string') comparison = compareCodePoints(left, right);
  else if (typeof left !== 'string' && typeof right !== 'string') {
    const [a, b] = [numericValue(left), numericValue(right)];
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    comparison = a < b ? -1 : a > b ? 1 : 0;
  } else {
    throw generalError(
      `'${OPERATOR_SYMBOL[operator]}' not supported between instances of '${pythonTypeName(left)}' and '${pythonTypeName(right)}'`,
    );
  }
  if (operator === 'lt') return comparison < 0;
  if (operator === 'lte') return comparison <= 0;
  if (operator === 'gt') return comparison > 0;
  return comparison >= 0;
}

/** Python `list[start:stop:step]`. */
function pythonSlice<T>(items: readonly T[], start: number | null, stop: number | null, step: number | null): T[] {
  const stride = step ?? 1;
  if (stride === 0) throw generalError('slice step cannot be zero');
  const length = items.length;
  const [lower, upper] = stride > 0 ? [0, length] : [-1, length - 1];
  const clamp = (bound: number | null, fallback: number): number => {
    if (bound === null) return fallback;
    if (bound < 0) return Math.max(bound + length, lower);
    return Math.min(bound, upper);
  };
  const from = clamp(start, stride > 0 ? lower : upper);
  const to = clamp(stop, stride > 0 ? upper : lower);
  const result: T[] = [];
  for (let index = from; stride > 0 ? index < to : index > to; index += stride) result.push(items[index]);
  return result;
}

/**
 * Python's `sum()`: an int while every item is an int, a float from the first float on; added
 * left to right like Python 3.11 (the goldens' Python; 3.12 compensates float rounding).
 */
function pythonSum(items: ReadonlyArray<number | PyFloat>): number | PyFloat {
  let total = 0;
  let sawFloat = false;
  for (const item of items) {
    total += numericValue(item);
    sawFloat ||= isFloat(item);
  }
  return sawFloat ? new PyFloat(total) : total;
}

const PYTHON_DIGITS = String.raw`\d(?:_?\d)*`;
const PYTHON_INT_TEXT = new RegExp(`^[+-]?${PYTHON_DIGITS}$`);
const PYTHON_FLOAT_TEXT = new RegExp(
  `^[+-]?(?:(?:${PYTHON_DIGITS}(?:\\.(?:${PYTHON_DIGITS})?)?|\\.${PYTHON_DIGITS})(?:[eE][+-]?${PYTHON_DIGITS})?|inf|infinity|nan)$`,
  'i',
);

/** to_number() of a string: Python `int(text)`, else `float(text)`, else None. */
function pythonNumberFromText(text: string): number | PyFloat | null {
  const stripped = text.replace(PYTHON_LEADING_WHITESPACE, '').replace(PYTHON_TRAILING_WHITESPACE, '');
  if (PYTHON_INT_TEXT.test(stripped)) return pythonInt(Number(stripped.replaceAll('_', '')));
  if (!PYTHON_FLOAT_TEXT.test(stripped)) return null;
  const negative = stripped.startsWith('-');
  const unsigned = stripped.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'nan') return new PyFloat(NaN);
  if (unsigned.startsWith('inf')) return new PyFloat(negative ? -Infinity : Infinity);
  return new PyFloat(Number(stripped.replaceAll('_', '')));
}

/** contains(): Python's `search in subject`. */
function pythonContains(subject: string | QueryValue[], search: QueryValue): boolean {
  if (Array.isArray(subject)) return subject.some((item) => pythonEquals(item, search));
  if (typeof search !== 'string') {
    throw generalError(`'in <string>' requires string as left operand, not ${pythonTypeName(search)}`);
  }
  return subject.includes(search);
}

/**
 * merge() type-checks only its first argument (jmespath checks as many arguments as the
 * signature lists); later ones go to Python's `dict.update`, which also takes a sequence of
 * pairs and raises its own errors for anything else.
 */
function pythonDictUpdate(target: Map<string, QueryValue>, source: QueryValue): void {
  if (isQueryObject(source)) {
    for (const [key, value] of objectEntries(source)) target.set(key, value);
    return;
  }
  if (typeof source !== 'string' && !Array.isArray(source)) {
    throw generalError(`'${pythonTypeName(source)}' object is not iterable`);
  }
  const elements: QueryValue[] = typeof source === 'string' ? Array.from(source) : source;
  elements.forEach((element, position) => {
    let pair: QueryValue[];
    if (typeof element === 'string') pair = Array.from(element);
    else if (Array.isArray(element)) pair = element;
    else if (isQueryObject(element)) pair = Object.keys(element);
    else throw generalError(`cannot convert dictionary update sequence element #${position} to a sequence`);
    if (pair.length !== 2) {
      throw generalError(`dictionary update sequence element #${position} has length ${pair.length}; 2 is required`);
    }
    const [key, value] = pair;
    if (Array.isArray(key) || isQueryObject(key)) throw generalError(`unhashable type: '${pythonTypeName(key)}'`);
    // A non-string key prints in the JSON output as json.dumps writes keys: 1, 1.0, true, null.
    target.set(typeof key === 'string' ? key : pythonJsonDumps(key), value);
  });
}

// ---------------------------------------------------------------------------------------------
// Functions (checked at call time, like Python: unknown name, then arity, then types)
// ---------------------------------------------------------------------------------------------

type Evaluate = (node: QueryNode, value: QueryValue) => QueryValue;

interface FunctionSpec {
  /** Allowed JMESPath types per argument (`array-number` = array of numbers); [] = any. */
  readonly signature: ReadonlyArray<readonly string[]>;
  /** The last argument may repeat (and must appear at least once). */
  readonly variadic?: boolean;
  readonly run: (args: QueryValue[], evaluate: Evaluate) => QueryValue;
}

function typeError(functionName: string, value: QueryValue, receivedType: string, expected: readonly string[]): Error {
  const expectedText = `[${expected.map(pythonStringRepr).join(', ')}]`;
  return generalError(
    `In function ${functionName}(), invalid type for value: ${pythonStr(value)}, ` +
      `expected one of: ${expectedText}, received: "${receivedType}"`,
  );
}

function checkArgumentType(functionName: string, value: QueryValue, types: readonly string[]): void {
  const allowed: string[] = [];
  const allowedElementTypes: Array<readonly string[]> = [];
  for (const type of types) {
    const [containerType, elementType] = type.split('-');
    allowed.push(...PYTHON_TYPES_OF_JMESPATH_TYPE[containerType]);
    if (elementType !== undefined) allowedElementTypes.push(PYTHON_TYPES_OF_JMESPATH_TYPE[elementType]);
  }
  if (!allowed.includes(pythonTypeName(value))) throw typeError(functionName, value, jmespathTypeName(value), types);
  if (allowedElementTypes.length === 0) return;
  const items = value as QueryValue[];
  if (items.length === 0) return;
  // With several element types (array-number or array-string) the first element chooses.
  // Python reports element mismatches with the Python type name ("str"), not the JMESPath one.
  const firstType = pythonTypeName(items[0]);
  const elementTypes =
    allowedElementTypes.length === 1 ? allowedElementTypes[0] : allowedElementTypes.find((set) => set.includes(firstType));
  if (elementTypes === undefined) throw typeError(functionName, items[0], firstType, types);
  for (const item of items) {
    if (!elementTypes.includes(pythonTypeName(item))) throw typeError(functionName, item, pythonTypeName(item), types);
  }
}

/** The key of `item` for sort_by/min_by/max_by, which must be one of `allowedTypes`. */
function keyOf(functionName: string, reference: ExpressionReference, item: QueryValue, allowedTypes: readonly string[], evaluate: Evaluate): QueryValue {
  const key = evaluate(reference.node, item);
  const type = jmespathTypeName(key);
  if (!allowedTypes.includes(type)) throw typeError(functionName, key, type, allowedTypes);
  return key;
}

function compareKeys(left: QueryValue, right: QueryValue, operator: 'lt' | 'gt'): boolean {
  return pythonOrder(operator, left as number | PyFloat | string, right as number | PyFloat | string);
}

/** Python's max()/min() with a key: keys computed one by one, the first extreme item wins. */
function extremeBy(functionName: string, items: QueryValue[], reference: ExpressionReference, operator: 'lt' | 'gt', evaluate: Evaluate): QueryValue {
  if (items.length === 0) return null;
  const allowedTypes = ['number', 'string'];
  let best = items[0];
  let bestKey = keyOf(functionName, reference, best, allowedTypes, evaluate);
  for (const item of items.slice(1)) {
    const key = keyOf(functionName, reference, item, allowedTypes, evaluate);
    if (compareKeys(key, bestKey, operator)) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}

function extreme(items: Array<number | PyFloat | string>, operator: 'lt' | 'gt'): QueryValue {
  if (items.length === 0) return null;
  return items.reduce((best, item) => (pythonOrder(operator, item, best) ? item : best));
}

function sortByOrder<T>(items: readonly T[], keys: ReadonlyArray<number | PyFloat | string>): T[] {
  const order = items.map((_, index) => index);
  order.sort((a, b) => (pythonOrder('lt', keys[a], keys[b]) ? -1 : pythonOrder('lt', keys[b], keys[a]) ? 1 : 0));
  return order.map((index) => items[index]);
}

function ceilOrFloor(value: number | PyFloat, round: (value: number) => number): number {
  const number = numericValue(value);
  if (Number.isNaN(number)) throw generalError('cannot convert float NaN to integer');
  if (!Number.isFinite(number)) throw generalError('cannot convert float infinity to integer');
  return pythonInt(round(number));
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  abs: {
    signature: [['number']],
    run: ([value]) => {
      const number = value as number | PyFloat;
      const magnitude = Math.abs(numericValue(number));
      return isFloat(number) ? new PyFloat(magnitude) : magnitude;
    },
  },
  avg: {
    signature: [['array-number']],
    run: ([value]) => {
      const items = value as Array<number | PyFloat>;
      // Python's `/` is true division: always a float.
      return items.length === 0 ? null : new PyFloat(numericValue(pythonSum(items)) / items.length);
    },
  },
  ceil: { signature: [['number']], run: ([value]) => ceilOrFloor(value as number | PyFloat, Math.ceil) },
  contains: {
    signature: [['array', 'string'], []],
    run: ([subject, search]) => pythonContains(subject as string | QueryValue[], search),
  },
  ends_with: {
    signature: [['string'], ['string']],
    run: ([subject, suffix]) => (subject as string).endsWith(suffix as string),
  },
  floor: { signature: [['number']], run: ([value]) => ceilOrFloor(value as number | PyFloat, Math.floor) },
  join: {
    signature: [['string'], ['array-string']],
    run: ([separator, items]) => (items as string[]).join(separator as string),
  },
  keys: { signature: [['object']], run: ([value]) => Object.keys(value as QueryObject) },
  length: {
    signature: [['string', 'array', 'object']],
    run: ([value]) => {
      if (typeof value === 'string') return Array.from(value).length;
      return Array.isArray(value) ? value.length : Object.keys(value as QueryObject).length;
    },
  },
  map: {
    signature: [['expref'], ['array']],
    run: ([reference, items], evaluate) =>
      (items as QueryValue[]).map((item) => evaluate((reference as ExpressionReference).node, item)),
  },
  max: {
    signature: [['array-number', 'array-string']],
    run: ([items]) => extreme(items as Array<number | PyFloat | string>, 'gt'),
  },
  max_by: {
    signature: [['array'], ['expref']],
    run: ([items, reference], evaluate) =>
      extremeBy('max_by', items as QueryValue[], reference as ExpressionReference, 'gt', evaluate),
  },
  merge: {
    signature: [['object']],
    variadic: true,
    run: (args) => {
      const merged = new Map<string, QueryValue>();
      for (const argument of args) pythonDictUpdate(merged, argument);
      return buildObject(merged);
    },
  },
  min: {
    signature: [['array-number', 'array-string']],
    run: ([items]) => extreme(items as Array<number | PyFloat | string>, 'lt'),
  },
  min_by: {
    signature: [['array'], ['expref']],
    run: ([items, reference], evaluate) =>
      extremeBy('min_by', items as QueryValue[], reference as ExpressionReference, 'lt', evaluate),
  },
  not_null: {
    signature: [[]],
    variadic: true,
    run: (args) => args.find((argument) => argument !== null) ?? null,
  },
  reverse: {
    signature: [['array', 'string']],
    run: ([value]) => (typeof value === 'string' ? Array.from(value).reverse().join('') : [...(value as QueryValue[])].reverse()),
  },
  sort: {
    signature: [['array-string', 'array-number']],
    run: ([value]) => {
      const items = value as Array<number | PyFloat | string>;
      return sortByOrder(items, items);
    },
  },
  sort_by: {
    signature: [['array'], ['expref']],
    run: ([value, referenceValue], evaluate) => {
      const items = value as QueryValue[];
      const reference = referenceValue as ExpressionReference;
      if (items.length === 0) return items;
      // The first element's key decides whether every key must be a number or a string; a bad
      // first key is reported with the element itself, as Python does.
      const requiredType = jmespathTypeName(evaluate(reference.node, items[0]));
      if (requiredType !== 'number' && requiredType !== 'string') {
        throw typeError('sort_by', items[0], requiredType, ['string', 'number']);
      }
      const keys = items.map((item) => keyOf('sort_by', reference, item, [requiredType], evaluate));
      return sortByOrder(items, keys as Array<number | PyFloat | string>);
    },
  },
  starts_with: {
    signature: [['string'], ['string']],
    run: ([subject, prefix]) => (subject as string).startsWith(prefix as string),
  },
  sum: { signature: [['array-number']], run: ([items]) => pythonSum(items as Array<number | PyFloat>) },
  to_array: { signature: [[]], run: ([value]) => (Array.isArray(value) ? value : [value]) },
  to_number: {
    signature: [[]],
    run: ([value]) => {
      if (isNumber(value)) return value;
      return typeof value === 'string' ? pythonNumberFromText(value) : null;
    },
  },
  to_string: {
    signature: [[]],
    run: ([value]) => (typeof value === 'string' ? value : pythonJsonDumps(value)),
  },
  type: {
    signature: [[]],
    // Python's type() falls through for an expression reference and returns None.
    run: ([value]) => (value instanceof ExpressionReference ? null : jmespathTypeName(value)),
  },
  values: {
    signature: [['object']],
    run: ([value]) => Object.keys(value as QueryObject).map((key) => (value as QueryObject)[key]),
  },
};

function callFunction(name: string, args: QueryValue[], evaluate: Evaluate): QueryValue {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (spec === undefined) throw generalError(`Unknown function: ${name}()`);
  const expected = spec.signature.length;
  if (spec.variadic ? args.length < expected : args.length !== expected) {
    const plural = expected === 1 ? '' : 's';
    const atLeast = spec.variadic ? 'at least ' : '';
    throw generalError(`Expected ${atLeast}${expected} argument${plural} for function ${name}(), received ${args.length}`);
  }
  spec.signature.forEach((types, position) => {
    if (types.length > 0) checkArgumentType(name, args[position], types);
  });
  return spec.run(args, evaluate);
}

// ---------------------------------------------------------------------------------------------
// Interpreter
// ---------------------------------------------------------------------------------------------

class Interpreter {
  /** Set when `&expr` was evaluated: only then can the result hold an expression reference. */
  createdExpressionReference = false;

  readonly evaluate: Evaluate = (node, value) => {
    switch (node.kind) {
      case 'field':
        return isQueryObject(value) && Object.hasOwn(value, node.name) ? value[node.name] : null;
      case 'subexpression':
      case 'indexExpression':
      case 'pipe':
        return this.evaluate(node.right, this.evaluate(node.left, value));
      case 'index': {
        if (!Array.isArray(value)) return null;
        const position = node.index < 0 ? node.index + value.length : node.index;
        return position >= 0 && position < value.length ? value[position] : null;
      }
      case 'slice':
        return Array.isArray(value) ? pythonSlice(value, node.start, node.stop, node.step) : null;
      case 'projection': {
        const base = this.evaluate(node.left, value);
        return Array.isArray(base) ? this.project(base, node.right) : null;
      }
      case 'valueProjection': {
        const base = this.evaluate(node.left, value);
        return isQueryObject(base) ? this.project(Object.keys(base).map((key) => base[key]), node.right) : null;
      }
      case 'filterProjection': {
        const base = this.evaluate(node.left, value);
        if (!Array.isArray(base)) return null;
        return this.project(
          base.filter((item) => !isFalse(this.evaluate(node.condition, item))),
          node.right,
        );
      }
      case 'flatten': {
        const base = this.evaluate(node.child, value);
        return Array.isArray(base) ? base.flatMap((item) => (Array.isArray(item) ? item : [item])) : null;
      }
      case 'identity':
        return value;
      case 'literal':
        return node.value;
      case 'multiSelectList':
        return value === null ? null : node.items.map((item) => this.evaluate(item, value));
      case 'multiSelectHash':
        if (value === null) return null;
        return buildObject(new Map(node.pairs.map((pair) => [pair.key, this.evaluate(pair.value, value)])));
      case 'or': {
        const left = this.evaluate(node.left, value);
        return isFalse(left) ? this.evaluate(node.right, value) : left;
      }
      case 'and': {
        const left = this.evaluate(node.left, value);
        return isFalse(left) ? left : this.evaluate(node.right, value);
      }
      case 'not':
        // Python's `not x`, with 0 special-cased to stay true (`!0` is false).
        return isFalse(this.evaluate(node.child, value));
      case 'comparator':
        return this.compare(node.operator, this.evaluate(node.left, value), this.evaluate(node.right, value));
      case 'function':
        return callFunction(
          node.name,
          node.args.map((argument) => this.evaluate(argument, value)),
          this.evaluate,
        );
      case 'expref':
        this.createdExpressionReference = true;
        return new ExpressionReference(node.child);
    }
  };

  /** Projections drop null results. */
  private project(items: QueryValue[], right: QueryNode): QueryValue[] {
    const collected: QueryValue[] = [];
    for (const item of items) {
      const result = this.evaluate(right, item);
      if (result !== null) collected.push(result);
    }
    return collected;
  }

  /** Ordering needs numbers or strings on both sides, otherwise the result is null. */
  private compare(operator: ComparatorType, left: QueryValue, right: QueryValue): QueryValue {
    if (operator === 'eq') return jmespathEquals(left, right);
    if (operator === 'ne') return !jmespathEquals(left, right);
    const orderable = (value: QueryValue): value is number | PyFloat | string =>
      typeof value === 'string' || isNumber(value);
    if (!orderable(left) || !orderable(right)) return null;
    return pythonOrder(operator, left, right);
  }
}

function containsExpressionReference(value: QueryValue): boolean {
  if (value instanceof ExpressionReference) return true;
  if (Array.isArray(value)) return value.some(containsExpressionReference);
  return isQueryObject(value) && Object.keys(value).some((key) => containsExpressionReference(value[key]));
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface CompiledQuery {
  /** The expression as given on the command line. */
  readonly expression: string;
  /** Parsed form; only applyQuery() reads it. */
  readonly root: QueryNode;
}

/**
 * Compiles `--query` before any request is sent. A syntax error is a ParamValidation error
 * (exit 252): `Bad value for --query <expr>: <Python jmespath's message>`.
 */
export function compileQuery(expression: string): CompiledQuery {
  try {
    if (expression === '') throw new QuerySyntaxError('Invalid JMESPath expression: cannot be empty.');
    return { expression, root: new Parser(expression).parse() };
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw paramError(`Bad value for --query ${expression}: ${error.message}`);
    throw error;
  }
}

/**
 * Evaluates a compiled query with Python jmespath's semantics. Evaluation errors (unknown
 * function, arity, argument types, Python TypeErrors) are general errors (exit 255) with Python's
 * texts. Floats in the result are PyFloat where Python has a float (`avg()`, `` `1.0` ``).
 */
export function applyQuery(query: CompiledQuery, value: OutputValue): OutputValue {
  const interpreter = new Interpreter();
  const result = interpreter.evaluate(query.root, value);
  if (interpreter.createdExpressionReference && containsExpressionReference(result)) {
    // `--query '&Key'`: the AWS CLI's JSON encoder hands the object back to json.dump, which
    // then fails with this message (exit 255). Other output formats are not reproduced.
    throw generalError('Circular reference detected');
  }
  return result as OutputValue;
}
