/**
 * The JMESPath functions as Python jmespath runs them, for the npm package's runtime
 * (query.ts puts them in front of its function table). Checked at call time like Python:
 * unknown name, then arity, then argument types, each with Python's message.
 *
 * Where the package's own implementation already gives Python's result, the entry has no
 * `run` and the package's function is called. The others differ from Python in the package:
 * `sort([3,1.5,-2,10])` sorts numbers as text, `max`/`min` of strings use localeCompare,
 * `max_by` of string keys returns nothing, `avg`/`sum`/`abs` lose the int/float distinction,
 * `length`/`reverse` count UTF-16 units, `contains` compares with `===`, `to_string` is
 * `JSON.stringify`, `to_number` is JS `+text`, `merge` loses key order.
 */
import { generalError } from '../errors/errors.js';
import { toAsciiNumeral } from '../python/chars.js';
import { reprString } from '../python/repr.js';
import { PyFloat } from '../python/value.js';
import {
  buildObject,
  isExpressionReference,
  isFloat,
  isNumber,
  isQueryObject,
  jmespathTypeName,
  numericValue,
  pythonEquals,
  pythonJsonDumps,
  pythonOrder,
  pythonStr,
  pythonTypeName,
  type ExpressionReference,
  type Orderable,
  type QueryObject,
  type QueryValue,
} from './query-values.js';

/** Evaluates the expression behind `&expr` on one value (the package interpreter's visit). */
export type Evaluate = (reference: ExpressionReference, value: QueryValue) => QueryValue;

export interface PythonFunction {
  /** Allowed JMESPath types per argument (`array-number` = array of numbers); [] = any. */
  readonly signature: ReadonlyArray<readonly string[]>;
  /** The last argument may repeat (and must appear at least once). */
  readonly variadic?: boolean;
  /** Absent: the package's own implementation already behaves as Python's. */
  readonly run?: (args: QueryValue[], evaluate: Evaluate) => QueryValue;
}

const PYTHON_TYPES_OF_JMESPATH_TYPE: Record<string, readonly string[]> = {
  null: ['NoneType'],
  boolean: ['bool'],
  string: ['str'],
  number: ['int', 'float'],
  array: ['list'],
  object: ['dict'],
  expref: ['_Expression'],
};

function typeError(functionName: string, value: QueryValue, receivedType: string, expected: readonly string[]): Error {
  const expectedText = `[${expected.map(reprString).join(', ')}]`;
  return generalError(
    `In function ${functionName}(), invalid type for value: ${pythonStr(value)}, ` +
      `expected one of: ${expectedText}, received: "${receivedType}"`,
  );
}

