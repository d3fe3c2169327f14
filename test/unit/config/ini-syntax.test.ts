import { describe, expect, it } from 'vitest';
import { isUnparsableIni } from '../../../src/config/ini-syntax.js';

/** Each case as Python 3.11's configparser.RawConfigParser (strict) reads it, checked with the AWS CLI. */
describe('isUnparsableIni', () => {
  it.each<[string, string | Uint8Array, boolean]>([
    ['a section and options', '[default]\nregion = us-east-1\noutput: json\n', false],
    ['comments and blank lines', '# c\n; d\n\n[default]\n', false],
    ['text after a section header', '[default] junk\nregion=x\n', false],
    ['continuation lines across a blank line', '[default]\nregion=x\n  more\n\n  again\n', false],
    ['the same option in two sections', '[a]\nx=1\n[b]\nx=1\n', false],
    ['an empty file', '', false],
    ['an unclosed section header', '[default\nregion = x\n', true],
    ['an option before any section', 'region = x\n[default]\n', true],
    ['an empty section name', '[]\n', true],
    ['a repeated section', '[default]\n[default]\n', true],
    ['a repeated option, in any case', '[default]\nRegion=a\nregion=b\n', true],
    ['an option without a name', '[default]\n= x\n', true],
    ['a line without a delimiter', '[default]\nnovalue\n', true],
    ['an indented option after a comment is a new option', '[default]\nregion=x\n# c\n  bare\n', true],
    ['a UTF-8 byte order mark before the header', '\ufeff[default]\n', true],
    ['bytes that are not UTF-8', Uint8Array.from([0xff, 0x0a]), true],
  ])('%s', (_name, content, unparsable) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    expect(isUnparsableIni(bytes)).toBe(unparsable);
  });
});
