/**
 * A date/time text reader that accepts and rejects what python-dateutil's `parser.parse()`
 * (2.9, default options, `tzinfos={'GMT': UTC}`) does and reads it the same way, because
 * botocore hands timestamp parameters to it: ISO 8601 (`2020-01-01T10:20:30+02:00`),
 * RFC 1123 (`Wed, 01 Jan 2020 10:20:30 GMT`), `Jan 1 2020`, `01/02/2020` (month first),
 * `10:20`, `20200101T102030`, `5pm`, two-digit years, missing parts from today's date, ...
 *
 * It splits the text into letter runs, digit runs and single other characters, then reads
 * the tokens left to right with dateutil's heuristics, rejecting what dateutil raises on
 * (unknown words, impossible dates).
 */

import { isDecimalDigit, isPythonSpace, toAsciiDigits } from './chars.js';
import { tryParsePythonInt } from './int.js';

export interface DateutilResult {
  /** The date and wall-clock time read as if in UTC, in milliseconds (microseconds dropped). */
  readonly wallClockMs: number;
  /** Seconds east of UTC; `undefined` when naive (no zone, or a zone name dateutil does not know). */
  readonly offsetSeconds?: number;
}

/**
 * `invalid`: dateutil raises ValueError. `overflow`: it raises OverflowError (a number too
 * big for C's int, a date pushed past year 9999), which botocore does not treat as a bad value.
 */
export type DateutilOutcome = DateutilResult | 'invalid' | 'overflow';

export function parseLikeDateutil(text: string, now: Date): DateutilOutcome {
  try {
    return new DateutilReader(splitIntoTokens(text), now).read();
  } catch (error) {
    if (error instanceof Unparseable) return 'invalid';
    if (error instanceof Overflow) return 'overflow';
    throw error;
  }
}

class Unparseable extends Error {}
class Overflow extends Error {}

function reject(): never {
  throw new Unparseable();
}

/** datetime.replace() takes C ints; Python's timedelta at most 999999999 days. */
const C_INT_MAX = 2 ** 31 - 1;
const TIMEDELTA_MAX_SECONDS = 1e9 * 86_400;

const isWordChar = (char: string) => /^\p{L}$/u.test(char);

/**
 * dateutil's lexer. A dot or comma continues a run (`4:30:21.447`, `Sep.20.2009`); such a
 * token is split at its dots and commas afterwards when it mixes letters, has several dots or
 * ends with one, and a lone decimal comma becomes a point (`21,5` -> `21.5`).
 */
