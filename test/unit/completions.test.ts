import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bashCompletion, zshCompletion } from '../../src/cli/completions.js';

const COMPLETIONS = resolve(import.meta.dirname, '../../completions');

/** What bash completes for the words typed so far (the last one is being completed). */
function completeInBash(words: string[]): string[] {
  const script = `${bashCompletion()}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})
COMP_CWORD=${words.length - 1}
_s3api
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('completion scripts', () => {
  it('the checked-in scripts are the generated ones (run `npm run completions`)', () => {
    expect(readFileSync(resolve(COMPLETIONS, 's3api.bash'), 'utf8')).toBe(bashCompletion());
    expect(readFileSync(resolve(COMPLETIONS, '_s3api'), 'utf8')).toBe(zshCompletion());
  });

  it.each([
    [['s3api', 'upload-part-c'], ['upload-part-copy']],
    [['s3api', '--output', 'yaml', 'list-m'], ['list-multipart-uploads']],
    [['s3api', 'upload-part', '--checksum-crc32'], ['--checksum-crc32', '--checksum-crc32-c']],
    [['s3api', 'upload-part-copy', '--copy-source-sse'], ['--copy-source-sse-customer-algorithm', '--copy-source-sse-customer-key', '--copy-source-sse-customer-key-md5']],
    [['s3api', 'upload-part', '--checksum-algorithm', 'CRC6'], ['CRC64NVME']],
    [['s3api', 'list-parts', '--output', 'yaml'], ['yaml', 'yaml-stream']],
    [['s3api', 'create-multipart-upload', '--no-b'], ['--no-bucket-key-enabled']],
    [['s3api', 'list-parts', '--max-i'], ['--max-items']],
  ])('bash completes %j', (words, expected) => {
    expect(completeInBash(words)).toEqual(expected);
  });

  it('hidden native paging options are not offered', () => {
    expect(completeInBash(['s3api', 'list-parts', '--max-p'])).toEqual([]);
  });

  it('bash accepts the script without syntax errors', () => {
    expect(() => execFileSync('bash', ['-n', resolve(COMPLETIONS, 's3api.bash')])).not.toThrow();
  });
});
