/**
 * The program name comes from the file the program was started by: a user who links `aws` to
 * s3api gets the AWS CLI's stderr byte for byte. Spawns the built binary (`npm test` builds).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyHome, TEST_CREDENTIALS } from '../support/cli.js';
import { asS3api, readGolden } from '../support/golden.js';

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');

function spawnAs(path: string, argv: readonly string[]): { stderr: string; stdout: string; exitCode: number | null } {
  const result = spawnSync(process.execPath, [path, ...argv], {
    env: { PATH: process.env.PATH ?? '', HOME: emptyHome(), ...TEST_CREDENTIALS },
    encoding: 'utf8',
  });
  return { stderr: result.stderr, stdout: result.stdout, exitCode: result.status };
}

describe('the program name in error and usage lines', () => {
  const golden = readGolden('head_err_missing_required');
  const argv = ['upload-part', '--bucket', 'bkt'];

  it.each([[argv], [['s3api', ...argv]]])('through an `aws` link, is `aws`, with the AWS CLI usage block (%j)', (args) => {
    const link = join(mkdtempSync(join(tmpdir(), 's3api-link-')), 'aws');
    symlinkSync(BIN, link);
    const result = spawnAs(link, args);
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('started as bin/s3api.js, is `s3api` (the .js is not part of the name)', () => {
    const result = spawnAs(BIN, argv);
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.stderr).toContain('\ns3api: [ERROR]: ');
    expect(result.exitCode).toBe(golden.exitCode);
  });
});
