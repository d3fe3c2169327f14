import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHttpDate, parseTimestampParam, tryParseTimestamp } from '../../../src/input/timestamp.js';
import { errorOf } from '../../support/errors.js';
import { GOLDEN_DIR, readGolden } from '../../support/golden.js';
import { goldenArgument, goldenMessage } from './support.js';

/** dateutil fills missing parts from the local date of "now". */
const NOW = new Date(2026, 10, 22, 12, 0);

const sent = (text: string) => {
  const date = tryParseTimestamp(text, NOW);
  return date === undefined ? undefined : formatHttpDate(date);
};

// Expected headers recorded from botocore 1.43 + dateutil 2.9 (parse_to_aware_datetime, then
// the rfc822 serializer) with the clock at 2026-11-22 12:00 local time.
describe('tryParseTimestamp', () => {
  it.each<[string, string]>([
    ['2020-01-01', 'Wed, 01 Jan 2020 00:00:00 GMT'],
    ['2020-01-01T10:20:30Z', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['2020-01-01T10:20:30+02:00', 'Wed, 01 Jan 2020 08:20:30 GMT'],
    ['2020-01-01T10:20:30-05:30', 'Wed, 01 Jan 2020 15:50:30 GMT'],
    ['2020-01-01 10:20:30.999999', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['Wed, 01 Jan 2020 10:20:30 GMT', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['Wed, 01 Jan 2020 10:20:30 +0200', 'Wed, 01 Jan 2020 08:20:30 GMT'],
    ['Jan 1 2020', 'Wed, 01 Jan 2020 00:00:00 GMT'],
    ['January 1, 2020 10:20 PM', 'Wed, 01 Jan 2020 22:20:00 GMT'],
    ['1 Jan 2020', 'Wed, 01 Jan 2020 00:00:00 GMT'],
    ['01/02/2020', 'Thu, 02 Jan 2020 00:00:00 GMT'],
    ['13/02/2020', 'Thu, 13 Feb 2020 00:00:00 GMT'],
    ['2020/01/02', 'Thu, 02 Jan 2020 00:00:00 GMT'],
    ['2020.01.02', 'Thu, 02 Jan 2020 00:00:00 GMT'],
    // Digits alone are epoch seconds before anything else.
    ['20200102', 'Sat, 22 Aug 1970 19:08:22 GMT'],
    ['20200102T102030', 'Thu, 02 Jan 2020 10:20:30 GMT'],
    ['20200102102030', 'Thu, 02 Jan 2020 10:20:30 GMT'],
    ['200102', 'Sat, 03 Jan 1970 07:35:02 GMT'],
    ['1577874030', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['1577874030.5', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['1577874030.9999996', 'Wed, 01 Jan 2020 10:20:31 GMT'],
    ['-1', 'Wed, 31 Dec 1969 23:59:59 GMT'],
    ['0', 'Thu, 01 Jan 1970 00:00:00 GMT'],
    ['1e9', 'Sun, 09 Sep 2001 01:46:40 GMT'],
    ['1_577_874_030', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    [' 1577874030 ', 'Wed, 01 Jan 2020 10:20:30 GMT'],
    ['٢٠٢٠-٠١-٠١', 'Wed, 01 Jan 2020 00:00:00 GMT'],
    ['10:20', 'Sun, 22 Nov 2026 10:20:00 GMT'],
    ['10:20:30', 'Sun, 22 Nov 2026 10:20:30 GMT'],
    ['5pm', 'Sun, 22 Nov 2026 17:00:00 GMT'],
    ['12am', 'Sun, 22 Nov 2026 00:00:00 GMT'],
    ['13am', 'Sun, 22 Nov 2026 13:00:00 GMT'],
    ['10h20m', 'Sun, 22 Nov 2026 10:20:00 GMT'],
    ['0.5h', 'Sun, 22 Nov 2026 00:30:00 GMT'],
    ['Wed', 'Wed, 25 Nov 2026 00:00:00 GMT'],
    ['Sun', 'Sun, 22 Nov 2026 00:00:00 GMT'],
    ['Jan 2020', 'Wed, 22 Jan 2020 00:00:00 GMT'],
    ['Feb 2021', 'Mon, 22 Feb 2021 00:00:00 GMT'],
    ['Jan of 99', 'Fri, 22 Jan 1999 00:00:00 GMT'],
    ['Jan of 26', 'Thu, 22 Jan 2026 00:00:00 GMT'],
    // "01,2020" lexes as the decimal 01.2020: day 1 of the current year.
    ['Jan 01,2020', 'Thu, 01 Jan 2026 00:00:00 GMT'],
    ['99-01-01', 'Fri, 01 Jan 1999 00:00:00 GMT'],
    ['76-01-01', 'Thu, 01 Jan 1976 00:00:00 GMT'],
    ['75-01-01', 'Tue, 01 Jan 2075 00:00:00 GMT'],
    ['0099-01-01', 'Thu, 01 Jan 0099 00:00:00 GMT'],
    // POSIX-style: the sign after a UTC name is inverted.
    ['10:00 GMT+3', 'Sun, 22 Nov 2026 13:00:00 GMT'],
    ['10:00 UTC-2', 'Sun, 22 Nov 2026 08:00:00 GMT'],
    ['10:00 EST', 'Sun, 22 Nov 2026 10:00:00 GMT'],
    ['10:00 +05 (XYZ)', 'Sun, 22 Nov 2026 05:00:00 GMT'],
    ['10:00 -0000', 'Sun, 22 Nov 2026 10:00:00 GMT'],
    ['Sep.20.2009', 'Sun, 20 Sep 2009 00:00:00 GMT'],
    ['21,5', 'Sat, 21 Nov 2026 00:00:00 GMT'],
    ['2020-02-29', 'Sat, 29 Feb 2020 00:00:00 GMT'],
  ])('%j is sent as %s', (text, header) => {
    expect(sent(text)).toBe(header);
  });

  it.each([
    '2019-02-29',
    '2020-13-01',
    '2020-01-32',
    '24:00',
    '10:60',
    'am',
    'nan',
    'not-a-date',
    '',
    ' ',
    'T',
    'Z',
    '2020-01-01 foo',
    '10:00 +2400',
    '253402300800',
  ])('%j is not a timestamp', (text) => {
    expect(sent(text)).toBeUndefined();
  });

  it.each<[string, string]>([
    ['inf', 'Unable to calculate correct timezone offset for "inf"'],
    ['-Infinity', 'Unable to calculate correct timezone offset for "-Infinity"'],
    ['1e20', 'Unable to calculate correct timezone offset for "1e20"'],
    ['99999999999:00', 'Unable to calculate correct timezone offset for "99999999999:00"'],
    ['9999-12-31T23:59:59-00:01', 'date value out of range'],
    ['0001-01-01T00:00:00+00:01', 'date value out of range'],
  ])('%j overflows in Python: the AWS CLI exits 255 with %s', (text, message) => {
    const error = errorOf(() => tryParseTimestamp(text, NOW));
    expect([error.message, error.exitCode]).toEqual([message, 255]);
  });
});

describe('formatHttpDate', () => {
  it.each<[Date, string]>([
    [new Date(Date.UTC(2020, 0, 1, 8, 20, 30, 999)), 'Wed, 01 Jan 2020 08:20:30 GMT'],
    [new Date(-500), 'Wed, 31 Dec 1969 23:59:59 GMT'],
    [new Date(new Date(0).setUTCFullYear(99, 0, 1)), 'Thu, 01 Jan 0099 00:00:00 GMT'],
  ])('%o -> %s', (date, expected) => {
    expect(formatHttpDate(date)).toBe(expected);
  });
});

describe('goldens', () => {
  const recorded = readdirSync(GOLDEN_DIR)
    .filter((file) => /^ts_.*\.err$/.test(file) && file !== 'ts_not_a_date_.err')
    .map((file) => file.replace(/\.err$/, ''));

  it('covers every recorded valid timestamp', () => {
    expect(recorded).toHaveLength(7);
  });

  it.each(recorded)('%s: the x-amz-copy-source-if-modified-since header sent', (name) => {
    const text = goldenArgument(name, '--copy-source-if-modified-since');
    const header = /'x-amz-copy-source-if-modified-since': '([^']*)'/.exec(readGolden(name).stderr)![1];
    expect(formatHttpDate(parseTimestampParam('CopySourceIfModifiedSince', text))).toBe(header);
  });

  it.each(['err_timestamp_invalid', 'head_err_timestamp_invalid', 'ts_not_a_date_'])('%s', (name) => {
    const error = errorOf(() => parseTimestampParam('CopySourceIfModifiedSince', 'not-a-date'));
    // ts_not_a_date_ is a --debug log: the message is its last two lines.
    expect(goldenMessage(name).split('\n').slice(-2).join('\n')).toBe(error.message);
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });
});
