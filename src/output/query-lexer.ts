/**
 * The tokenizer of `--query`: the npm `jmespath` package's own Lexer, which
 * patches/jmespath+0.16.0.patch exports and gives seams (errors with their offset, unclosed
 * delimiters rejected, decoding in overridable methods), adapted where Python jmespath (the
 * AWS CLI's) differs:
 * - positions are code point indexes (the package counts UTF-16 units), and errors are Python's
 *   `LexerError` texts with the caret;
 * - raw strings unescape every `\'` (the package only the first: `'a\'b\'c'` → `a'b\'c`);
 * - JSON literals and quoted identifiers are read by Python's `json.loads` (`` `1.0` `` stays a
 *   PyFloat, objects keep their key order, Python's error texts), a literal that is no JSON is
 *   read as a JSON string (JEP-12's deprecated form) and one nested too deeply fails as Python's
 *   recursion limit makes it fail;
 * - a `-` without digits is an error (the package makes it a NaN number) and `-0` is 0.
 */
import { parsePythonJson, PythonJsonError } from '../python/json.js';
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
 * 486 levels still run. The same bound applies to the parser's nesting and to the depth of
 * the parsed tree (which the interpreter's recursion follows); JSON literals have their own.
 */
export const MAX_NESTING = 487;

/**
 * Python's json scanner counts one recursion per array or object it enters: under the AWS
 * CLI's stack a literal nested 969 deep still loads, entering the 970th container raises
 * RecursionError (measured with aws-cli 2.36.7, the same for every command).
 */
const MAX_JSON_LITERAL_NESTING = 969;

/** Python's RecursionError text, which the AWS CLI reports for a too deeply nested query. */
export class QueryTooDeepError extends QuerySyntaxError {
  constructor(message = 'maximum recursion depth exceeded') {
    super(message);
  }
}

/** The package's Lexer (jmespath.js), as far as the adapter uses it; offsets are UTF-16 indexes. */
export interface PackageLexer {
  tokenize(stream: string): Token[];
  _consumeNumber(stream: string): Token;
  _decodeQuotedIdentifier(lexeme: string, start: number): QueryValue;
  _decodeRawString(text: string): string;
  _decodeLiteral(text: string, start: number): QueryValue;
}

export type Tokenize = (expression: string) => Token[];

/** The patched package's lexer errors carry the offset they happened at. */
function isPackageLexerError(error: unknown): error is Error & { position: number } {
  return error instanceof Error && error.name === 'LexerError' && typeof (error as { position?: unknown }).position === 'number';
}

/** Python's jmespath reads `` `…` `` and `"…"` with json.loads; objects keep their key order. */
function parseJsonLiteral(text: string): QueryValue {
  const tooDeep = tooDeepContainer(text);
  if (tooDeep !== undefined) throw jsonRecursionError(text, tooDeep);
  return parseOrderedJson(text);
}

function parseOrderedJson(text: string): QueryValue {
  return parsePythonJson(text, (pairs) => buildObject(pairs as Map<string, QueryValue>)) as QueryValue;
}

/**
 * Python reads the text up to the container too many first: an error before it is the usual
 * ValueError; only when the scanner gets there wanting a value does it recurse and fail.
 */
function jsonRecursionError(text: string, offset: number): Error {
  const before = text.slice(0, offset);
  try {
    parseOrderedJson(before);
  } catch (error) {
    const wantsValueThere = new PythonJsonError('Expecting value', before, offset).message;
    if (!(error instanceof PythonJsonError) || error.message !== wantsValueThere) return error as Error;
  }
  const kind = text[offset] === '[' ? 'array' : 'object';
  return new QueryTooDeepError(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
}

/** The offset of the first `[` or `{` (outside strings) nested deeper than Python loads. */
function tooDeepContainer(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      if (++depth > MAX_JSON_LITERAL_NESTING) return index;
    } else if (character === ']' || character === '}') depth--;
  }
  return undefined;
}

