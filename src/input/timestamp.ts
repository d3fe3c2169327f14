/**
 * Timestamp parameters (`--copy-source-if-modified-since`, `--expires`, ...). botocore reads
 * them with parse_to_aware_datetime: epoch seconds first (Python's `float()`), then
 * dateutil; no zone means UTC. They are sent as RFC 1123 dates, seconds truncated.
 */

import { generalError, validationError } from '../errors/errors.js';
import { parseLikeDateutil } from '../python/dateutil.js';
import { toAsciiNumeral } from '../python/chars.js';

const FLOAT_LITERAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const NON_FINITE_LITERAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** Python's `float(text)`, or `undefined` where it raises ValueError. */
function parsePythonFloat(text: string): number | undefined {
  const numeral = toAsciiNumeral(text);
  if (numeral === undefined) return undefined;
  if (NON_FINITE_LITERAL.test(numeral)) {
    const sign = numeral.startsWith('-') ? -1 : 1;
    return /nan/i.test(numeral) ? NaN : sign * Infinity;
  }
  return FLOAT_LITERAL.test(numeral) ? Number(numeral.replaceAll('_', '')) : undefined;
}

/** datetime's range, 0001-01-01 to 9999-12-31 (Date.UTC would map years below 100 to 19xx). */
const FIRST_DATETIME_MS = new Date(0).setUTCFullYear(1, 0, 1);
const LAST_DATETIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isDatetimeRange(milliseconds: number): boolean {
  return milliseconds >= FIRST_DATETIME_MS && milliseconds <= LAST_DATETIME_MS;
}

/** C's round(): halves away from zero. */
function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * datetime.fromtimestamp(seconds): the fraction rounded half-even to microseconds, then
 * milliseconds kept (sub-millisecond precision only ever matters for the rounding).
 */
function fromEpochSeconds(seconds: number): number {
  let whole = Math.trunc(seconds);
  const scaled = (seconds - whole) * 1e6;
  let micros = roundHalfAwayFromZero(scaled);
  if (Math.abs(scaled - micros) === 0.5) micros = 2 * roundHalfAwayFromZero(scaled / 2);
  if (micros >= 1e6) [whole, micros] = [whole + 1, micros - 1e6];
  else if (micros < 0) [whole, micros] = [whole - 1, micros + 1e6];
  return whole * 1000 + Math.floor(micros / 1000);
}

/** The proleptic Gregorian year of a day count since 1970-01-01. */
function yearOfEpochDay(epochDay: number): number {
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (marchBasedMonth >= 10 ? 1 : 0);
}

/**
 * Whether datetime.fromtimestamp() raises OverflowError/OSError rather than ValueError:
 * infinity, or a year C's `struct tm` cannot hold (glibc's localtime fails).
 */
function overflowsLocaltime(seconds: number): boolean {
  if (!Number.isFinite(seconds)) return true;
  const tmYear = yearOfEpochDay(Math.floor(seconds / 86_400)) - 1900;
  return tmYear > 2 ** 31 - 1 || tmYear < -(2 ** 31);
}

/**
 * The instant a timestamp parameter names, or `undefined` where botocore's validator finds
 * no datetime. `now` supplies what dateutil takes from the clock: the date for missing parts
 * and the century for two-digit years (both local time).
 *
 * Where Python overflows instead (`inf`, `1e20`, a zone pushing 9999-12-31 into year 10000)
 * the AWS CLI crashes out of validation with exit 255, and so does this.
 */
export function tryParseTimestamp(text: string, now: Date = new Date()): Date | undefined {
  const seconds = parsePythonFloat(text);
  // NaN and dates out of datetime's range make fromtimestamp raise ValueError: then the text
  // goes to dateutil. After an OverflowError botocore retries only as epoch seconds, which
  // overflow again: it gives up with a RuntimeError.
  const overflowed = seconds !== undefined && !Number.isNaN(seconds) && overflowsLocaltime(seconds);
  if (seconds !== undefined && !Number.isNaN(seconds) && !overflowed) {
    const milliseconds = fromEpochSeconds(seconds);
    if (isDatetimeRange(milliseconds)) return new Date(milliseconds);
  }
  const parsed = overflowed ? 'overflow' : parseLikeDateutil(text, now);
  if (parsed === 'overflow') throw generalError(`Unable to calculate correct timezone offset for "${text}"`);
  if (parsed === 'invalid') return undefined;
  const offsetSeconds = parsed.offsetSeconds ?? 0;
  // Python's datetime refuses zones of a day or more when converting to UTC.
  if (Math.abs(offsetSeconds) >= 86_400) return undefined;
  const milliseconds = parsed.wallClockMs - offsetSeconds * 1000;
  if (!isDatetimeRange(milliseconds)) throw generalError('date value out of range');
  return new Date(milliseconds);
}

/**
 * The instant for a timestamp member, or botocore's validation error:
 * `Invalid type for parameter CopySourceIfModifiedSince, value: not-a-date, …` (252).
 */
export function parseTimestampParam(member: string, text: string, now: Date = new Date()): Date {
  const date = tryParseTimestamp(text, now);
  if (date === undefined) {
    throw validationError([
      `Invalid type for parameter ${member}, value: ${text}, type: <class 'str'>, ` +
        "valid types: <class 'datetime.datetime'>, timestamp-string",
    ]);
  }
  return date;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Wed, 01 Jan 2020 08:20:30 GMT` (email.utils.formatdate(usegmt=True)), seconds truncated. */
export function formatHttpDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${DAY_NAMES[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTH_NAMES[date.getUTCMonth()]} ` +
    `${pad(date.getUTCFullYear(), 4)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
    `${pad(date.getUTCSeconds())} GMT`
  );
}
