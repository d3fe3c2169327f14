/**
 * When --cli-auto-prompt applies, without a terminal: the AWS CLI's resolution order (flags,
 * AWS_CLI_AUTO_PROMPT, the profile's cli_auto_prompt; `help` and `--version` turn it off) and
 * prompt_toolkit's warning with exit 255 when standard input is not a terminal. The prompt
 * itself is driven in a real terminal in test/tty/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, emptyHome, runInProcess } from '../support/cli.js';
import { readGolden } from '../support/golden.js';

const NOT_A_TERMINAL = readGolden('auto_prompt_no_tty');
const SKELETON = ['upload-part', '--generate-cli-skeleton'];

function homeWithConfig(config: string): string {
  const home = emptyHome();
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), config);
  return home;
}

describe('auto-prompt mode without a terminal', () => {
  it.each([
    ['--cli-auto-prompt', [...SKELETON, '--cli-auto-prompt'], {}, undefined],
    ['AWS_CLI_AUTO_PROMPT=on', SKELETON, { AWS_CLI_AUTO_PROMPT: 'on' }, undefined],
    ['AWS_CLI_AUTO_PROMPT=ON (any case)', SKELETON, { AWS_CLI_AUTO_PROMPT: 'ON' }, undefined],
    ['cli_auto_prompt = on in the default profile', SKELETON, {}, '[default]\ncli_auto_prompt = on\n'],
    ['cli_auto_prompt in the profile named by --profile', [...SKELETON, '--profile', 'p'], {}, '[profile p]\ncli_auto_prompt = on\n'],
    ['on-partial and a usage error', ['upload-part', '--bucket', 'b'], { AWS_CLI_AUTO_PROMPT: 'on-partial' }, undefined],
  ])('%s: the warning, exit 255', async (_name, argv, env, config) => {
    const result = await runInProcess(argv, {
      env: { ...TEST_CREDENTIALS, ...env },
      homedir: config ? homeWithConfig(config) : emptyHome(),
    });
    expect(result.stderr).toBe(NOT_A_TERMINAL.stderr);
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(NOT_A_TERMINAL.exitCode);
  });

  it.each([
    ['--no-cli-auto-prompt beats the environment', [...SKELETON, '--no-cli-auto-prompt'], { AWS_CLI_AUTO_PROMPT: 'on' }, undefined],
    ['--no-cli-auto-prompt beats the profile', [...SKELETON, '--no-cli-auto-prompt'], {}, '[default]\ncli_auto_prompt = on\n'],
    ['the environment beats the profile', SKELETON, { AWS_CLI_AUTO_PROMPT: 'off' }, '[default]\ncli_auto_prompt = on\n'],
    ['an unknown value is off', SKELETON, { AWS_CLI_AUTO_PROMPT: 'sometimes' }, undefined],
    ['on-partial runs a complete command as typed', SKELETON, { AWS_CLI_AUTO_PROMPT: 'on-partial' }, undefined],
    ['a profile that does not exist is off', [...SKELETON, '--profile', 'nope'], {}, '[default]\ncli_auto_prompt = on\n'],
  ])('%s: the command runs', async (_name, argv, env, config) => {
    const result = await runInProcess(argv, {
      env: { ...TEST_CREDENTIALS, ...env },
      homedir: config ? homeWithConfig(config) : emptyHome(),
    });
    // The skeleton is the command's own output: it ran, no prompt was attempted.
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveProperty('UploadId');
    expect(result.exitCode).toBe(0);
  });

  it.each([
    ['help', ['upload-part', 'help']],
    ['--version', ['--version']],
  ])('%s turns the prompt off even with --cli-auto-prompt', async (_name, argv) => {
    const result = await runInProcess([...argv, '--cli-auto-prompt'], { env: { ...TEST_CREDENTIALS, AWS_CLI_AUTO_PROMPT: 'on' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toBe('');
  });

  it('on-partial: a command that fails otherwise than by usage keeps its error and exit code', async () => {
    // Nothing listens on port 1: the connection error, not a usage error.
    const argv = ['--endpoint-url', 'http://127.0.0.1:1', 'abort-multipart-upload', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];
    const result = await runInProcess(argv, { env: { ...TEST_CREDENTIALS, AWS_CLI_AUTO_PROMPT: 'on-partial', AWS_MAX_ATTEMPTS: '1' } });
    expect(result.stderr).not.toContain('Input is not a terminal');
    expect(result.stderr).toContain('Could not connect to the endpoint URL: "http://127.0.0.1:1/b/k?uploadId=u"');
    expect(result.exitCode).toBe(255);
  });
});
