import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

const ZSH_COMPLETE = resolve(import.meta.dirname, '../support/zsh-complete.zsh');

/** What zsh's completion system offers, with the checked-in _s3api, for each line typed so far. */
function completeInZsh(lines: readonly string[]): string[][] {
  const output = execFileSync('zsh', ['-f', ZSH_COMPLETE, COMPLETIONS, ...lines], { encoding: 'utf8', timeout: 60_000 });
  const perLine = output.split('<LINE>').slice(1);
  expect(perLine).toHaveLength(lines.length);
  return perLine.map((text) => [...text.matchAll(/<HIT>(.*?)<\/HIT>/g)].map((match) => match[1]).sort());
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

  it('zsh completes, in one shell, what bash completes (and --body with file names)', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3api-zsh-'));
    writeFileSync(join(dir, 'part-1.bin'), '');
    writeFileSync(join(dir, 'part-2.bin'), '');
    const cases: [line: string, expected: string[]][] = [
      ['s3api upload-part-c', ['upload-part-copy']],
      ['s3api --output yaml list-m', ['list-multipart-uploads']],
      ['s3api upload-part --checksum-crc32', ['--checksum-crc32', '--checksum-crc32-c']],
      ['s3api --output yaml upload-part --checksum-crc32', ['--checksum-crc32', '--checksum-crc32-c']],
      ['s3api upload-part-copy --copy-source-sse', ['--copy-source-sse-customer-algorithm', '--copy-source-sse-customer-key', '--copy-source-sse-customer-key-md5']],
      ['s3api upload-part --checksum-algorithm CRC6', ['CRC64NVME']],
      ['s3api upload-part --checksum-algorithm SHA', ['SHA1', 'SHA256', 'SHA512']],
      ['s3api create-multipart-upload --storage-class GLACIER', ['GLACIER', 'GLACIER_IR']],
      ['s3api list-parts --output yaml', ['yaml', 'yaml-stream']],
      ['s3api list-parts --request-payer ', ['requester']],
      ['s3api --output ', ['json', 'off', 'table', 'text', 'yaml', 'yaml-stream']],
      ['s3api create-multipart-upload --no-b', ['--no-bucket-key-enabled']],
      ['s3api --region us-east-1 list-parts --max-i', ['--max-items']],
      ['s3api --reg', ['--region']],
      ['s3api list-parts --max-p', []],
      [`s3api upload-part --body ${dir}/part-`, ['part-1.bin', 'part-2.bin']],
    ];
    const offered = completeInZsh(cases.map(([line]) => line));
    expect(Object.fromEntries(cases.map(([line], index) => [line, offered[index]]))).toEqual(Object.fromEntries(cases));
  });

  it('bash accepts the script without syntax errors', () => {
    expect(() => execFileSync('bash', ['-n', resolve(COMPLETIONS, 's3api.bash')])).not.toThrow();
  });
});