function splitIntoTokens(text: string): string[] {
  const chars = [...toAsciiDigits(text)].filter((char) => char !== '\0');
  const tokens: string[] = [];
  let position = 0;
  while (position < chars.length) {
    const first = chars[position++];
    if (isPythonSpace(first)) {
      tokens.push(' ');
      continue;
    }
    if (!isWordChar(first) && !isDecimalDigit(first)) {
      tokens.push(first);
      continue;
    }
    let token = first;
    let state: 'word' | 'number' | 'wordWithDot' | 'numberWithDot' = isWordChar(first) ? 'word' : 'number';
    // dateutil notes letters only when it reads on after a letter, not for the first one.
    let seenLetters = false;
    for (; position < chars.length; position++) {
      const next = chars[position];
      if (state === 'word') {
        seenLetters = true;
        if (isWordChar(next)) token += next;
        else if (next === '.') [token, state] = [token + next, 'wordWithDot'];
        else break;
      } else if (state === 'number') {
        if (isDecimalDigit(next)) token += next;
        else if (next === '.' || (next === ',' && token.length >= 2)) [token, state] = [token + next, 'numberWithDot'];
        else break;
      } else if (state === 'wordWithDot') {
        seenLetters = true;
        if (next === '.' || isWordChar(next)) token += next;
        else if (isDecimalDigit(next) && token.endsWith('.')) [token, state] = [token + next, 'numberWithDot'];
        else break;
      } else {
        if (next === '.' || isDecimalDigit(next)) token += next;
        else if (isWordChar(next) && token.endsWith('.')) [token, state] = [token + next, 'wordWithDot'];
        else break;
      }
    }
    const dotted = state === 'wordWithDot' || state === 'numberWithDot';
    if (dotted && (seenLetters || token.split('.').length > 2 || /[.,]$/.test(token))) {
      tokens.push(...token.split(/([.,])/).filter((piece) => piece !== ''));
    } else if (state === 'numberWithDot' && !token.includes('.')) {
      tokens.push(token.replaceAll(',', '.'));
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

/** Tokens that may stand between the parts of a date without meaning anything. */
const JUMP_WORDS = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);

/** Names by position: each group lists the spellings of one weekday, month, unit or half-day. */
function nameTable(groups: readonly string[], first = 0): ReadonlyMap<string, number> {
  return new Map(groups.flatMap((group, index) => group.split(' ').map((name) => [name, index + first] as const)));
}

const WEEKDAY = nameTable(['mon monday', 'tue tuesday', 'wed wednesday', 'thu thursday', 'fri friday', 'sat saturday', 'sun sunday']);
const MONTH = nameTable(
  [
    'jan january',
    'feb february',
    'mar march',
    'apr april',
    'may',
    'jun june',
    'jul july',
    'aug august',
    'sep sept september',
    'oct october',
    'nov november',
    'dec december',
  ],
  1,
);
const HMS_UNIT = nameTable(['h hour hours', 'm minute minutes', 's second seconds']);
const AM_PM = nameTable(['am a', 'pm p']);

const lookup = (table: ReadonlyMap<string, number>, token: string | undefined) =>
  token === undefined ? undefined : table.get(token.toLowerCase());
const isJump = (token: string | undefined) => token !== undefined && JUMP_WORDS.has(token.toLowerCase());
const isUtcZone = (name: string) => ['utc', 'gmt', 'z'].includes(name.toLowerCase());
const isAllDigits = (token: string | undefined) => token !== undefined && /^\d+$/.test(token);

/** A numeric token as Python's Decimal sees it: exact, so `10.35` has 35/100 of a unit. */
interface Decimal {
  readonly whole: number;
  readonly fraction: string;
}

const NUMERIC_TOKEN = /^(\d+)(?:\.(\d*))?$/;

/** Whether Python's float() accepts the token: digits, or the words nan/inf/infinity. */
function isNumericToken(token: string): boolean {
  return NUMERIC_TOKEN.test(token) || /^(?:nan|inf|infinity)$/i.test(token);
}

/** dateutil's Decimal(token), which refuses NaN and infinity. */
function toDecimal(token: string | undefined): Decimal {
  const match = token === undefined ? null : NUMERIC_TOKEN.exec(token);
  if (!match) reject();
  return { whole: Number(match[1]), fraction: match[2] ?? '' };
}

const hasFraction = (value: Decimal) => /[1-9]/.test(value.fraction);
const isGreaterThan = (value: Decimal, limit: number) =>
  value.whole > limit || (value.whole === limit && hasFraction(value));
const isWithin = (value: Decimal, low: number, high: number) => value.whole >= low && !isGreaterThan(value, high);

/** `int(60 * (value % 1))`, exactly. */
function sixtieths(value: Decimal): number {
  if (value.fraction === '') return 0;
  return Number((60n * BigInt(value.fraction)) / 10n ** BigInt(value.fraction.length));
}

/** Python's int() of a token or part of one (`'10'`, `'1020'[2:]`). */
function toInt(text: string | undefined): number {
  const value = text === undefined ? undefined : tryParsePythonInt(text);
  return value ?? reject();
}

/** `I[.F]` seconds -> seconds and microseconds, the fraction truncated to six digits. */
function secondsAndMicros(text: string | undefined): [number, number] {
  if (text === undefined) reject();
  const parts = text.split('.');
  if (parts.length === 1) return [toInt(text), 0];
  if (parts.length !== 2) reject();
  return [toInt(parts[0]), toInt(parts[1].padEnd(6, '0').slice(0, 6))];
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function monthLength(year: number, month: number): number {
  if (month < 1 || month > 12) reject();
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

type YmdLabel = 'year' | 'month' | 'day';

/** The up to three date numbers seen so far, some known to be the year, month or day. */
class DateNumbers {
  readonly values: number[] = [];
  readonly labels = new Map<YmdLabel, number>();
  centurySpecified = false;

  /** A digit string longer than two, or a number above 100, can only be a year. */
  append(value: string | Decimal, label?: YmdLabel): void {
    const yearLike = typeof value === 'string' ? isAllDigits(value) && value.length > 2 : isGreaterThan(value, 100);
    if (yearLike) {
      if (label !== undefined && label !== 'year') reject();
      this.centurySpecified = true;
      label = 'year';
    }
    this.values.push(typeof value === 'string' ? toInt(value) : value.whole);
    if (label === undefined) return;
    if (this.labels.has(label)) reject();
    this.labels.set(label, this.values.length - 1);
  }

  couldBeDay(value: Decimal): boolean {
    if (this.labels.has('day')) return false;
    const monthIndex = this.labels.get('month');
    if (monthIndex === undefined) return isWithin(value, 1, 31);
    const yearIndex = this.labels.get('year');
    const year = yearIndex === undefined ? 2000 : this.values[yearIndex];
    return isWithin(value, 1, monthLength(year, this.values[monthIndex]));
  }

  /** dateutil's resolve_ymd without dayfirst/yearfirst: month before day unless impossible. */
  resolve(): Partial<Record<YmdLabel, number>> {
    const values = this.values;
    const count = values.length;
    if ((count > 0 && count === this.labels.size) || (count === 3 && this.labels.size === 2)) {
      const resolved: Partial<Record<YmdLabel, number>> = {};
      for (const [label, index] of this.labels) resolved[label] = values[index];
      if (count === 3 && this.labels.size === 2) {
        const taken = [...this.labels.values()];
        const missingLabel = (['year', 'month', 'day'] as const).find((label) => !this.labels.has(label))!;
        resolved[missingLabel] = values[[0, 1, 2].find((index) => !taken.includes(index))!];
      }
      return resolved;
    }
    const monthIndex = this.labels.get('month');
    if (count > 3) reject();
    if (count === 1 || (monthIndex !== undefined && count === 2)) {
      const other = monthIndex === undefined ? values[0] : values[monthIndex === 0 ? count - 1 : monthIndex - 1];
      const resolved: Partial<Record<YmdLabel, number>> = {};
      if (monthIndex !== undefined) resolved.month = values[monthIndex];
      if (count > 1 || monthIndex === undefined) resolved[other > 31 ? 'year' : 'day'] = other;
      return resolved;
    }
    if (count === 2) {
      const [first, second] = values;
      if (first > 31) return { year: first, month: second };
      if (second > 31) return { month: first, year: second };
      return { month: first, day: second };
    }
    if (count === 3) {
      const [first, second] = values;
      const inOrder = (order: readonly YmdLabel[]) =>
        Object.fromEntries(order.map((label, index) => [label, values[index]])) as Record<YmdLabel, number>;
      if (monthIndex === 0) return second > 31 ? inOrder(['month', 'year', 'day']) : inOrder(['month', 'day', 'year']);
      if (monthIndex === 1) return first > 31 ? inOrder(['year', 'month', 'day']) : inOrder(['day', 'month', 'year']);
      if (monthIndex === 2) return second > 31 ? inOrder(['day', 'year', 'month']) : inOrder(['year', 'day', 'month']);
      if (first > 31 || this.labels.get('year') === 0) return inOrder(['year', 'month', 'day']);
      if (first > 12) return inOrder(['day', 'month', 'year']);
      return inOrder(['month', 'day', 'year']);
    }
    return {};
  }
}

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
  tzname?: string;
  tzoffset?: number;
  ampm?: number;
}

class DateutilReader {
  private readonly numbers = new DateNumbers();
  private readonly fields: Fields = {};

  constructor(
    private readonly tokens: string[],
    private readonly now: Date,
  ) {}

  read(): DateutilResult {
    const { tokens, fields } = this;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (isNumericToken(token)) index = this.readNumber(index);
      else if (lookup(WEEKDAY, token) !== undefined) fields.weekday = lookup(WEEKDAY, token);
      else if (lookup(MONTH, token) !== undefined) index = this.readMonth(index);
      else if (lookup(AM_PM, token) !== undefined) this.applyAmPm(lookup(AM_PM, token)!);
      else if (this.couldBeZoneName(token)) this.readZoneName(index);
      else if (fields.hour !== undefined && (token === '+' || token === '-')) index = this.readZoneOffset(index);
      else if (!isJump(token)) reject();
    }
    Object.assign(fields, this.numbers.resolve());
    if (Object.values(fields).every((value) => value === undefined)) reject();
    return this.build();
  }

  /** `Jan-01[-2003]`, `Jan 1`, `Jan of 01`. */
  private readMonth(index: number): number {
    const { tokens } = this;
    this.numbers.append({ whole: lookup(MONTH, tokens[index])!, fraction: '' }, 'month');
    if (index + 1 >= tokens.length) return index;
    const separator = tokens[index + 1];
    if (separator === '-' || separator === '/') {
      this.numbers.append(tokens[index + 2] ?? reject());
      if (tokens[index + 3] === separator) {
        this.numbers.append(tokens[index + 4] ?? reject());
        return index + 4;
      }
      return index + 2;
    }
    if (index + 4 < tokens.length && separator === ' ' && tokens[index + 3] === ' ' && tokens[index + 2].toLowerCase() === 'of') {
      if (isAllDigits(tokens[index + 4])) {
        this.numbers.append(String(this.fullYear(toInt(tokens[index + 4]), false)), 'year');
      }
      return index + 4;
    }
    return index;
  }

  private applyAmPm(ampm: number): void {
    const { hour } = this.fields;
    if (hour === undefined || hour < 0 || hour > 12) reject();
    this.fields.hour = adjustForAmPm(hour, ampm);
    this.fields.ampm = ampm;
  }

  /** Up to five capitals (or UTC/GMT/Z/z) after a time of day, before any other zone. */
  private couldBeZoneName(token: string, ignoreOffset = false): boolean {
    const { hour, tzname, tzoffset } = this.fields;
    if (hour === undefined || tzname !== undefined || (tzoffset !== undefined && !ignoreOffset)) return false;
    return [...token].length <= 5 && (/^[A-Z]+$/.test(token) || ['UTC', 'GMT', 'Z', 'z'].includes(token));
  }

  /**
   * A zone name. `UTC+3` / `GMT-2` follow the POSIX convention dateutil implements: the sign
   * after the name is inverted and the name itself dropped.
   */
  private readZoneName(index: number): void {
    const { tokens, fields } = this;
    const name = tokens[index];
    fields.tzname = name;
    // dateutil's tzoffset() compares the name with its lower-cased UTC names: only `z` matches.
    fields.tzoffset = name === 'z' ? 0 : undefined;
    const sign = tokens[index + 1];
    if (sign === '+' || sign === '-') {
      tokens[index + 1] = sign === '+' ? '-' : '+';
      fields.tzoffset = undefined;
      if (isUtcZone(name)) fields.tzname = undefined;
    }
  }

  /** `+HHMM`, `+HH:MM`, `+HH`, optionally followed by ` (NAME)`. */
  private readZoneOffset(index: number): number {
    const { tokens, fields } = this;
    const sign = tokens[index] === '+' ? 1 : -1;
    const digits = tokens[index + 1] ?? reject();
    let hours: number;
    let minutes = 0;
    if (digits.length === 4) {
      [hours, minutes] = [toInt(digits.slice(0, 2)), toInt(digits.slice(2))];
    } else if (index + 2 < tokens.length && tokens[index + 2] === ':') {
      [hours, minutes] = [toInt(digits), toInt(tokens[index + 3])];
      index += 2;
    } else if (digits.length <= 2) {
      hours = toInt(digits.slice(0, 2));
    } else {
      reject();
    }
    fields.tzoffset = sign * (hours * 3600 + minutes * 60);
    const name = tokens[index + 4];
    if (
      index + 5 < tokens.length &&
      isJump(tokens[index + 2]) &&
      tokens[index + 3] === '(' &&
      tokens[index + 5] === ')' &&
      [...name].length >= 3 &&
      this.couldBeZoneName(name, true)
    ) {
      fields.tzname = name;
      index += 4;
    }
    return index + 1;
  }

  /** dateutil's _parse_numeric_token: returns the index of the last token it used. */
  private readNumber(index: number): number {
    const { tokens, fields, numbers } = this;
    const token = tokens[index];
    const value = toDecimal(token);
    const length = token.length;
    const next = tokens[index + 1];
    if (
      numbers.values.length === 3 &&
      (length === 2 || length === 4) &&
      fields.hour === undefined &&
      (next === undefined || (next !== ':' && lookup(HMS_UNIT, next) === undefined))
    ) {
      // 19990101T23[59]
      fields.hour = toInt(token.slice(0, 2));
      if (length === 4) fields.minute = toInt(token.slice(2));
      return index;
    }
    if (length === 6 || (length > 6 && token.indexOf('.') === 6)) {
      // YYMMDD or HHMMSS[.ss]
      if (numbers.values.length === 0 && !token.includes('.')) {
        numbers.append(token.slice(0, 2));
        numbers.append(token.slice(2, 4));
        numbers.append(token.slice(4));
      } else {
        fields.hour = toInt(token.slice(0, 2));
        fields.minute = toInt(token.slice(2, 4));
        [fields.second, fields.microsecond] = secondsAndMicros(token.slice(4));
      }
      return index;
    }
    if (length === 8 || length === 12 || length === 14) {
      // YYYYMMDD[HHMM[SS]]
      numbers.append(token.slice(0, 4), 'year');
      numbers.append(token.slice(4, 6));
      numbers.append(token.slice(6, 8));
      if (length > 8) {
        fields.hour = toInt(token.slice(8, 10));
        fields.minute = toInt(token.slice(10, 12));
        if (length > 12) fields.second = toInt(token.slice(12));
      }
      return index;
    }
    const unitIndex = this.findUnitIndex(index);
    if (unitIndex !== undefined) {
      // 10h, 10 h, h10: a unit before the number means the next smaller one.
      const unit = lookup(HMS_UNIT, tokens[unitIndex])! + (unitIndex > index ? 0 : 1);
      this.assignUnit(token, value, unit);
      return Math.max(index, unitIndex);
    }
    if (index + 2 < tokens.length && next === ':') {
      // HH:MM[:SS[.ss]]
      fields.hour = value.whole;
      [fields.minute, fields.second] = minutesAndSeconds(toDecimal(tokens[index + 2]));
      if (index + 4 < tokens.length && tokens[index + 3] === ':') {
        [fields.second, fields.microsecond] = secondsAndMicros(tokens[index + 4]);
        return index + 4;
      }
      return index + 2;
    }
    if (index + 1 < tokens.length && (next === '-' || next === '/' || next === '.')) {
      return this.readSeparatedDate(index);
    }
    if (index + 1 >= tokens.length || isJump(next)) {
      const ampm = lookup(AM_PM, tokens[index + 2]);
      if (index + 2 < tokens.length && ampm !== undefined) {
        fields.hour = adjustForAmPm(value.whole, ampm);
        return index + 2;
      }
      numbers.append(value);
      return index + 1;
    }
    const ampm = lookup(AM_PM, next);
    if (ampm !== undefined && value.whole < 24) {
      fields.hour = adjustForAmPm(value.whole, ampm);
      return index + 1;
    }
    if (numbers.couldBeDay(value)) {
      numbers.append(value);
      return index;
    }
    reject();
  }

  /** `01-02-2003`, `2003/Jan/01`, `01.Jan`: up to three parts with the same separator. */
  private readSeparatedDate(index: number): number {
    const { tokens, numbers } = this;
    const separator = tokens[index + 1];
    numbers.append(tokens[index]);
    if (index + 2 >= tokens.length || isJump(tokens[index + 2])) return index + 1;
    const second = tokens[index + 2];
    if (isAllDigits(second)) numbers.append(second);
    else numbers.append({ whole: lookup(MONTH, second) ?? reject(), fraction: '' }, 'month');
    if (index + 3 < tokens.length && tokens[index + 3] === separator) {
      const third = tokens[index + 4] ?? reject();
      const month = lookup(MONTH, third);
      if (month !== undefined) numbers.append({ whole: month, fraction: '' }, 'month');
      else numbers.append(third);
      return index + 4;
    }
    return index + 2;
  }

  /** Where an h/m/s unit word sits for the number at `index`: after it (maybe past a space) or before. */
  private findUnitIndex(index: number): number | undefined {
    const { tokens } = this;
    const isUnit = (position: number) => lookup(HMS_UNIT, tokens[position]) !== undefined;
    if (index + 1 < tokens.length && isUnit(index + 1)) return index + 1;
    if (index + 2 < tokens.length && tokens[index + 1] === ' ' && isUnit(index + 2)) return index + 2;
    if (index > 0 && isUnit(index - 1)) return index - 1;
    if (index > 1 && index === tokens.length - 1 && tokens[index - 1] === ' ' && isUnit(index - 2)) return index - 2;
    return undefined;
  }

  private assignUnit(token: string, value: Decimal, unit: number): void {
    const { fields } = this;
    if (unit === 0) {
      fields.hour = value.whole;
      if (hasFraction(value)) fields.minute = sixtieths(value);
    } else if (unit === 1) {
      [fields.minute, fields.second] = minutesAndSeconds(value);
    } else if (unit === 2) {
      [fields.second, fields.microsecond] = secondsAndMicros(token);
    }
  }

  /** dateutil's convertyear: two-digit years land within 50 years of the current one. */
  private fullYear(year: number, centurySpecified: boolean): number {
    if (year >= 100 || centurySpecified) return year;
    const currentYear = this.now.getFullYear();
    let full = year + Math.floor(currentYear / 100) * 100;
    if (full >= currentYear + 50) full -= 100;
    else if (full < currentYear - 50) full += 100;
    return full;
  }

  /** Missing parts come from today's local date at midnight, as dateutil's default. */
  private build(): DateutilResult {
    const { fields, now } = this;
    if (fields.year !== undefined) fields.year = this.fullYear(fields.year, this.numbers.centurySpecified);
    const year = fields.year ?? now.getFullYear();
    const month = fields.month ?? now.getMonth() + 1;
    const day = fields.day ?? Math.min(now.getDate(), monthLength(year, month));
    const { hour = 0, minute = 0, second = 0, microsecond = 0 } = fields;
    if ([year, month, day, hour, minute, second].some((value) => value > C_INT_MAX)) throw new Overflow();
    const valid =
      year >= 1 &&
      year <= 9999 &&
      day >= 1 &&
      day <= monthLength(year, month) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      microsecond <= 999_999;
    if (!valid) reject();
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, Math.floor(microsecond / 1000));
    if (fields.weekday !== undefined && !fields.day) {
      // relativedelta(weekday=...): the next such weekday, today included.
      const pythonWeekday = (date.getUTCDay() + 6) % 7;
      date.setUTCDate(date.getUTCDate() + ((fields.weekday - pythonWeekday + 7) % 7));
      if (date.getUTCFullYear() > 9999) throw new Overflow();
    }
    const offsetSeconds = this.offset();
    if (offsetSeconds !== undefined && Math.abs(offsetSeconds) >= TIMEDELTA_MAX_SECONDS) throw new Overflow();
    return { wallClockMs: date.getTime(), offsetSeconds };
  }

  /** The zone as dateutil attaches it, GMT forced to UTC as botocore asks. */
  private offset(): number | undefined {
    const { tzname, tzoffset } = this.fields;
    if (tzname === 'GMT' || tzname === 'UTC' || tzname === 'Z' || tzname === 'z') return 0;
    if (tzname !== undefined && tzoffset === undefined) return undefined;
    return tzoffset;
  }
}

function adjustForAmPm(hour: number, ampm: number): number {
  if (hour < 12 && ampm === 1) return hour + 12;
  if (hour === 12 && ampm === 0) return 0;
  return hour;
}

/** `20.5` minutes -> 20 minutes 30 seconds; no seconds for a whole number. */
function minutesAndSeconds(value: Decimal): [number, number | undefined] {
  return [value.whole, hasFraction(value) ? sixtieths(value) : undefined];
}
