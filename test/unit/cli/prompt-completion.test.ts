import { describe, expect, it } from 'vitest';
import { completeAt, helpAt, sharedPrefix, type ListDirectory } from '../../../src/cli/prompt-completion.js';

const files: ListDirectory = (path) =>
  (
    ({
      '.': [
        { name: 'part01.bin', isDirectory: false },
        { name: 'part02.bin', isDirectory: false },
        { name: 'parts', isDirectory: true },
        { name: '.hidden', isDirectory: false },
      ],
      'parts/': [{ name: 'p1', isDirectory: false }],
    }) as Record<string, { name: string; isDirectory: boolean }[]>
  )[path] ?? [];

function texts(line: string, cursor = line.length): string[] {
  return completeAt(line, cursor, files).candidates.map((candidate) => candidate.text);
}

describe('completeAt', () => {
  it.each([
    ['', ['abort-multipart-upload', 'complete-multipart-upload', 'create-multipart-upload', 'list-multipart-uploads', 'list-parts', 'upload-part', 'upload-part-copy', 'help']],
    ['upload-p', ['upload-part', 'upload-part-copy']],
    ['list-', ['list-multipart-uploads', 'list-parts']],
    ['--output json upload-part-c', ['upload-part-copy']],
    ['upload-part --checksum-algorithm CRC', ['CRC32', 'CRC32C', 'CRC64NVME']],
    ['upload-part --output y', ['yaml', 'yaml-stream']],
    ['upload-part --body part0', ['part01.bin', 'part02.bin']],
    ['upload-part --body par', ['part01.bin', 'part02.bin', 'parts/']],
    ['upload-part --body parts/', ['parts/p1']],
    ['upload-part --body .h', ['.hidden']],
    ['complete-multipart-upload --multipart-upload file://part0', ['file://part01.bin', 'file://part02.bin']],
    ['upload-part --sse-customer-key fileb://parts/', ['fileb://parts/p1']],
    ['upload-part --bucket b', []],
    ['upload-part --bucket ', []],
    ['upload-part --buc', ['--bucket']],
    ['upload-part --checksum-crc32', ['--checksum-crc32', '--checksum-crc32-c']],
  ])('%j offers %j', (line, expected) => {
    expect(texts(line)).toEqual(expected);
  });

  it('offers the options not given yet first, required ones at the top and marked', () => {
    const { candidates } = completeAt('upload-part --bucket b --key k --', 32, files);
    expect(candidates.slice(0, 2).map((candidate) => [candidate.text, candidate.required])).toEqual([
      ['--part-number', true],
      ['--upload-id', true],
    ]);
    const given = candidates.slice(-2).map((candidate) => [candidate.text, candidate.required]);
    expect(given).toEqual([
      ['--bucket', false],
      ['--key', false],
    ]);
  });

  it('completes the word under the cursor, not the end of the line', () => {
    const line = 'upload-p --bucket b';
    const completion = completeAt(line, 'upload-p'.length, files);
    expect(completion.start).toBe(0);
    expect(completion.candidates.map((candidate) => candidate.text)).toEqual(['upload-part', 'upload-part-copy']);
  });

  it('treats a quoted word with spaces as one word', () => {
    const completion = completeAt("upload-part --key 'a b' --upl", 29, files);
    expect(completion.candidates.map((candidate) => candidate.text)).toEqual(['--upload-id']);
    expect(completion.start).toBe(24);
  });

  it('offers the options of the command with a global option and its value before it', () => {
    expect(texts('--region us-east-1 list-parts --max-i')).toEqual(['--max-items']);
  });
});

describe('helpAt', () => {
  it.each([
    ['upload-part --part-number', '--part-number (required): '],
    ['upload-part --part-number 3', '--part-number (required): '],
    ['upload-part --max-items', undefined],
    ['list-parts --max-items', '--max-items: '],
    ['upload-part --content-md5 x', '--content-md5: '],
    ['upload-part --bucket b --', '--key (required): '],
    ['upload-part', undefined],
  ])('%j shows %j', (line, start) => {
    const help = helpAt(line, line.length);
    if (start === undefined) expect(help).toBeUndefined();
    else expect(help?.startsWith(start)).toBe(true);
  });
});

describe('sharedPrefix', () => {
  it.each([
    [[], ''],
    [['upload-part'], 'upload-part'],
    [['upload-part', 'upload-part-copy'], 'upload-part'],
    [['CRC32', 'CRC32C', 'CRC64NVME'], 'CRC'],
    [['json', 'yaml'], ''],
  ])('%j -> %j', (words, expected) => {
    expect(sharedPrefix(words.map((text) => ({ text })))).toBe(expected);
  });
});
