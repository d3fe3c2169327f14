/**
 * Timestamp parameters given as epoch seconds, and where Python gives up on them. Expected
 * values from the newest AWS CLI's botocore (`parse_to_aware_datetime`, then the rfc822 header
 * serializer `formatdate(timegm(...), usegmt=True)`): the header sent; `undefined` where it
 * raises ValueError (botocore's validator reports an invalid type); otherwise the message the
 * AWS CLI exits 255 with. Python's float() reads the text; datetime.fromtimestamp rounds the
 * fraction half-even to microseconds; glibc's localtime fails past a year C's int can hold.
 */
import { describe, expect, it } from 'vitest';
import { formatHttpDate, tryParseTimestamp } from '../../../src/input/timestamp.js';
import { errorOf } from '../../support/errors.js';

/** Never used by epoch seconds; dateutil would take the date of missing parts from it. */
const NOW = new Date(2026, 10, 22, 12, 0);

describe('epoch seconds', () => {
  it.each<[string, string]>([
    ["0.0000005", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["0.0000015", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["0.0000025", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["-0.0000005", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["-0.0000015", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["0.9999995", "Thu, 01 Jan 1970 00:00:01 GMT"],
    ["0.9999994", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["-0.9999995", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["-0.9999994", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["-0.5", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["-1.5", "Wed, 31 Dec 1969 23:59:58 GMT"],
    ["1.9999999", "Thu, 01 Jan 1970 00:00:02 GMT"],
    ["-1e-7", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["1e-7", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["0.0005", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["0.0015", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["-0.0015", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["1577874030.0004995", "Wed, 01 Jan 2020 10:20:30 GMT"],
    ["1577874030.0005", "Wed, 01 Jan 2020 10:20:30 GMT"],
    ["-0.001", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["-0.0009995", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["-1.0000005", "Wed, 31 Dec 1969 23:59:58 GMT"],
    ["-62135596800", "Mon, 01 Jan 0001 00:00:00 GMT"],
    ["-62135596799.9999", "Mon, 01 Jan 0001 00:00:00 GMT"],
    ["253402300799", "Fri, 31 Dec 9999 23:59:59 GMT"],
    ["253402300799.9999", "Fri, 31 Dec 9999 23:59:59 GMT"],
    ["+5", "Thu, 01 Jan 1970 00:00:05 GMT"],
    ["+5.5", "Thu, 01 Jan 1970 00:00:05 GMT"],
    ["5.", "Thu, 01 Jan 1970 00:00:05 GMT"],
    ["-.5", "Wed, 31 Dec 1969 23:59:59 GMT"],
    [".5", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["1_0", "Thu, 01 Jan 1970 00:00:10 GMT"],
    ["1e1_0", "Sat, 20 Nov 2286 17:46:40 GMT"],
    ["1.5e3", "Thu, 01 Jan 1970 00:25:00 GMT"],
    ["1E3", "Thu, 01 Jan 1970 00:16:40 GMT"],
    [" 12 ", "Thu, 01 Jan 1970 00:00:12 GMT"],
    ["\u00a012", "Thu, 01 Jan 1970 00:00:12 GMT"],
    ["\u0661\u0662", "Thu, 01 Jan 1970 00:00:12 GMT"],
    ["\uff11\uff12", "Thu, 01 Jan 1970 00:00:12 GMT"],
  ])('%j is sent as %s', (text, header) => {
    const date = tryParseTimestamp(text, NOW);
    expect(date && formatHttpDate(date)).toBe(header);
  });

  it.each([
    "253402300800",
    "1e15",
    "-1e15",
    "1e16",
    "1__0",
    "_1",
    "1_",
    "0x10",
    "1e",
    "e1",
    "12\u00b2",
    "-nan",
    "NaN",
    "+NAN",
    "67768036191676795e0",
    "-67768040609740804e0",
  ])('%j is not a timestamp', (text) => {
    expect(tryParseTimestamp(text, NOW)).toBeUndefined();
  });

  it.each<[string, string]>([
    ["-62135596800.5", "Unable to calculate correct timezone offset for \"-62135596800.5\""],
    ["-62135596801", "Unable to calculate correct timezone offset for \"-62135596801\""],
    ["253402300799.9999996", "Unable to calculate correct timezone offset for \"253402300799.9999996\""],
    ["67767976233532799", "Unable to calculate correct timezone offset for \"67767976233532799\""],
    ["67767976233532800", "Unable to calculate correct timezone offset for \"67767976233532800\""],
    ["67767976233532801", "Unable to calculate correct timezone offset for \"67767976233532801\""],
    ["67767976233609599", "Unable to calculate correct timezone offset for \"67767976233609599\""],
    ["67768036191676800", "Unable to calculate correct timezone offset for \"67768036191676800\""],
    ["67768036191676799", "Unable to calculate correct timezone offset for \"67768036191676799\""],
    ["-67768040609740800", "Unable to calculate correct timezone offset for \"-67768040609740800\""],
    ["-67768040609740801", "Unable to calculate correct timezone offset for \"-67768040609740801\""],
    ["-67768040609654400", "Unable to calculate correct timezone offset for \"-67768040609654400\""],
    ["-67768100567971200", "Unable to calculate correct timezone offset for \"-67768100567971200\""],
    ["-67768100567971201", "Unable to calculate correct timezone offset for \"-67768100567971201\""],
    ["-inf", "Unable to calculate correct timezone offset for \"-inf\""],
    ["+inf", "Unable to calculate correct timezone offset for \"+inf\""],
    ["infinity", "Unable to calculate correct timezone offset for \"infinity\""],
    ["67768036191676796e0", "Unable to calculate correct timezone offset for \"67768036191676796e0\""],
    ["-67768040609740805e0", "Unable to calculate correct timezone offset for \"-67768040609740805e0\""],
  ])('%j: the AWS CLI exits 255 with %s', (text, message) => {
    const error = errorOf(() => tryParseTimestamp(text, NOW));
    expect([error.message, error.exitCode]).toEqual([message, 255]);
  });
});
