import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePythonBase64 } from '../../../src/python/base64.js';
import { errorOf } from '../../support/errors.js';
import { GOLDEN_DIR, readGolden } from '../../support/golden.js';
import { goldenMessage } from './support.js';

// Expected bytes recorded from Python 3.11's base64.b64decode(text).
describe('decodePythonBase64', () => {
  it.each<[string, string]>([
    ['aGVsbG8gd29ybGQ=', '68656c6c6f20776f726c64'],
    ['YWJj\n', '616263'],
    ['', ''],
    ['  ', ''],
    ['ab!!cd', '69b71d'],
    ['aGVsbG8=d29y', '68656c6c6f'],
    ['aGVsbA==x', '68656c6c'],
    ['abc=d', '69b7'],
    ['ab=c=', '69b7'],
    ['a=b=c=d', '69b7'],
    ['ab==cd==', '69'],
    ['YW=Jj', '616263'],
    ['ab=cdef==', '69b71d79'],
  ])('%j -> %s', (text, hex) => {
    expect(decodePythonBase64(text).toString('hex')).toBe(hex);
  });

  it.each(['literal body text', 'a', 'a===', 'ab', 'ab=', 'ab=c', '=abc', 'abc', 'ab=cdef=', 'YQ='])(
    '%j is invalid base64 (255)',
    (text) => {
      const error = errorOf(() => decodePythonBase64(text));
      expect([error.message, error.exitCode]).toEqual([`Invalid base64: "${text}"`, 255]);
    },
  );

  it('passes on the ValueError for non-ASCII text', () => {
    expect(errorOf(() => decodePythonBase64('aGVsbG8=é')).message).toBe('string argument should contain only ASCII characters');
  });

  it.each(['cij_upload_part_body_literal', 'head_cij_body_literal'])('%s', (name) => {
    const input = JSON.parse(readFileSync(resolve(GOLDEN_DIR, 'inputs/in_up.json'), 'utf8')) as { Body: string };
    const error = errorOf(() => decodePythonBase64(input.Body));
    // The 2.9 recording is a --debug log: the message is its last line.
    expect(goldenMessage(name).split('\n').at(-1)).toBe(error.message);
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });
});
