/**
 * The lexer-level pre-pass of `--query`: Python jmespath's tokenizer, producing the npm
 * `jmespath` package's token objects, which its parser then reads (query.ts).
 *
 * The package's own lexer cannot be used: its errors carry no position ("Unknown character:#"),
 * it accepts what Python rejects (`'unclosed`, `a = b` crashes later), and it decodes literals
 * differently (`'a\'b\'c'` → `a'b\'c`, `` `1.0` `` → 1, objects lose their key order when a key
 * looks like an integer). This one follows Python's algorithm: positions are code point
 * indexes, raw strings unescape every `\'`, JSON literals are read by Python's `json.loads`
 * (floats stay PyFloat, key order is kept) and errors are Python's texts with the caret.
 */
import { parsePythonJson, type PythonJsonError } from '../python/json.js';
import { pythonLstrip } from '../python/chars.js';
import { buildObject, type QueryValue } from './query-values.js';

/** The package's token type names (jmespath.js `TOK_*`). */
export type TokenType =
  | 'Dot'
  | 'Star'
  | 'Rbracket'
  | 'Comma'
  | 'Colon'
  | 'Current'
  | 'Lparen'
  | 'Rparen'
  | 'Lbrace'
  | 'Rbrace'
  | 'UnquotedIdentifier'
  | 'QuotedIdentifier'
  | 'Flatten'
  | 'Filter'
  | 'Lbracket'
  | 'Literal'
  | 'Pipe'
  | 'Or'
  | 'And'
  | 'Expref'
  | 'Number'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'EQ'
  | 'NE'
  | 'Not'
  | 'EOF';

export interface Token {
  readonly type: TokenType;
  /** Shown with `%s` in parse errors: an int for numbers, the parsed JSON for literals. */
  readonly value: QueryValue;
  /** Code point index into the expression, as Python reports it. */
  readonly start: number;
}

/** A compile-time failure; the message is Python jmespath's `str(error)`. */
export class QuerySyntaxError extends Error {}

/**
 * Python's recursion limit (1000 frames) makes the AWS CLI fail a query nested 487 levels
 * deep (`((((…a…))))`: `Bad value for --query …: maximum recursion depth exceeded`, exit 252);
 * 486 levels still run. The same bound applies here to the parser's nesting, to the depth of
 * the parsed tree (which the interpreter's recursion follows) and to JSON literals.
 */
export const MAX_NESTING = 487;

/** Python's RecursionError text, which the AWS CLI reports for a too deeply nested query. */
export class QueryTooDeepError extends QuerySyntaxError {
  constructor() {
    super('maximum recursion depth exceeded');
  }
}

const SINGLE_CHARACTER_TOKENS: Record<string, TokenType> = {
  '.': 'Dot',
  '*': 'Star',
  ']': 'Rbracket',
  ',': 'Comma',
  ':': 'Colon',
  '@': 'Current',
  '(': 'Lparen',
  ')': 'Rparen',
  '{': 'Lbrace',
  '}': 'Rbrace',
};
const IDENTIFIER_START = /^[A-Za-z_]$/;
const IDENTIFIER_PART = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Python's jmespath reads `` `…` `` and `"…"` with json.loads; objects keep their key order. */
function parseJsonLiteral(text: string): QueryValue {
  if (bracketNesting(text) > MAX_NESTING) throw new QueryTooDeepError();
  return parsePythonJson(text, (pairs) => buildObject(pairs as Map<string, QueryValue>)) as QueryValue;
}

/** How deeply `[` and `{` nest in JSON text (outside strings), before the recursive parse. */
function bracketNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '[' || character === '{') deepest = Math.max(deepest, ++depth);
    else if (character === ']' || character === '}') depth--;
  }
  return deepest;
}

export function tokenize(expression: string): Token[] {
  return new Lexer(expression).tokenize();
}

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
        this.push('UnquotedIdentifier', name, start);
      } else if (WHITESPACE.has(character)) {
        this.advance();
      } else if (character === '[') {
        const next = this.advance();
        if (next === ']' || next === '?') {
          this.advance();
          this.push(next === ']' ? 'Flatten' : 'Filter', `[${next}`, start);
        } else this.push('Lbracket', '[', start);
      } else if (character === "'") {
        // Raw string: the backslash stays, except that \' becomes '.
        this.push('Literal', this.consumeUntil("'").replaceAll("\\'", "'"), start);
      } else if (character === '|') {
        this.pushOneOrTwoCharacterToken('|', 'Or', 'Pipe');
      } else if (character === '&') {
        this.pushOneOrTwoCharacterToken('&', 'And', 'Expref');
      } else if (character === '`') {
        this.push('Literal', this.consumeLiteral(), start);
      } else if (DIGIT.test(character) || character === '-') {
        const digits = this.consumeNumber();
        if (digits === '-') throw this.lexerError(start, "Unknown token '-'");
        // Python ints have no -0.
        this.push('Number', Number(digits) || 0, start);
      } else if (character === '"') {
        this.push('QuotedIdentifier', this.consumeQuotedIdentifier(), start);
      } else if (character === '<') {
        this.pushOneOrTwoCharacterToken('=', 'LTE', 'LT');
      } else if (character === '>') {
        this.pushOneOrTwoCharacterToken('=', 'GTE', 'GT');
      } else if (character === '!') {
        this.pushOneOrTwoCharacterToken('=', 'NE', 'Not');
      } else if (character === '=') {
        if (this.advance() !== '=') {
          // Python reports the '=' itself, unless it was the last character: then the position
          // never moved past it.
          const position = this.current === undefined ? this.position : this.position - 1;
          throw this.lexerError(position, "Unknown token '='");
        }
        this.push('EQ', '==', start);
        this.advance();
      } else {
        throw this.lexerError(start, `Unknown token ${character}`);
      }
    }
    this.push('EOF', '', this.characters.length);
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
    } catch (error) {
      if (error instanceof QueryTooDeepError) throw error;
      try {
        return parseJsonLiteral(`"${pythonLstrip(lexeme)}"`);
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
    return new QuerySyntaxError(`Bad jmespath expression: ${message}:\n${this.expression}\n${' '.repeat(position)}^`);
  }
}
