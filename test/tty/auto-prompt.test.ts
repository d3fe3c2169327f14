/**
 * --cli-auto-prompt as a person uses it: the CLI runs in a real terminal (tmux), keys are typed,
 * the screen is read, and what the prompt ran is checked against the S3 server.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ListPartsCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, emptyHome } from '../support/cli.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { openTerminal, tmuxAvailable, type Terminal } from '../support/tmux.js';

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');
const PART = 'a part typed at the prompt\n';
const PART_ETAG = `"${createHash('md5').update(PART).digest('hex')}"`;

let endpoint: string;
let bucket: string;
let workdir: string;
let terminal: Terminal | undefined;

beforeAll(async () => {
  endpoint = inject('s3Endpoint');
  bucket = await createUniqueBucket(testClient(endpoint), 'prompt');
  workdir = mkdtempSync(join(tmpdir(), 's3api-prompt-'));
  writeFileSync(join(workdir, 'part1.bin'), PART);
});

afterEach(() => {
  terminal?.close();
  terminal = undefined;
});

/** The CLI in a terminal, stdout to a file so its bytes can be compared exactly. */
function startCli(args: string, env: Record<string, string> = {}): { terminal: Terminal; stdoutFile: string } {
  const stdoutFile = join(workdir, `stdout-${Math.random().toString(16).slice(2)}.txt`);
  const variables = { ...TEST_CREDENTIALS, AWS_ENDPOINT_URL: endpoint, HOME: emptyHome(), AWS_PAGER: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env };
  const assignments = Object.entries(variables).map(([name, value]) => `${name}='${value}'`).join(' ');
  terminal = openTerminal(`env -i PATH="$PATH" ${assignments} node ${BIN} ${args} > ${stdoutFile}`, { cwd: workdir, columns: 200 });
  return { terminal, stdoutFile };
}

async function partsOf(uploadId: string, key: string) {
  const result = await testClient(endpoint).send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  return (result.Parts ?? []).map((part) => [part.PartNumber, part.ETag]);
}

const promptLine = (screen: string) => screen.split('\n').find((line) => line.startsWith('> s3api')) ?? '';

describe.skipIf(!tmuxAvailable())('--cli-auto-prompt in a terminal', () => {
  it('completes the command, options and a file name, then runs what was typed', async () => {
    const uploadId = await createUpload(testClient(endpoint), bucket, 'typed');
    const { terminal, stdoutFile } = startCli('--cli-auto-prompt');
    await terminal.waitFor((screen) => promptLine(screen) === '> s3api');

    terminal.type('upload-p');
    terminal.send('Tab');
    // Two commands start with upload-part: their shared part is inserted, both are offered.
    let screen = await terminal.waitFor((text) => text.includes('upload-part-copy'));
    expect(promptLine(screen)).toBe('> s3api upload-part');

    terminal.type(' --buc');
    terminal.send('Tab');
    screen = await terminal.waitFor((text) => promptLine(text) === '> s3api upload-part --bucket');
    expect(screen).toContain('--bucket (required): ');

    terminal.type(` ${bucket} --`);
    terminal.send('Tab');
    // The menu offers the required options not given yet first, marked.
    // The menu's rows are indented; the help line above them may name --key too.
    const menuRows = (text: string) => text.split('\n').filter((line) => line.startsWith('  --'));
    screen = await terminal.waitFor((text) => menuRows(text).length >= 3);
    const menu = menuRows(screen);
    expect(menu.slice(0, 3).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '--key (required)',
      '--part-number (required)',
      '--upload-id (required)',
    ]);

    terminal.type(`key typed --part-number 1 --upload-id ${uploadId} --checksum-algorithm SHA`);
    terminal.send('Tab');
    screen = await terminal.waitFor((text) => text.includes('SHA256'));
    expect(screen).toContain('SHA1');
    terminal.type('256 --body part');
    terminal.send('Tab');
    await terminal.waitFor((text) => promptLine(text).endsWith('--body part1.bin'));

    terminal.send('Enter');
    screen = await terminal.waitFor((text) => text.includes('[exit '));
    expect(screen).toContain('[exit 0]');
    const printed = JSON.parse(readFileSync(stdoutFile, 'utf8'));
    expect(printed.ETag).toBe(PART_ETAG);
    expect(printed.ChecksumSHA256).toBe(createHash('sha256').update(PART).digest('base64'));
    expect(await partsOf(uploadId, 'typed')).toEqual([[1, PART_ETAG]]);
  });

  it('on-partial: a missing --upload-id brings the prompt up with the rest of the line kept', async () => {
    const uploadId = await createUpload(testClient(endpoint), bucket, 'partial');
    const { terminal, stdoutFile } = startCli(`upload-part --bucket ${bucket} --key partial --part-number 2 --body part1.bin`, {
      AWS_CLI_AUTO_PROMPT: 'on-partial',
    });
    let screen = await terminal.waitFor((text) => promptLine(text) !== '');
    expect(promptLine(screen)).toBe(`> s3api upload-part --bucket ${bucket} --key partial --part-number 2 --body part1.bin`);
    // The usage error that brought the prompt up is not printed (as with the AWS CLI).
    expect(screen).not.toContain('[ERROR]');

    terminal.type(`--upload-id ${uploadId}`);
    terminal.send('Enter');
    screen = await terminal.waitFor((text) => text.includes('[exit '));
    expect(screen).toContain('[exit 0]');
    expect(JSON.parse(readFileSync(stdoutFile, 'utf8')).ETag).toBe(PART_ETAG);
    expect(await partsOf(uploadId, 'partial')).toEqual([[2, PART_ETAG]]);
  });

  it('Ctrl-C leaves with exit 130 and sends nothing', async () => {
    const uploadId = await createUpload(testClient(endpoint), bucket, 'cancelled');
    const { terminal, stdoutFile } = startCli(`upload-part --bucket ${bucket} --key cancelled --part-number 1 --upload-id ${uploadId} --body part1.bin --cli-auto-prompt`);
    await terminal.waitFor((text) => promptLine(text).endsWith('--body part1.bin'));
    terminal.send('C-c');
    const screen = await terminal.waitFor((text) => text.includes('[exit '));
    expect(screen).toContain('[exit 130]');
    expect(readFileSync(stdoutFile, 'utf8')).toBe('');
    expect(await partsOf(uploadId, 'cancelled')).toEqual([]);
  });

  it('Ctrl-D on an empty line leaves with exit 130', async () => {
    const { terminal } = startCli('--cli-auto-prompt');
    await terminal.waitFor((text) => promptLine(text) === '> s3api');
    terminal.send('C-u', 'C-d');
    const screen = await terminal.waitFor((text) => text.includes('[exit '));
    expect(screen).toContain('[exit 130]');
  });
});
