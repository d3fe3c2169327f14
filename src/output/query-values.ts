/**
 * Values inside `--query` and the Python semantics Python jmespath gives them: its int/float
 * distinction (PyFloat), dict order, `==`, ordering and truthiness. The npm package's
 * interpreter and runtime call into these through the adapter in query.ts.
 */
import { generalError } from '../errors/errors.js';
import { compareCodePoints, formatPythonFloat, formatPythonInt } from '../python/values.js';
import { pythonRepr, pythonTypeName as pythonValueTypeName } from '../python/repr.js';
import { PyFloat, type OutputValue } from '../python/value.js';

/**
 * `&expr` evaluates to the package's AST node tagged `jmespathType: "Expref"` (Python's
 * `_Expression`); sort_by(), map() etc. receive it.
 */
export interface ExpressionReference {
  readonly type: string;
  readonly jmespathType: 'Expref';
}

export type QueryValue = OutputValue | ExpressionReference | QueryValue[] | QueryObject;
export interface QueryObject {
  [key: string]: QueryValue;
}

export function isExpressionReference(value: unknown): value is ExpressionReference {
  return typeof value === 'object' && value !== null && (value as { jmespathType?: unknown }).jmespathType === 'Expref';
}

export function isQueryObject(value: unknown): value is QueryObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof PyFloat) &&
    !isExpressionReference(value)
  );
}

/** A JMESPath number; booleans are not numbers here although Python's bool is an int. */
export function isNumber(value: unknown): value is number | PyFloat {
  return typeof value === 'number' || value instanceof PyFloat;
}

/** Python float: a PyFloat, or a JS number that cannot be an int (e.g. 1.5 in the input). */
export function isFloat(value: number | PyFloat): boolean {
  return value instanceof PyFloat || !Number.isInteger(value);
}

export function numericValue(value: number | PyFloat): number {
  return value instanceof PyFloat ? value.value : value;
}

/** `str()` of an `_Expression`; CPython shows a memory address there, which cannot be matched. */
const EXPRESSION_REFERENCE_REPR = '<jmespath.visitor._Expression object at 0x7f0000000000>';

/** Python's `type(value).__name__`, which the function type checks and TypeErrors report. */
export function pythonTypeName(value: QueryValue): string {
  return isExpressionReference(value) ? '_Expression' : pythonValueTypeName(value);
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

export function jmespathTypeName(value: QueryValue): string {
  return JMESPATH_TYPE_OF_PYTHON_TYPE[pythonTypeName(value)];
}

/** `'%s' % value`, as jmespath's messages format values. */
export function pythonStr(value: QueryValue): string {
  if (typeof value === 'string') return value;
  return isExpressionReference(value) ? EXPRESSION_REFERENCE_REPR : pythonRepr(value);
}

/**
 * Objects the query builds (multi-select hashes, literals, merge()) keep Python's dict order.
 * JS puts array-index keys ("1", "42") first in ascending order; for objects that have such a
 * key the order is restored by a Proxy whose `ownKeys` answers the insertion order (which
 * `Object.keys`, `JSON.stringify` and `for…in` follow). Those objects are frozen so the recorded
 * order cannot go stale.
 */
export function buildObject(entries: Map<string, QueryValue>): QueryObject {
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

/** Python `==`: bool equals int (True == 1), int equals float, containers compare deeply. */
export function pythonEquals(left: QueryValue, right: QueryValue): boolean {
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
export function jmespathEquals(left: QueryValue, right: QueryValue): boolean {
  const isZeroOrOne = (value: QueryValue): boolean => isNumber(value) && [0, 1].includes(numericValue(value));
  if ((isZeroOrOne(left) && typeof right === 'boolean') || (isZeroOrOne(right) && typeof left === 'boolean')) {
    return false;
  }
  return pythonEquals(left, right);
}

export type OrderOperator = 'lt' | 'lte' | 'gt' | 'gte';
export type Orderable = number | PyFloat | string;

const OPERATOR_SYMBOL: Record<OrderOperator, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

export function isOrderable(value: QueryValue): value is Orderable {
  return typeof value === 'string' || isNumber(value);
}

/**
 * Python's `operator.lt` etc. on numbers and strings: strings by code point (JS `<` compares
 * UTF-16 units), and Python's TypeError for a string against a number.
 */
export function pythonOrder(operator: OrderOperator, left: Orderable, right: Orderable): boolean {
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
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += character;
  }
  return out + '"';
}

/** to_string(): `json.dumps(value, separators=(',', ':'), default=str)`. */
export function pythonJsonDumps(value: QueryValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pythonJsonString(value);
  if (isNumber(value)) {
    const number = numericValue(value);
    if (Number.isNaN(number)) return 'NaN';
    if (!Number.isFinite(number)) return number > 0 ? 'Infinity' : '-Infinity';
    return isFloat(value) ? formatPythonFloat(number) : formatPythonInt(number);
  }
  if (isExpressionReference(value)) return pythonJsonString(EXPRESSION_REFERENCE_REPR);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(',')}]`;
  const items = Object.keys(value).map((key) => `${pythonJsonString(key)}:${pythonJsonDumps(value[key])}`);
  return `{${items.join(',')}}`;
}

export function containsExpressionReference(value: QueryValue): boolean {
  if (isExpressionReference(value)) return true;
  if (Array.isArray(value)) return value.some(containsExpressionReference);
  return isQueryObject(value) && Object.keys(value).some((key) => containsExpressionReference(value[key]));
}
