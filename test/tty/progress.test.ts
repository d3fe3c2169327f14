/**
 * The progress line as a person sees it: the CLI runs in a tmux pane (a real terminal) against
 * a throttled S3, the pane is captured while the part uploads and after it is done. With
 * stderr not a terminal, nothing but the AWS CLI's bytes is written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, emptyHome, startCli } from '../support/cli.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttle-proxy.js';
import { openTerminal, tmuxAvailable, type Terminal } from '../support/tmux.js';

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');
const MIB = 1024 * 1024;
/** 6 MiB at 2 MiB/s: about three seconds, well past the one second before the line shows. */
const PART_BYTES = 6 * MIB;
const BYTES_PER_SECOND = 2 * MIB;
let proxy: ThrottleProxy;
let bucket: string;
let workdir: string;
let partFile: string;
let expectedStdout: string;
let terminal: Terminal | undefined;

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startThrottleProxy(endpoint, BYTES_PER_SECOND);
  bucket = await createUniqueBucket(testClient(endpoint), 'progress');
  workdir = mkdtempSync(join(tmpdir(), 's3api-progress-'));
  partFile = join(workdir, 'part.bin');
  const content = randomBytes(PART_BYTES);
  writeFileSync(partFile, content);
  expectedStdout = `"${createHash('md5').update(content).digest('hex')}"\n`;
});

afterAll(async () => {
  await proxy.close();
});

afterEach(() => {
  terminal?.close();
  terminal = undefined;
});

async function uploadArgs(key: string): Promise<string[]> {
  const uploadId = await createUpload(testClient(inject('s3Endpoint')), bucket, key);
  return ['--endpoint-url', proxy.url, 'upload-part', '--bucket', bucket, '--key', key, '--upload-id', uploadId, '--part-number', '1', '--body', partFile, '--query', 'ETag', '--output', 'text'];
}

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
const EXITED = /^\[exit (\d+)\]$/m;

/** Starts the upload in a 120x30 terminal, stdout to a file, stderr on the terminal. */
function startInTerminal(args: readonly string[], env: Record<string, string>): { terminal: Terminal; stdoutFile: string } {
  const stdoutFile = join(workdir, `stdout-${Math.random().toString(16).slice(2)}.txt`);
  const environment = Object.entries({ ...TEST_CREDENTIALS, HOME: emptyHome(), ...env }).map(([name, value]) => `${name}=${quote(value)}`);
  const command = `env -u CI ${environment.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} > ${quote(stdoutFile)}`;
  terminal = openTerminal(command, { columns: 120, rows: 30 });
  return { terminal, stdoutFile };
}

/** Reads the screen every 100 ms until the command has ended; every screen seen. */
async function watch(shown: Terminal): Promise<string[]> {
  const screens = [shown.screen()];
  while (!EXITED.test(screens.at(-1)!)) {
    await new Promise((done) => setTimeout(done, 100));
    screens.push(shown.screen());
  }
  return screens;
}

const PROGRESS_LINE = /^Uploading {2}\d+\.\d MiB \/ 6\.0 MiB {2}\d+% {2}\d+\.\d [KM]iB\/s {2}(\d+:\d\d left|waiting for S3)$/m;

describe.skipIf(!tmuxAvailable())('progress on a terminal', () => {
  it('shows bytes sent of total, rate and time left while the part uploads, and erases the line at the end', async () => {
    const { terminal: shown, stdoutFile } = startInTerminal(await uploadArgs('progress/shown.bin'), {});
    const screens = await watch(shown);
    const withProgress = screens.filter((text) => PROGRESS_LINE.test(text));
    expect(withProgress.length).toBeGreaterThan(0);
    // Redrawn in place: never more than one progress line on the screen.
    for (const text of withProgress) expect(text.match(/Uploading/g)).toHaveLength(1);
    // Only the shell's exit line is left on the screen.
    expect(screens.at(-1)!.trim()).toBe('[exit 0]');
    expect(readFileSync(stdoutFile, 'utf8')).toBe(expectedStdout);
  });

  it('Ctrl-C during the upload: exit 130 and the line erased', async () => {
    const { terminal: shown } = startInTerminal(await uploadArgs('progress/interrupted.bin'), {});
    await shown.waitFor((text) => PROGRESS_LINE.test(text));
    shown.send('C-c');
    const last = await shown.waitFor((text) => EXITED.test(text));
    expect(last.trim()).toBe('[exit 130]');
  });

  it('S3API_NO_PROGRESS=1 turns it off', async () => {
    const { terminal: shown, stdoutFile } = startInTerminal(await uploadArgs('progress/off.bin'), { S3API_NO_PROGRESS: '1' });
    const screens = await watch(shown);
    expect(screens.length).toBeGreaterThan(10);
    for (const text of screens) expect(text.trim()).toMatch(/^(\[exit 0\])?$/);
    expect(readFileSync(stdoutFile, 'utf8')).toBe(expectedStdout);
  });

  it('s3api_progress = false in the profile turns it off', async () => {
    const home = emptyHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), '[default]\ns3api_progress = false\n');
    const { terminal: shown } = startInTerminal(await uploadArgs('progress/config-off.bin'), { HOME: home });
    const screens = await watch(shown);
    expect(screens.length).toBeGreaterThan(10);
    for (const text of screens) expect(text.trim()).toMatch(/^(\[exit 0\])?$/);
  });

});

describe('progress elsewhere', () => {
  it('with stderr a pipe, writes nothing but the AWS CLI output', async () => {
    const run = startCli(await uploadArgs('progress/piped.bin'));
    const result = await run.result;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expectedStdout);
    expect(result.exitCode).toBe(0);
  });
});
