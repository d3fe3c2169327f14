/**
 * `--output text`: the AWS CLI's tab-separated walk of the response (SPEC 1.6).
 * Dicts print their scalar values on one line (sorted by key), prefixed by the upper-cased
 * key they were found under; nested lists and dicts follow on their own lines.
 */
import { generalError } from '../errors/errors.js';
import { pythonStr, pythonTypeName } from '../python/repr.js';
import { isScalar, sortCodePoints, sortedKeys } from '../python/values.js';
import { isOutputObject, type OutputObject, type OutputValue } from '../python/value.js';

export function formatText(value: OutputValue): string {
  const lines: string[] = [];
  writeValue(value, null, null, lines);
  return lines.join('');
}

/**
 * @param identifier the key this value was found under, printed upper-cased before scalars
 * @param columnKeys for a dict inside a list of dicts: the scalar keys of all elements, so
 *   every element prints the same columns (missing ones as empty fields)
 */
function writeValue(
  value: OutputValue,
  identifier: string | null,
  columnKeys: readonly string[] | null,
  lines: string[],
): void {
  if (Array.isArray(value)) writeList(value, identifier, lines);
  else if (isOutputObject(value)) writeDict(value, identifier, columnKeys, lines);
  else lines.push(`${pythonStr(value)}\n`);
}

function writeList(items: readonly OutputValue[], identifier: string | null, lines: string[]): void {
  if (items.length === 0) return;
  if (items.some(isOutputObject)) {
    const columnKeys = scalarKeysOfAllElements(items);
    for (const item of items) writeValue(item, identifier, columnKeys, lines);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) writeScalarList(scalars, identifier, lines);
    for (const nested of items.filter((item) => !isScalar(item))) writeValue(nested, identifier, null, lines);
  } else {
    writeScalarList(items, identifier, lines);
  }
}

/** Under a key every item gets its own `KEY\titem` line; a bare list is one tab-joined line. */
function writeScalarList(items: readonly OutputValue[], identifier: string | null, lines: string[]): void {
  if (identifier === null) {
    lines.push(`${items.map(pythonStr).join('\t')}\n`);
    return;
  }
  for (const item of items) lines.push(`${identifier.toUpperCase()}\t${pythonStr(item)}\n`);
}

function writeDict(
  dict: OutputObject,
  identifier: string | null,
  columnKeys: readonly string[] | null,
  lines: string[],
): void {
  const fields: string[] = [];
  const nested: string[] = [];
  if (columnKeys === null) {
    for (const key of sortedKeys(dict)) {
      if (isScalar(dict[key])) fields.push(pythonStr(dict[key]));
      else nested.push(key);
    }
  } else {
    for (const key of columnKeys) fields.push(Object.hasOwn(dict, key) ? pythonStr(dict[key]) : '');
    nested.push(...sortCodePoints(Object.keys(dict).filter((key) => !columnKeys.includes(key))));
  }
  if (fields.length > 0) {
    if (identifier !== null) fields.unshift(identifier.toUpperCase());
    lines.push(`${fields.join('\t')}\n`);
  }
  for (const key of nested) writeValue(dict[key], key, null, lines);
}

/**
 * The sorted union of the scalar-valued keys of every element. The CLI reads each element's
 * items, so a list mixing dicts and other values fails the way Python does
 * (`'int' object has no attribute 'items'`, exit 255).
 */
function scalarKeysOfAllElements(items: readonly OutputValue[]): string[] {
  const keys = new Set<string>();
  for (const item of items) {
    if (!isOutputObject(item)) throw generalError(`'${pythonTypeName(item)}' object has no attribute 'items'`);
    for (const [key, value] of Object.entries(item)) if (isScalar(value)) keys.add(key);
  }
  return sortCodePoints(keys);
}
