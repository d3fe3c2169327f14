/**
 * `--query`: the npm `jmespath` package (0.16) run with the AWS CLI's semantics — Python
 * `jmespath` (1.1.0 in the recorded AWS CLI), including its error texts and its int/float
 * distinction.
 *
 * The package tokenizes, parses and evaluates; this adapter reaches it through the lexer,
 * parser, interpreter and runtime classes that patches/jmespath+0.16.0.patch exports, and
 * changes only where the package differs from Python:
 * - the lexer is adapted in query-lexer.ts: Python's positions, literal values and lexer errors;
 * - parse errors carry Python's texts with column and caret, and the constructs the package
 *   gets wrong are parsed as Python does: `(a b)` and `[a b]` are errors (the package accepts
 *   them), `length(@.x)` is one argument (the package splits it), `a.b.c` is one flat
 *   sub-expression (so 20,000 segments evaluate without deep recursion, as in Python);
 * - nesting is bounded (MAX_NESTING) before anything is sent;
 * - field access, comparisons, multi-select hashes and slices follow Python (query-values.ts),
 *   and the functions are Python's (query-functions.ts).
 * The package is loaded on the first compileQuery(), so commands without --query never load it.
 */
import { createRequire } from 'node:module';
import { generalError, paramError } from '../errors/errors.js';
import type { OutputValue } from '../python/value.js';
import { checkArguments, PYTHON_FUNCTIONS, type Evaluate } from './query-functions.js';
import {
  createTokenizer,
  MAX_NESTING,
  QuerySyntaxError,
  QueryTooDeepError,
  type PackageLexer,
  type Token,
  type TokenType,
} from './query-lexer.js';
import {
  buildObject,
  containsExpressionReference,
  isOrderable,
  isQueryObject,
  jmespathEquals,
  pythonOrder,
  pythonStr,
  type QueryValue,
} from './query-values.js';

// ---------------------------------------------------------------------------------------------
// The package's classes (jmespath.js), as far as the adapter uses them
// ---------------------------------------------------------------------------------------------

interface PackageNode {
  type: string;
  name?: string;
  value?: unknown;
  children?: unknown[];
}

interface PackageParser {
  tokens: Token[];
  index: number;
  parse(expression: string): PackageNode;
  expression(bindingPower: number): PackageNode;
  nud(token: Token): PackageNode;
  led(tokenName: TokenType, left: PackageNode): PackageNode;
  _lookahead(offset: number): TokenType;
  _lookaheadToken(offset: number): Token;
  _advance(): void;
  _match(type: TokenType): void;
  _errorToken(token: Token): never;
  _parseDotRHS(bindingPower: number): PackageNode | undefined;
  _parseIndexExpression(): PackageNode;
  _parseSliceExpression(): PackageNode;
  _parseMultiselectList(): PackageNode;
}

interface PackageInterpreter {
  runtime: PackageRuntime;
  visit(node: PackageNode, value: QueryValue): QueryValue;
  computeSliceParams(length: number, params: Array<number | null>): number[];
}

interface PackageRuntime {
  _interpreter: PackageInterpreter;
  functionTable: Record<string, { _func: (this: PackageRuntime, args: QueryValue[]) => QueryValue }>;
  callFunction(name: string, args: QueryValue[]): QueryValue;
}

interface PatchedJmespath {
  Lexer: new () => PackageLexer;
  Parser: new () => PackageParser;
  TreeInterpreter: new (runtime: PackageRuntime) => PackageInterpreter;
  Runtime: new () => PackageRuntime;
}

// ---------------------------------------------------------------------------------------------
// Python's parse errors
// ---------------------------------------------------------------------------------------------

