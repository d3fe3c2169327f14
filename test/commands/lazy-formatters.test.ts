/**
 * cli-table3, chalk and js-yaml load only on the paths that print a table or yaml: the built
 * CLI runs with a hook that refuses to import them, so a path that loads one fails.
 */
import { describe, expect, it } from 'vitest';
import { spawnWithoutSdk } from '../support/cli.js';

const FORMATTER_LIBRARIES = '^(cli-table3|chalk|js-yaml)$';
const UPLOAD_PART = ['upload-part', '--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u'];

describe('formatter libraries load lazily', () => {
  it.each<[string, string[], RegExp]>([
    ['--version', ['--version'], /^s3api\//],
    ['help', ['upload-part', 'help'], /upload-part/],
    ['an input skeleton', ['upload-part', '--generate-cli-skeleton', 'input'], /"UploadId": ""/],
    ['a yaml input skeleton', ['upload-part', '--generate-cli-skeleton', 'yaml-input'], /^UploadId: ''/m],
    ['json output', [...UPLOAD_PART, '--generate-cli-skeleton', 'output', '--output', 'json'], /"ETag": "ETag"/],
    ['text output', [...UPLOAD_PART, '--generate-cli-skeleton', 'output', '--output', 'text'], /ETag/],
  ])('%s loads none of them', (_, argv, expectedStdout) => {
    const result = spawnWithoutSdk(argv, FORMATTER_LIBRARIES);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(expectedStdout);
  });

  it.each(['json', 'legacy'])('an error in the %s error format loads none of them', (errorFormat) => {
    const result = spawnWithoutSdk(['upload-part', '--cli-error-format', errorFormat], FORMATTER_LIBRARIES);
    expect(result.stderr).not.toContain('refused');
    expect(result.stderr).toContain('the following arguments are required');
    expect(result.exitCode).toBe(252);
  });

  it.each<[string, string]>([
    ['yaml', 'js-yaml'],
    ['yaml-stream', 'js-yaml'],
    ['table', 'cli-table3'],
  ])('--output %s loads %s', (format, library) => {
    const result = spawnWithoutSdk([...UPLOAD_PART, '--generate-cli-skeleton', 'output', '--output', format], FORMATTER_LIBRARIES);
    expect(result.stderr).toContain(`SDK import refused: ${library}`);
    expect(result.exitCode).toBe(255);
  });
});
