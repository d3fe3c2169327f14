/** Reads a recorded AWS CLI run from test/fixtures/golden: stdout, stderr and exit code. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GOLDEN_DIR = resolve(import.meta.dirname, '../fixtures/golden');

export interface Golden {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export function readGolden(name: string): Golden {
  return {
    stdout: readGoldenFile(name, 'out'),
    stderr: readGoldenFile(name, 'err'),
    exitCode: Number(readGoldenFile(name, 'rc').trim()),
  };
}

/**
 * One file of a recording as text: stdout (`out`), stderr (`err`) or the exit code (`rc`). For
 * the captures that kept only stdout (table_list_parts_tty200), where readGolden would fail.
 */
export function readGoldenFile(name: string, extension: 'out' | 'err' | 'rc'): string {
  return readFileSync(resolve(GOLDEN_DIR, `${name}.${extension}`), 'utf8');
}

/** The AWS CLI's text with our program name: `aws: [ERROR]` -> `s3api: [ERROR]`, usage block. */
export function asS3api(text: string): string {
  return text
    .replace(
      'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n',
      'usage: s3api [options] <command> [parameters]\nTo see help text, you can run:\n\n  s3api help\n  s3api <command> help\n',
    )
    .replace('usage: aws [--profile PROFILE] [--debug]\n', 'usage: s3api [--profile PROFILE] [--debug]\n')
    .replace(/^aws: \[ERROR\]: /m, 's3api: [ERROR]: ');
}

const V29_USAGE_ERROR =
  /^\nusage: aws \[options\] <command> <subcommand> \[<subcommand> \.\.\.\] \[parameters\]\nTo see help text, you can run:\n\n {2}aws help\n {2}aws <command> help\n {2}aws <command> <subcommand> help\n\naws: error: ([\s\S]*)\n\n$/;

/**
 * A 2.9 argparse error (`usage… aws: error: MSG`) in the layout of the target version (≥ 2.34):
 * `s3api: [ERROR]: An error occurred (ParamValidation): MSG` followed by the usage block.
 */
export function v29UsageErrorAsHead(stderr: string): string {
  return asS3api(v29UsageErrorInHeadLayout(stderr));
}

/** The same, still as `aws` prints it. */
export function v29UsageErrorInHeadLayout(stderr: string): string {
  const match = V29_USAGE_ERROR.exec(stderr);
  if (!match) throw new Error(`not a 2.9 usage error: ${JSON.stringify(stderr)}`);
  return `\naws: [ERROR]: An error occurred (ParamValidation): ${match[1]}\n\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n`;
}
