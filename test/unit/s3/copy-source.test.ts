/**
 * --copy-source encoding, against Python. The expected column was computed once with
 * /usr/bin/python3: `urllib.parse.quote(value, safe='/~')` for quotePath, and for
 * encodeCopySource botocore's rule (handlers._quote_source_header): a trailing
 * `?versionId=<no whitespace>` (re `\?versionId=[^\s]+$`) is kept verbatim, the rest quoted.
 */
import { describe, expect, it } from 'vitest';
import { encodeCopySource, quotePath } from '../../../src/s3/copy-source.js';

const PYTHON_QUOTE: [value: string, quoted: string][] = [
  ["bucket/key", "bucket/key"],
  ["bucket/dir/sub/key.txt", "bucket/dir/sub/key.txt"],
  ["bucket/a~b", "bucket/a~b"],
  ["bucket/~/tilde~", "bucket/~/tilde~"],
  ["bucket/a+b", "bucket/a%2Bb"],
  ["bucket/a b", "bucket/a%20b"],
  ["bucket/100%", "bucket/100%25"],
  ["bucket/%41", "bucket/%2541"],
  ["bucket/a?b", "bucket/a%3Fb"],
  ["bucket/a#b", "bucket/a%23b"],
  ["bucket/a&b=c", "bucket/a%26b%3Dc"],
  ["bucket/!*'();:@&=+$,", "bucket/%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C"],
  ["bucket/[]{}<>|\\^`\"", "bucket/%5B%5D%7B%7D%3C%3E%7C%5C%5E%60%22"],
  ["bucket/-._", "bucket/-._"],
  ["bucket/é", "bucket/%C3%A9"],
  ["bucket/日本語", "bucket/%E6%97%A5%E6%9C%AC%E8%AA%9E"],
  ["bucket/😀", "bucket/%F0%9F%98%80"],
  ["bucket/tab\there", "bucket/tab%09here"],
  ["bucket/new\nline", "bucket/new%0Aline"],
  ['bucket/\u007f\u0000', 'bucket/%7F%00'],
];

const BOTOCORE_COPY_SOURCE: [value: string, header: string][] = [
  ["bucket/key", "bucket/key"],
  ["bucket/dir/sub/key.txt", "bucket/dir/sub/key.txt"],
  ["bucket/a~b", "bucket/a~b"],
  ["bucket/~/tilde~", "bucket/~/tilde~"],
  ["bucket/a+b", "bucket/a%2Bb"],
  ["bucket/a b", "bucket/a%20b"],
  ["bucket/key?versionId=abc123", "bucket/key?versionId=abc123"],
  ["bucket/a b?versionId=v+1/~%", "bucket/a%20b?versionId=v+1/~%"],
  ["bucket/key?versionId=", "bucket/key%3FversionId%3D"],
  ["bucket/key?versionId=a b", "bucket/key%3FversionId%3Da%20b"],
  ["bucket/key?versionid=abc", "bucket/key%3Fversionid%3Dabc"],
  ["bucket/k?versionId=1?versionId=2", "bucket/k?versionId=1?versionId=2"],
  ["bucket/é~?versionId=3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY", "bucket/%C3%A9~?versionId=3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"],
];

describe("quotePath is Python's quote(value, safe='/~')", () => {
  it.each(PYTHON_QUOTE)('%j -> %j', (value, quoted) => {
    expect(quotePath(value)).toBe(quoted);
  });

  it('keeps exactly the unreserved ASCII characters and / (every other byte is %XX, upper case)', () => {
    const kept = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).filter((char) => quotePath(char) === char);
    expect(kept.join('')).toBe('-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~');
  });
});

describe('encodeCopySource keeps a trailing ?versionId= as botocore does', () => {
  it.each(BOTOCORE_COPY_SOURCE)('%j -> %j', (value, header) => {
    expect(encodeCopySource(value)).toBe(header);
  });
});
