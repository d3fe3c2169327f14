/**
 * The progress line as a person sees it: the CLI runs in a tmux pane (a real terminal) against
 * a throttled S3, the pane is captured while the part uploads and after it is done. With
 * stderr not a terminal, nothing but the AWS CLI's bytes is written.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, emptyHome, startCli } from '../support/cli.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttle-proxy.js';

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');
const MIB = 1024 * 1024;
/** 6 MiB at 2 MiB/s: about three seconds, well past the one second before the line shows. */
const PART_BYTES = 6 * MIB;
const BYTES_PER_SECOND = 2 * MIB;
/** A tmux server of our own, so no one else's sessions are touched and it can be ended whole. */
const TMUX_SOCKET = `s3api-progress-${process.pid}`;

let proxy: ThrottleProxy;
let bucket: string;
let workdir: string;
let partFile: string;
let expectedStdout: string;

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
  try {
    execFileSync('tmux', ['-L', TMUX_SOCKET, 'kill-server'], { stdio: 'ignore' });
  } catch {
    // No server left: every session had ended.
  }
});

async function uploadArgs(key: string): Promise<string[]> {
  const uploadId = await createUpload(testClient(inject('s3Endpoint')), bucket, key);
  return ['--endpoint-url', proxy.url, 'upload-part', '--bucket', bucket, '--key', key, '--upload-id', uploadId, '--part-number', '1', '--body', partFile, '--query', 'ETag', '--output', 'text'];
}

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** Starts the upload in a 120x30 tmux pane, stdout to a file, stderr on the terminal. */
function startInTerminal(session: string, args: readonly string[], env: Record<string, string>): { stdoutFile: string; rcFile: string } {
  const stdoutFile = join(workdir, `${session}.out`);
  const rcFile = join(workdir, `${session}.rc`);
  const environment = Object.entries({ ...TEST_CREDENTIALS, HOME: emptyHome(), ...env }).map(([name, value]) => `${name}=${quote(value)}`);
  const command = `env -u CI ${environment.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} > ${quote(stdoutFile)}; echo $? > ${quote(rcFile)}; sleep 120`;
  execFileSync('tmux', ['-L', TMUX_SOCKET, 'new-session', '-d', '-s', session, '-x', '120', '-y', '30', command]);
  return { stdoutFile, rcFile };
}

function screen(session: string): string {
  return execFileSync('tmux', ['-L', TMUX_SOCKET, 'capture-pane', '-p', '-t', session], { encoding: 'utf8' });
}

/** Captures the pane every 100 ms until the command has ended; every screen seen. */
async function watch(session: string, rcFile: string): Promise<string[]> {
  const screens: string[] = [];
  for (let waited = 0; waited < 60_000 && !existsSync(rcFile); waited += 100) {
    screens.push(screen(session));
    await new Promise((done) => setTimeout(done, 100));
  }
  screens.push(screen(session));
  return screens;
}

const PROGRESS_LINE = /^Uploading {2}\d+\.\d MiB \/ 6\.0 MiB {2}\d+% {2}\d+\.\d [KM]iB\/s {2}(\d+:\d\d left|waiting for S3)$/m;

describe('progress on a terminal', () => {
  it('shows bytes sent of total, rate and time left while the part uploads, and erases the line at the end', async () => {
    const { stdoutFile, rcFile } = startInTerminal('shown', await uploadArgs('progress/shown.bin'), {});
    const screens = await watch('shown', rcFile);
    const withProgress = screens.filter((text) => PROGRESS_LINE.test(text));
    expect(withProgress.length).toBeGreaterThan(0);
    // Redrawn in place: never more than one progress line on the screen.
    for (const text of withProgress) expect(text.match(/Uploading/g)).toHaveLength(1);
    expect(screens.at(-1)).not.toContain('Uploading');
    expect(screens.at(-1)!.trim()).toBe('');
    expect(readFileSync(rcFile, 'utf8')).toBe('0\n');
    expect(readFileSync(stdoutFile, 'utf8')).toBe(expectedStdout);
  });

  it('Ctrl-C during the upload: exit 130 and the line erased', async () => {
    const { rcFile } = startInTerminal('interrupted', await uploadArgs('progress/interrupted.bin'), {});
    await expect.poll(() => PROGRESS_LINE.test(screen('interrupted')), { timeout: 20_000, interval: 100 }).toBe(true);
    execFileSync('tmux', ['-L', TMUX_SOCKET, 'send-keys', '-t', 'interrupted', 'C-c']);
    await expect.poll(() => existsSync(rcFile), { timeout: 20_000 }).toBe(true);
    expect(readFileSync(rcFile, 'utf8')).toBe('130\n');
    expect(screen('interrupted')).not.toContain('Uploading');
  });

  it('S3API_NO_PROGRESS=1 turns it off', async () => {
    const { stdoutFile, rcFile } = startInTerminal('off', await uploadArgs('progress/off.bin'), { S3API_NO_PROGRESS: '1' });
    const screens = await watch('off', rcFile);
    expect(screens.length).toBeGreaterThan(10);
    for (const text of screens) expect(text.trim()).toBe('');
    expect(readFileSync(stdoutFile, 'utf8')).toBe(expectedStdout);
  });

  it('s3api_progress = false in the profile turns it off', async () => {
    const home = emptyHome();
    execFileSync('mkdir', ['-p', join(home, '.aws')]);
    writeFileSync(join(home, '.aws', 'config'), '[default]\ns3api_progress = false\n');
    const { rcFile } = startInTerminal('config-off', await uploadArgs('progress/config-off.bin'), { HOME: home });
    const screens = await watch('config-off', rcFile);
    expect(screens.length).toBeGreaterThan(10);
    for (const text of screens) expect(text.trim()).toBe('');
  });

  it('with stderr a pipe, writes nothing but the AWS CLI output', async () => {
    const run = startCli(await uploadArgs('progress/piped.bin'));
    const result = await run.result;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expectedStdout);
    expect(result.exitCode).toBe(0);
  });
});
