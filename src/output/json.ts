/**
 * `--output json`: Python's `json.dump(value, indent=4, ensure_ascii=False)` plus a newline.
 */
import { floatValue, formatPythonFloat, formatPythonInt, isEmptyDict, isPythonFloat } from '../python/values.js';
import type { OutputValue } from '../python/value.js';

const INDENT = '    ';

/** `{}` prints nothing at all: the AWS CLI skips an empty response (abort-multipart-upload). */
export function formatJson(value: OutputValue): string {
  if (isEmptyDict(value)) return '';
  return `${encode(value, '')}\n`;
}

function encode(value: OutputValue, indent: string): string {
  if (value === null || typeof value === 'boolean') return String(value);
  // JSON.stringify escapes exactly what json.dumps escapes with ensure_ascii=False:
  // `"`, `\`, \b \f \n \r \t and the other C0 controls as lowercase \u00XX.
  if (typeof value === 'string') return JSON.stringify(value);
  if (isPythonFloat(value)) return encodeFloat(floatValue(value));
  if (typeof value === 'number') return formatPythonInt(value);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => inner + encode(item, inner));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const members = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${encode(item, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** json.dumps writes float('inf') and float('nan') as the JavaScript literals. */
function encodeFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return formatPythonFloat(value);
}