/**
 * Code point index of each UTF-16 offset (the package's positions) in the expression, or
 * undefined when the two are the same (no character outside the Basic Multilingual Plane).
 */
function codePointIndexes(expression: string): Uint32Array | undefined {
  if (!/[\uD800-\uDFFF]/.test(expression)) return undefined;
  const indexes = new Uint32Array(expression.length + 1);
  let codePoints = 0;
  for (let offset = 0; offset < expression.length; codePoints++) {
    const units = expression.codePointAt(offset)! > 0xffff ? 2 : 1;
    indexes.fill(codePoints, offset, offset + units);
    offset += units;
  }
  indexes[expression.length] = codePoints;
  return indexes;
}

/** Python's message for a character the grammar has no token for (the package: "Unknown character:X"). */
function unknownTokenMessage(expression: string, offset: number): string {
  const character = String.fromCodePoint(expression.codePointAt(offset)!);
  // Python words `=` alone with a message of its own, quoted: "Unknown token '='".
  return character === '=' ? "Unknown token '='" : `Unknown token ${character}`;
}

/** The tokenizer on the package's Lexer class, adapted to Python's behaviour. */
export function createTokenizer(Lexer: new () => PackageLexer): Tokenize {
  class PythonLexer extends Lexer {
    private expression = '';
    private indexes: Uint32Array | undefined;

    override tokenize(expression: string): Token[] {
      this.expression = expression;
      this.indexes = codePointIndexes(expression);
      let tokens: Token[];
      try {
        tokens = super.tokenize(expression);
      } catch (error) {
        if (!isPackageLexerError(error)) throw error;
        const message = error.message.startsWith('Unknown character:') ? unknownTokenMessage(expression, error.position) : error.message;
        // The package's other lexer errors ("Unclosed ' delimiter") are worded as Python's.
        throw this.error(error.position, message);
      }
      tokens.push({ type: 'EOF', value: '', start: expression.length });
      const indexes = this.indexes;
      return indexes === undefined ? tokens : tokens.map((token) => ({ ...token, start: indexes[token.start] }));
    }

    override _consumeNumber(stream: string): Token {
      const token = super._consumeNumber(stream);
      // parseInt('-') is NaN to the package; Python quotes the `-` as it does `=`.
      if (Number.isNaN(token.value)) throw this.error(token.start, "Unknown token '-'");
      // Python ints have no -0.
      return token.value === 0 ? { ...token, value: 0 } : token;
    }

    override _decodeQuotedIdentifier(lexeme: string, start: number): QueryValue {
      try {
        return parseJsonLiteral(lexeme);
      } catch (error) {
        throw this.error(start, (error as PythonJsonError).reason);
      }
    }

    /** Python keeps every backslash except in `\'`, which becomes `'` wherever it occurs. */
    override _decodeRawString(text: string): string {
      return text.replaceAll("\\'", "'");
    }

    /** `` `json` ``; text that is not JSON is read as a JSON string (JEP-12 deprecated syntax). */
    override _decodeLiteral(text: string, start: number): QueryValue {
      const lexeme = text.replaceAll('\\`', '`');
      try {
        return parseJsonLiteral(lexeme);
      } catch (error) {
        if (error instanceof QueryTooDeepError) throw error;
        try {
          return parseJsonLiteral(`"${pythonLstrip(lexeme)}"`);
        } catch {
          throw this.error(start, `Bad token ${lexeme}`);
        }
      }
    }

    /** Python's LexerError text; the offset is the package's, the caret counts code points. */
    private error(offset: number, message: string): QuerySyntaxError {
      const position = this.indexes === undefined ? offset : this.indexes[offset];
      return new QuerySyntaxError(`Bad jmespath expression: ${message}:\n${this.expression}\n${' '.repeat(position)}^`);
    }
  }

  return (expression) => new PythonLexer().tokenize(expression);
}
