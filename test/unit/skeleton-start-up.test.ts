/**
 * The built CLI (`dist/`, spawned with an import hook) answers --generate-cli-skeleton without
 * loading the AWS SDK. It runs the build, not the sources, so the mutation run leaves it out
 * (vitest.mutation.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnWithoutSdk } from '../support/cli.js';
import { readGolden } from '../support/golden.js';

const UPLOAD_PART_ARGS = ['--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u'];
const LIST_PARTS_ARGS = ['--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

describe('start-up without the SDK', () => {
  it('--generate-cli-skeleton input never imports the AWS SDK', () => {
    const result = spawnWithoutSdk(['upload-part', '--generate-cli-skeleton', 'input']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readGolden('head_skel_upload_part_input').stdout);
  });

  it('--generate-cli-skeleton yaml-input never imports the AWS SDK', () => {
    const result = spawnWithoutSdk(['upload-part', '--generate-cli-skeleton', 'yaml-input']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    // The YAML of each line is the AWS CLI's; the comments after it are our own help texts.
    const withoutComments = (text: string) => text.split('\n').map((line) => line.replace(/ {1,2}# .*$/, ''));
    expect(withoutComments(result.stdout)).toEqual(withoutComments(readGolden('head_skel_upload_part_yaml_input').stdout));
  });

  it('--generate-cli-skeleton output answers without the S3 client', () => {
    const result = spawnWithoutSdk(['upload-part', ...UPLOAD_PART_ARGS, '--generate-cli-skeleton', 'output'], '^@aws-sdk/client-s3');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readGolden('head_skel_upload_part_output').stdout);
  });

  it('the hook does stop a command that needs the SDK', () => {
    const result = spawnWithoutSdk(['--endpoint-url', 'http://127.0.0.1:9', 'list-parts', ...LIST_PARTS_ARGS]);
    expect(result.stderr).toContain('SDK import refused: @');
    expect(result.exitCode).toBe(255);
  });
});
