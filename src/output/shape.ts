/**
 * Rebuilds the dict the AWS CLI prints from an SDK response: keys in the CLI's order (header
 * members, then body members, model order inside structures), `$metadata` and absent members
 * dropped, timestamps as Python's datetime.isoformat() prints them.
 */
import { NESTED_OUTPUT_ORDER } from '../spec/output-shapes.js';
import { outputOrder, type OutputSpec } from '../spec/types.js';
import type { OutputObject, OutputValue } from '../python/value.js';

/**
 * `2026-11-22T01:20:53+00:00`; a fraction only when non-zero, then always six digits
 * (`.123000`), because isoformat() prints microseconds only when there are some.
 */
export function isoTimestamp(date: Date): string {
  const base = date.toISOString().slice(0, 19);
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}000`;
  return `${base}${fraction}+00:00`;
}

export type TimestampStyle = 'iso8601' | 'wire';

function shapeValue(name: string, value: unknown, formatTimestamp: (date: Date) => string): OutputValue {
  if (value instanceof Date) return formatTimestamp(value);
  if (Array.isArray(value)) return value.map((item) => shapeValue(name, item, formatTimestamp));
  if (value !== null && typeof value === 'object') {
    return orderMembers(value as Record<string, unknown>, NESTED_OUTPUT_ORDER[name], formatTimestamp);
  }
  return value as OutputValue;
}

function orderMembers(
  source: Record<string, unknown>,
  order: readonly string[] | undefined,
  formatTimestamp: (date: Date) => string,
): OutputObject {
  const names = order ?? Object.keys(source);
  const result: OutputObject = {};
  for (const name of names) {
    const value = source[name];
    if (value === undefined) continue;
    result[name] = shapeValue(name, value, formatTimestamp);
  }
  return result;
}

export function shapeResponse(
  response: Record<string, unknown>,
  output: OutputSpec,
  formatTimestamp: (date: Date) => string = isoTimestamp,
): OutputObject {
  const shaped = orderMembers(response, outputOrder(output), formatTimestamp);
  for (const member of output.integers ?? []) {
    const value = shaped[member];
    if (typeof value === 'string' && /^-?\d+$/.test(value)) shaped[member] = Number(value);
  }
  return shaped;
}
