/**
 * upload-part's s3api additions, in-process with a fake S3: --byte-range and --split-size cut
 * one part from a file, --body - reads standard input through the injected IO, and a body
 * whose size stat cannot tell is read as what it holds. What is sent is read at send time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess, sentChecksum } from '../support/cli.js';

const UPLOAD_PART = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'];
const ANSWER = { fakeResponses: { UploadPart: { ETag: '"e"' } } };
/** 25 distinct bytes: a slice shows which bytes it took. */
const CONTENT = Buffer.from('abcdefghijklmnopqrstuvwxy');

let workdir: string;
let scratchRoot: string;

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 's3api-body-cmd-'));
  writeFileSync(join(workdir, 'big.bin'), CONTENT);
  writeFileSync(join(workdir, '-'), 'the file named dash');
  scratchRoot = join(workdir, 'tmp');
  mkdirSync(scratchRoot);
});

function uploadPart(args: readonly string[], options: { stdin?: string } = {}) {
  return runInProcess([...UPLOAD_PART, ...args], {
    ...ANSWER,
    cwd: workdir,
    env: { ...TEST_CREDENTIALS, TMPDIR: scratchRoot },
    stdin: options.stdin,
  });
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64');

describe('--split-size and --byte-range', () => {
  it.each([
    [['--split-size', '10', '--part-number', '1'], 'abcdefghij'],
    [['--split-size', '10', '--part-number', '2'], 'klmnopqrst'],
    [['--split-size', '10', '--part-number', '3'], 'uvwxy'],
    [['--split-size', '1KiB', '--part-number', '1'], CONTENT.toString()],
    [['--byte-range', 'bytes=3-5', '--part-number', '1'], 'def'],
    [['--byte-range', 'bytes=24-24', '--part-number', '9'], 'y'],
    // --content-length is checked against the slice, not the whole file.
    [['--byte-range', 'bytes=3-5', '--content-length', '3', '--part-number', '1'], 'def'],
  ])('%j sends exactly %j, with its length and its checksum', async (args, expected) => {
    const result = await uploadPart(['--body', 'big.bin', '--checksum-algorithm', 'SHA256', ...args]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const [call] = result.calls;
    expect(call.sentBody?.toString()).toBe(expected);
    expect(sentChecksum(call, 'SHA256')).toBe(sha256(expected));
    expect(call.input).not.toHaveProperty('ByteRange');
    expect(call.input).not.toHaveProperty('SplitSize');
  });

  it.each([
    [['--body', 'big.bin', '--split-size', '10', '--part-number', '4'], `--part-number 4 lies past the end of --body ${'WORKDIR'}/big.bin: 25 bytes in parts of --split-size 10 make 3 parts`],
    [['--body', 'big.bin', '--byte-range', 'bytes=20-25', '--part-number', '1'], `--byte-range bytes=20-25 lies outside --body ${'WORKDIR'}/big.bin, which holds 25 bytes (last byte 24)`],
    [['--body', 'big.bin', '--byte-range', 'bytes=0-1', '--split-size', '10', '--part-number', '1'], "Cannot specify --byte-range along with --split-size: the part's bytes come from one or the other."],
    [['--body', 'big.bin', '--split-size', '0', '--part-number', '1'], 'Invalid value for --split-size: 0 is 0 bytes; a part holds 1 byte to 5 GiB (5368709120 bytes)'],
    [['--body', 'big.bin', '--split-size', '6GiB', '--part-number', '1'], 'Invalid value for --split-size: 6GiB is 6442450944 bytes; a part holds 1 byte to 5 GiB (5368709120 bytes)'],
    [['--split-size', '10', '--part-number', '1'], '--byte-range and --split-size cut a part from a file: give the file with --body PATH (or --body - for stdin).'],
    [['--body', 'big.bin', '--byte-range', 'bytes=0-9', '--content-length', '5', '--part-number', '1'], 'Parameter validation failed:\nInvalid value for parameter ContentLength, value: 5, valid value: 10 (the size of the body; leave ContentLength out to send the whole body)'],
  ])('%j: exit 252, nothing sent', async (args, message) => {
    const result = await uploadPart(args);
    expect(result.stderr).toBe(`\ns3api: [ERROR]: An error occurred (ParamValidation): ${message.replace('WORKDIR', workdir)}\n`);
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('refuses a part number outside 1-10000 before looking at the slice', async () => {
    const result = await uploadPart(['--body', 'big.bin', '--split-size', '10', '--part-number', '0']);
    expect(result.stderr).toContain('Invalid value for parameter PartNumber, value: 0, valid range: 1-10000');
    expect(result.exitCode).toBe(252);
  });

  it.each([
    ['--bod', 'big.bin', 'Body'],
    ['--part', '2', 'PartNumber'],
    ['--by', 'bytes=0-1', 'ByteRange'],
    ['--sp', '10', 'SplitSize'],
  ])('the abbreviation %s still means one flag (%s)', async (abbreviation, value, member) => {
    const args = { Body: ['--body', 'big.bin'], PartNumber: ['--part-number', '1'], ByteRange: [], SplitSize: [] };
    const rest = Object.entries(args).filter(([name]) => name !== member).flatMap(([, flags]) => flags);
    const result = await uploadPart([...rest, abbreviation, value]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const sent = result.calls[0];
    const expectedBytes = { Body: CONTENT.toString(), PartNumber: CONTENT.toString(), ByteRange: 'ab', SplitSize: 'abcdefghij' }[member];
    expect(sent.sentBody?.toString()).toBe(expectedBytes);
    if (member === 'PartNumber') expect(sent.input.PartNumber).toBe(2);
  });

  it('stays out of the input skeletons', async () => {
    for (const kind of ['input', 'yaml-input']) {
      const result = await runInProcess(['upload-part', '--generate-cli-skeleton', kind]);
      expect(result.stdout).toContain('PartNumber');
      expect(result.stdout).not.toMatch(/ByteRange|SplitSize/);
    }
  });

  it('is listed in the help page as s3api only', async () => {
    const result = await runInProcess(['upload-part', 'help']);
    expect(result.stdout).toContain('       [--byte-range <value>]\n       [--split-size <value>]\n');
    expect(result.stdout).toMatch(/--split-size \(string\)\n.*\n {10}s3api only: aws s3api has no such option\./);
    const additions = result.stdout.slice(result.stdout.indexOf('\nWHAT S3API ADDS\n'), result.stdout.indexOf('\nEXAMPLES\n'));
    expect(additions).toContain('--body - reads the part from standard input.');
    expect(additions).toContain('S3API_NO_PROGRESS=1 or s3api_progress = false in the profile turns it off.');
  });
});

describe('--body -: the part from standard input', () => {
  it('sends what stdin holds and removes the spooled copy', async () => {
    const result = await uploadPart(['--part-number', '1', '--body', '-', '--checksum-algorithm', 'SHA256'], { stdin: 'from a pipe\n' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('{\n    "ETag": "\\"e\\""\n}\n');
    expect(result.calls[0].sentBody?.toString()).toBe('from a pipe\n');
    expect(sentChecksum(result.calls[0], 'SHA256')).toBe(sha256('from a pipe\n'));
    expect(readdirSync(scratchRoot)).toEqual([]);
  });

  it('cuts a slice from stdin; --content-length is then the slice\'s length', async () => {
    const result = await uploadPart(['--part-number', '2', '--body', '-', '--split-size', '4', '--content-length', '3'], { stdin: '0123456' });
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].sentBody?.toString()).toBe('456');
  });

  it.each([
    [['--content-length', '3'], 'standard input holds more than --content-length 3 bytes.'],
    [['--content-length', '20'], 'standard input ended after 7 bytes, but --content-length is 20.'],
    [['--split-size', '4', '--part-number', '3'], '--part-number 3 lies past the end of --body -: 7 bytes in parts of --split-size 4 make 2 parts'],
  ])('%j: exit 252, nothing sent, nothing left behind', async (args, message) => {
    const result = await uploadPart(['--part-number', '1', '--body', '-', ...args], { stdin: '0123456' });
    expect(result.stderr).toBe(`\ns3api: [ERROR]: An error occurred (ParamValidation): ${message}\n`);
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
    expect(readdirSync(scratchRoot)).toEqual([]);
  });

  it('leaves a file named - reachable as ./-', async () => {
    const result = await uploadPart(['--part-number', '1', '--body', './-'], { stdin: 'not this' });
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].sentBody?.toString()).toBe('the file named dash');
  });

  it('checks the other parameters before reading stdin', async () => {
    const result = await runInProcess(['upload-part', '--bucket', 'bkt', '--body', '-'], { ...ANSWER, stdin: 'x' });
    expect(result.stderr).toContain('the following arguments are required: --key, --part-number, --upload-id');
    expect(result.exitCode).toBe(252);
  });
});

describe('a body whose size stat cannot tell', () => {
  it('/proc/self/status (stat size 0) is sent with its content, not empty', async () => {
    const result = await uploadPart(['--part-number', '1', '--body', '/proc/self/status']);
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].sentBody?.toString()).toMatch(/^Name:\t/);
    expect(readdirSync(scratchRoot)).toEqual([]);
  });

  it('a FIFO is read to its end', async () => {
    const fifo = join(workdir, 'pipe');
    await new Promise((resolve) => spawn('mkfifo', [fifo]).on('exit', resolve));
    const writer = spawn('sh', ['-c', `printf 'through a fifo' > '${fifo}'`]);
    const result = await uploadPart(['--part-number', '1', '--body', fifo]);
    writer.kill();
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].sentBody?.toString()).toBe('through a fifo');
  });

  it('an empty regular file is still an empty part', async () => {
    writeFileSync(join(workdir, 'empty'), '');
    const result = await uploadPart(['--part-number', '1', '--body', 'empty']);
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].sentBody?.length).toBe(0);
  });
});
