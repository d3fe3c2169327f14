/**
 * The two CLIs under comparison, described by how each spells the same requests, and the
 * environment both run in.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runMeasured } from './measure.mjs';

const S3API_BIN = resolve(import.meta.dirname, '../../bin/s3api.js');

/** Only AWS CLI v2 counts: v1 (a pyenv shim may put one first on PATH) is a different program. */
const AWS_CANDIDATES = ['/usr/bin/aws', 'aws'];

/**
 * Variables of the caller's environment that slow a tool down without changing what it does:
 * NODE_EXTRA_CA_CERTS makes every Node start parse the extra certificates (about 70 ms here).
 */
export const DROPPED_SLOW_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];

/**
 * A clean environment, as `env -i PATH=… HOME=…` gives: every tool sees the same settings and
 * nothing from the caller's AWS_* variables, ~/.aws or Node options, which could add profiles,
 * endpoints, credential lookups or start-up work to one side only.
 */
export function benchEnvironment(homeDirectory) {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: homeDirectory,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    // aws pipes help through $PAGER (less by default), which would wait for a keypress.
    PAGER: 'cat',
    AWS_PAGER: '',
  };
}

function versionLine(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n')[0];
}

export function s3apiTool() {
  return {
    name: 's3api',
    version: versionLine(process.execPath, [S3API_BIN, '--version']),
    command: process.execPath,
    commandArgs: [S3API_BIN],
    helpArgs: ['upload-part', '--help'],
    skeletonArgs: ['upload-part', '--generate-cli-skeleton'],
    versionArgs: ['--version'],
    operationArgs: (endpoint, operation, parameters) => ['--endpoint-url', endpoint, operation, ...parameters],
  };
}

/** The first AWS CLI v2 found, or undefined. */
export function findAwsCliV2() {
  for (const command of AWS_CANDIDATES) {
    const version = versionLine(command, ['--version']);
    if (version?.startsWith('aws-cli/2')) {
      return {
        name: 'aws',
        version,
        command,
        commandArgs: [],
        helpArgs: ['s3api', 'upload-part', 'help'],
        skeletonArgs: ['s3api', 'upload-part', '--generate-cli-skeleton'],
        versionArgs: ['--version'],
        operationArgs: (endpoint, operation, parameters) => ['--endpoint-url', endpoint, 's3api', operation, ...parameters],
      };
    }
  }
  return undefined;
}

/** Runs the tool with `args` (as typed after its name) through runMeasured. */
export function runTool(tool, args, options) {
  return runMeasured(tool.command, [...tool.commandArgs, ...args], options);
}