/** Python's token type names are the package's in snake case: `UnquotedIdentifier` → `unquoted_identifier`. */
function pythonTokenType(type: TokenType): string {
  return type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function parseError(expression: string, token: Token, message: string): QuerySyntaxError {
  const type = pythonTokenType(token.type);
  return new QuerySyntaxError(
    `${message}: Parse error at column ${token.start}, token "${pythonStr(token.value)}" ` +
      `(${type.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(token.start + 1)}^`,
  );
}

function incompleteExpressionError(expression: string): QuerySyntaxError {
  const length = Array.from(expression).length;
  return new QuerySyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(length + 1)}^`);
}

/**
 * Errors the package's parser raises in its own words (without a position); each becomes
 * Python's message for the current token. Python's "syntax error" names even the end of the
 * expression as a token; the identifier check reports it as incomplete.
 */
const PACKAGE_PARSE_ERRORS: ReadonlyArray<[pattern: RegExp, pythonMessage: string, incompleteAtEnd: boolean]> = [
  [/^Sytanx error|^Syntax error/, 'syntax error', false],
  [/^Expecting an identifier token/, "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: %s", true],
];

/** Tokens with a binding power but no left-denotation: Python rejects them as `invalid token`. */
const TOKENS_WITHOUT_LED = new Set<TokenType>(['Star', 'Not', 'Lbrace']);
const SLICE_TOKENS = new Set<TokenType>(['Number', 'Colon']);
const DOT_BINDING_POWER = 40;
const DOT_RHS_TYPES = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";

// ---------------------------------------------------------------------------------------------
// The adapter classes, created once the package is loaded
// ---------------------------------------------------------------------------------------------

interface Engine {
  parse(expression: string): PackageNode;
  search(root: PackageNode, value: OutputValue): QueryValue;
}

let engine: Engine | undefined;

function loadEngine(): Engine {
  engine ??= createEngine(createRequire(import.meta.url)('jmespath') as PatchedJmespath);
  return engine;
}

function createEngine(jmespath: PatchedJmespath): Engine {
  if (typeof jmespath.Lexer !== 'function') {
    throw new Error('node_modules/jmespath lacks patches/jmespath+0.16.0.patch: run npm ci (postinstall applies it)');
  }
  const tokenize = createTokenizer(jmespath.Lexer);

  class PythonParser extends jmespath.Parser {
    private expressionText = '';
    private nesting = 0;

    override parse(expression: string): PackageNode {
      this.expressionText = expression;
      this.tokens = tokenize(expression);
      this.index = 0;
      try {
        const root = this.expression(0);
        const token = this._lookaheadToken(0);
        if (token.type !== 'EOF') throw this.error(token, `Unexpected token: ${pythonStr(token.value)}`);
        return root;
      } catch (error) {
        throw this.pythonError(error);
      }
    }

    override expression(bindingPower: number): PackageNode {
      if (++this.nesting > MAX_NESTING) throw new QueryTooDeepError();
      try {
        return super.expression(bindingPower);
      } finally {
        this.nesting--;
      }
    }

    override nud(token: Token): PackageNode {
      if (token.type === 'Lparen') {
        // Python: exactly one expression in parentheses (the package loops over several).
        const inner = this.expression(0);
        this._match('Rparen');
        return inner;
      }
      if (token.type === 'QuotedIdentifier' && this._lookahead(0) === 'Lparen') {
        // Python reports this one at column 0, whatever the real position.
        throw this.error({ ...this._lookaheadToken(0), start: 0 }, 'Quoted identifier not allowed for function names.');
      }
      return super.nud(token);
    }

    override led(tokenName: TokenType, left: PackageNode): PackageNode {
      if (TOKENS_WITHOUT_LED.has(tokenName)) throw this.error(this.tokens[this.index - 1], 'invalid token');
      if (tokenName === 'Lparen') return this.functionCall(left);
      if (tokenName === 'Dot' && this._lookahead(0) !== 'Star') {
        const right = this._parseDotRHS(DOT_BINDING_POWER)!;
        // Python appends to an existing sub-expression: `a.b.c` is one node, not a chain.
        if (left.type === 'Subexpression') {
          left.children!.push(right);
          return left;
        }
        return { type: 'Subexpression', children: [left, right] };
      }
      const next = this._lookahead(0);
      if (tokenName === 'Lbracket' && left.type === 'IndexExpression' && (next === 'Number' || next === 'Colon')) {
        // Python appends to an existing index expression, so `a[0][1:2]` starts no projection.
        return { type: 'IndexExpression', children: [left, this._parseIndexExpression()] };
      }
      return super.led(tokenName, left);
    }

    /** Python's function call: commas between arguments are optional and one may trail. */
    private functionCall(callee: PackageNode): PackageNode {
      if (callee.type !== 'Field') {
        const nameToken = this.tokens[this.index - 2];
        throw this.error(nameToken, `Invalid function name '${pythonStr(nameToken.value)}'`);
      }
      const args: PackageNode[] = [];
      while (this._lookahead(0) !== 'Rparen') {
        const argument = this.expression(0);
        if (this._lookahead(0) === 'Comma') this._match('Comma');
        args.push(argument);
      }
      this._match('Rparen');
      return { type: 'Function', name: callee.name, children: args };
    }

    /** Python's multi-select list: a comma between items (the package accepts `[a b]`). */
    override _parseMultiselectList(): PackageNode {
      const items: PackageNode[] = [];
      for (;;) {
        items.push(this.expression(0));
        if (this._lookahead(0) === 'Rbracket') break;
        this._match('Comma');
      }
      this._match('Rbracket');
      return { type: 'MultiSelectList', children: items };
    }

    override _parseSliceExpression(): PackageNode {
      // Python fails at a third colon (`a[1:2:3:4]`); the package reads on to the `4`.
      let colons = 0;
      for (let position = this.index; SLICE_TOKENS.has(this.tokens[position].type); position++) {
        if (this.tokens[position].type === 'Colon' && ++colons === 3) throw this.error(this.tokens[position], 'syntax error');
      }
      return super._parseSliceExpression();
    }

    override _parseDotRHS(bindingPower: number): PackageNode {
      const right = super._parseDotRHS(bindingPower);
      if (right !== undefined) return right;
      // The package returns nothing here (`foo.1` would compile); Python raises.
      const token = this._lookaheadToken(0);
      throw this.error(token, `Expecting: ${DOT_RHS_TYPES}, got: ${pythonTokenType(token.type)}`);
    }

    override _match(type: TokenType): void {
      const token = this._lookaheadToken(0);
      if (token.type !== type) {
        if (token.type === 'EOF') throw incompleteExpressionError(this.expressionText);
        throw this.error(token, `Expecting: ${pythonTokenType(type)}, got: ${pythonTokenType(token.type)}`);
      }
      this._advance();
    }

    override _errorToken(token: Token): never {
      if (token.type === 'EOF') throw incompleteExpressionError(this.expressionText);
      throw this.error(token, 'invalid token');
    }

    private error(token: Token, message: string): QuerySyntaxError {
      return parseError(this.expressionText, token, message);
    }

    private pythonError(error: unknown): unknown {
      if (error instanceof QuerySyntaxError || !(error instanceof Error)) return error;
      const token = this._lookaheadToken(0);
      for (const [pattern, message, incompleteAtEnd] of PACKAGE_PARSE_ERRORS) {
        if (!pattern.test(error.message)) continue;
        if (incompleteAtEnd && token.type === 'EOF') return incompleteExpressionError(this.expressionText);
        return this.error(token, message.replace('%s', pythonTokenType(token.type)));
      }
      return error;
    }
  }

  class PythonRuntime extends jmespath.Runtime {
    override callFunction(name: string, args: QueryValue[]): QueryValue {
      const spec = Object.hasOwn(PYTHON_FUNCTIONS, name) ? PYTHON_FUNCTIONS[name] : undefined;
      if (spec === undefined) throw generalError(`Unknown function: ${name}()`);
      checkArguments(name, spec, args);
      if (spec.run === undefined) return this.functionTable[name]._func.call(this, args);
      const evaluate: Evaluate = (reference, value) => this._interpreter.visit(reference as PackageNode, value);
      return spec.run(args, evaluate);
    }
  }

  class PythonInterpreter extends jmespath.TreeInterpreter {
    override visit(node: PackageNode, value: QueryValue): QueryValue {
      switch (node.type) {
        case 'Field':
          // Own keys only: `constructor` is no field of an object.
          return isQueryObject(value) && Object.hasOwn(value, node.name!) ? value[node.name!] : null;
        case 'Subexpression':
          // Python applies every part, also to null (the package stops at null and reads only
          // the first two parts of the flat node).
          return (node.children as PackageNode[]).reduce((result, child) => this.visit(child, result), value);
        case 'ValueProjection': {
          // A PyFloat is an object to the package; to Python it is a float, which `.*` skips.
          const [left, right] = node.children as PackageNode[];
          const base = this.visit(left, value);
          if (!isQueryObject(base)) return null;
          return Object.keys(base)
            .map((key) => this.visit(right, base[key]))
            .filter((item) => item !== null);
        }
        case 'Comparator':
          return this.compare(node, value);
        case 'MultiSelectHash': {
          if (value === null) return null;
          const pairs = node.children as Array<{ name: string; value: PackageNode }>;
          return buildObject(new Map(pairs.map((pair) => [pair.name, this.visit(pair.value, value)])));
        }
        default:
          return super.visit(node, value);
      }
    }

    override computeSliceParams(length: number, params: Array<number | null>): number[] {
      if (params[2] === 0) throw generalError('slice step cannot be zero');
      return super.computeSliceParams(length, params);
    }

    /** Equality is Python's `==`; ordering needs two numbers or two strings, else null. */
    private compare(node: PackageNode, value: QueryValue): QueryValue {
      const [leftNode, rightNode] = node.children as PackageNode[];
      const left = this.visit(leftNode, value);
      const right = this.visit(rightNode, value);
      switch (node.name as TokenType) {
        case 'EQ':
          return jmespathEquals(left, right);
        case 'NE':
          return !jmespathEquals(left, right);
        default:
          if (!isOrderable(left) || !isOrderable(right)) return null;
          return pythonOrder(node.name!.toLowerCase() as 'lt' | 'lte' | 'gt' | 'gte', left, right);
      }
    }
  }

  return {
    parse: (expression) => new PythonParser().parse(expression),
    search: (root, value) => {
      const runtime = new PythonRuntime();
      const interpreter = new PythonInterpreter(runtime);
      runtime._interpreter = interpreter;
      return interpreter.visit(root, value);
    },
  };
}

/**
 * The depth of the parsed tree, walked without recursion so a hostile query cannot overflow,
 * and whether it holds `&expr` (only then can a result hold an expression reference).
 */
function inspectTree(root: PackageNode): { depth: number; hasExpressionReference: boolean } {
  let deepest = 0;
  let hasExpressionReference = false;
  const pending: Array<[PackageNode, number]> = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    hasExpressionReference ||= node.type === 'ExpressionReference';
    const children = node.type === 'KeyValuePair' ? [node.value] : node.type === 'Literal' ? [] : (node.children ?? []);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push([child as PackageNode, depth + 1]);
    }
  }
  return { depth: deepest, hasExpressionReference };
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface CompiledQuery {
  /** The expression as given on the command line. */
  readonly expression: string;
  /** The package's parsed form; only applyQuery() reads it. */
  readonly root: unknown;
  readonly hasExpressionReference: boolean;
}

/**
 * Compiles `--query` before any request is sent. A syntax error is a ParamValidation error
 * (exit 252): `Bad value for --query <expr>: <Python jmespath's message>`.
 */
export function compileQuery(expression: string): CompiledQuery {
  try {
    if (expression === '') throw new QuerySyntaxError('Invalid JMESPath expression: cannot be empty.');
    const root = loadEngine().parse(expression);
    const { depth, hasExpressionReference } = inspectTree(root);
    if (depth > MAX_NESTING) throw new QueryTooDeepError();
    return { expression, root, hasExpressionReference };
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
  const result = loadEngine().search(query.root as PackageNode, value);
  if (query.hasExpressionReference && containsExpressionReference(result)) {
    // `--query '&Key'`: the AWS CLI's JSON encoder hands the object back to json.dump, which
    // then fails with this message (exit 255). Other output formats are not reproduced.
    throw generalError('Circular reference detected');
  }
  return result as OutputValue;
}