/** Python jmespath's `_validate_arguments`: arity first, then each argument's type. */
export function checkArguments(name: string, spec: PythonFunction, args: readonly QueryValue[]): void {
  const expected = spec.signature.length;
  if (spec.variadic ? args.length < expected : args.length !== expected) {
    const plural = expected === 1 ? '' : 's';
    const atLeast = spec.variadic ? 'at least ' : '';
    throw generalError(`Expected ${atLeast}${expected} argument${plural} for function ${name}(), received ${args.length}`);
  }
  spec.signature.forEach((types, position) => {
    if (types.length > 0) checkArgumentType(name, args[position], types);
  });
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
function keyOf(functionName: string, reference: ExpressionReference, item: QueryValue, allowedTypes: readonly string[], evaluate: Evaluate): Orderable {
  const key = evaluate(reference, item);
  const type = jmespathTypeName(key);
  if (!allowedTypes.includes(type)) throw typeError(functionName, key, type, allowedTypes);
  return key as Orderable;
}

/** Python's max()/min() with a key: keys computed one by one, the first extreme item wins. */
function extremeBy(functionName: string, items: QueryValue[], reference: ExpressionReference, operator: 'lt' | 'gt', evaluate: Evaluate): QueryValue {
  if (items.length === 0) return null;
  const allowedTypes = ['number', 'string'];
  let best = items[0];
  let bestKey = keyOf(functionName, reference, best, allowedTypes, evaluate);
  for (const item of items.slice(1)) {
    const key = keyOf(functionName, reference, item, allowedTypes, evaluate);
    if (pythonOrder(operator, key, bestKey)) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}

function extreme(items: Orderable[], operator: 'lt' | 'gt'): QueryValue {
  if (items.length === 0) return null;
  return items.reduce((best, item) => (pythonOrder(operator, item, best) ? item : best));
}

/** Python's stable sorted(): numbers by value, strings by code point. */
function sortByKeys<T>(items: readonly T[], keys: readonly Orderable[]): T[] {
  const order = items.map((_, index) => index);
  order.sort((a, b) => (pythonOrder('lt', keys[a], keys[b]) ? -1 : pythonOrder('lt', keys[b], keys[a]) ? 1 : 0));
  return order.map((index) => items[index]);
}

function ceilOrFloor(value: number | PyFloat, round: (value: number) => number): number {
  const number = numericValue(value);
  if (Number.isNaN(number)) throw generalError('cannot convert float NaN to integer');
  if (!Number.isFinite(number)) throw generalError('cannot convert float infinity to integer');
  // Python ints have no -0.
  return round(number) || 0;
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
  const ascii = toAsciiNumeral(text);
  if (ascii === undefined) return null;
  if (PYTHON_INT_TEXT.test(ascii)) return Number(ascii.replaceAll('_', '')) || 0;
  if (!PYTHON_FLOAT_TEXT.test(ascii)) return null;
  const negative = ascii.startsWith('-');
  const unsigned = ascii.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'nan') return new PyFloat(NaN);
  if (unsigned.startsWith('inf')) return new PyFloat(negative ? -Infinity : Infinity);
  return new PyFloat(Number(ascii.replaceAll('_', '')));
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
    for (const key of Object.keys(source)) target.set(key, source[key]);
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

export const PYTHON_FUNCTIONS: Readonly<Record<string, PythonFunction>> = {
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
  ends_with: { signature: [['string'], ['string']] },
  floor: { signature: [['number']], run: ([value]) => ceilOrFloor(value as number | PyFloat, Math.floor) },
  join: { signature: [['string'], ['array-string']] },
  keys: { signature: [['object']] },
  length: {
    signature: [['string', 'array', 'object']],
    run: ([value]) => {
      if (typeof value === 'string') return Array.from(value).length;
      return Array.isArray(value) ? value.length : Object.keys(value as QueryObject).length;
    },
  },
  map: { signature: [['expref'], ['array']] },
  max: { signature: [['array-number', 'array-string']], run: ([items]) => extreme(items as Orderable[], 'gt') },
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
  min: { signature: [['array-number', 'array-string']], run: ([items]) => extreme(items as Orderable[], 'lt') },
  min_by: {
    signature: [['array'], ['expref']],
    run: ([items, reference], evaluate) =>
      extremeBy('min_by', items as QueryValue[], reference as ExpressionReference, 'lt', evaluate),
  },
  not_null: { signature: [[]], variadic: true },
  reverse: {
    signature: [['array', 'string']],
    run: ([value]) => (typeof value === 'string' ? Array.from(value).reverse().join('') : [...(value as QueryValue[])].reverse()),
  },
  sort: {
    signature: [['array-string', 'array-number']],
    run: ([value]) => sortByKeys(value as Orderable[], value as Orderable[]),
  },
  sort_by: {
    signature: [['array'], ['expref']],
    run: ([value, referenceValue], evaluate) => {
      const items = value as QueryValue[];
      const reference = referenceValue as ExpressionReference;
      if (items.length === 0) return items;
      // The first element's key decides whether every key must be a number or a string; a bad
      // first key is reported with the element itself, as Python does.
      const requiredType = jmespathTypeName(evaluate(reference, items[0]));
      if (requiredType !== 'number' && requiredType !== 'string') {
        throw typeError('sort_by', items[0], requiredType, ['string', 'number']);
      }
      const keys = items.map((item) => keyOf('sort_by', reference, item, [requiredType], evaluate));
      return sortByKeys(items, keys);
    },
  },
  starts_with: { signature: [['string'], ['string']] },
  sum: { signature: [['array-number']], run: ([items]) => pythonSum(items as Array<number | PyFloat>) },
  to_array: { signature: [[]] },
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
    // Python's type() has no name for an expression reference and returns None.
    run: ([value]) => (isExpressionReference(value) ? null : jmespathTypeName(value)),
  },
  values: { signature: [['object']] },
};
