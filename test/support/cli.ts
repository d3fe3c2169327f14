/**
 * Running s3api in tests: in-process through run(argv, io) with captured streams (and, when
 * asked, a fake S3 that records the SDK input), or as a real child process of bin/s3api.js
 * (optionally with the AWS SDK refused, to prove a command starts without it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { AwsChunkedBody, FileBody } from '../../src/s3/body.js';
import { collectSent, decodeAwsChunked } from './aws-chunked.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli.js';
import type { CliIO } from '../../src/pipeline/io.js';
import type { ClientSettings } from '../../src/config/settings.js';
import { nodeFileSystem } from '../../src/input/paramfile.js';
import { pagerStartError } from '../../src/output/pager.js';
import { createSdkPort, type S3Port } from '../../src/s3/client.js';

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface SdkCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly settings: ClientSettings;
  /** The bytes of a file body, read when it was sent (a spooled body is gone after the run). */
  readonly sentBody?: Buffer;
  /** The checksum trailer of an aws-chunked body (upload-part over https). */
  readonly trailer?: { readonly name: string; readonly value: string };
}

/**
 * The checksum a call sends for `algorithm`: in its header (the SDK input member) or, over
 * https, in its aws-chunked trailer.
 */
export function sentChecksum(call: SdkCall, algorithm: string): unknown {
  const header = call.input[`Checksum${algorithm}`];
  if (header !== undefined) return header;
  return call.trailer?.name === `x-amz-checksum-${algorithm.toLowerCase()}` ? call.trailer.value : undefined;
}

export interface InProcessOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly homedir?: string;
  readonly tty?: { columns: number };
  /** Records what would be sent to a pager instead of starting one. */
  readonly pager?: { command?: readonly string[]; text: string; fails?: boolean };
  /** Standard input of the run (`--body -`); empty when not given. */
  readonly stdin?: string | Buffer;
  /** stderr is a terminal of this width (the progress line's condition). */
  readonly stderrTty?: { columns: number };
  /**
   * Answer SDK calls with these responses instead of talking to a server: a fixed response per
   * operation, or a function of the SDK input (pages that depend on the markers sent).
   */
  readonly fakeResponses?: Record<string, FakeResponse>;
  /** The name the program was started as (default `s3api`). */
  readonly programName?: string;
}

export type FakeResponse = Record<string, unknown> | ((input: Record<string, unknown>) => Record<string, unknown>);

/** moto takes any keys; another endpoint (S3API_TEST_ENDPOINT) needs the ones given for it. */
const externalEndpoint = process.env.S3API_TEST_ENDPOINT ? process.env : {};

export const TEST_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: externalEndpoint.AWS_ACCESS_KEY_ID ?? 'testing',
  AWS_SECRET_ACCESS_KEY: externalEndpoint.AWS_SECRET_ACCESS_KEY ?? 'testing',
  AWS_DEFAULT_REGION: 'us-east-1',
};

/** A HOME with no ~/.aws, so the developer's own config never leaks into a test. */
export function emptyHome(): string {
  return mkdtempSync(join(tmpdir(), 's3api-home-'));
}

export async function runInProcess(
  argv: readonly string[],
  options: InProcessOptions = {},
): Promise<CliResult & { calls: SdkCall[] }> {
  let stdout = '';
  let stderr = '';
  const calls: SdkCall[] = [];
  const fake = options.fakeResponses;
  const io: CliIO = {
    programName: options.programName ?? 's3api',
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty !== undefined, columns: options.tty?.columns },
    stderr: {
      write: (chunk: string) => (stderr += chunk),
      isTTY: options.stderrTty !== undefined,
      columns: options.stderrTty?.columns,
    },
    env: options.env ?? { ...TEST_CREDENTIALS },
    cwd: options.cwd ?? process.cwd(),
    homedir: options.homedir ?? emptyHome(),
    fs: nodeFileSystem,
    openPager: async (command) => {
      const pager = options.pager;
      if (!pager) throw new Error('no pager expected in this test');
      if (pager.fails) throw pagerStartError(`[Errno 2] No such file or directory: '${command[0]}'`);
      pager.command = command;
      return { write: (chunk) => void (pager.text += chunk), close: async () => undefined };
    },
    connect: async (settings: ClientSettings): Promise<S3Port> => {
      if (!fake) {
        const real = await createSdkPort(settings);
        return {
          send: async (operation, input) => {
            calls.push({ operation, input, settings });
            return real.send(operation, input);
          },
        };
      }
      return {
        send: async (operation, input) => {
          if (input.Body instanceof AwsChunkedBody) {
            const { data, trailer } = decodeAwsChunked(await collectSent(await input.Body.open()));
            calls.push({ operation, input, settings, sentBody: data, trailer });
          } else {
            calls.push({ operation, input, settings, sentBody: input.Body instanceof FileBody ? readFileBody(input.Body) : undefined });
          }
          const response = fake[operation];
          if (!response) throw new Error(`no fake response for ${operation}`);
          return typeof response === 'function' ? response(input) : response;
        },
      };
    },
  };
  const exitCode = await run(argv, io);
  return { stdout, stderr, exitCode, calls };
}

function readFileBody(body: FileBody): Buffer {
  const handle = openSync(body.path, 'r');
  try {
    const bytes = Buffer.alloc(body.length);
    readSync(handle, bytes, 0, body.length, body.start);
    return bytes;
  } finally {
    closeSync(handle);
  }
}

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');

/**
 * One code cache for every spawned run (src/startup/code-cache.ts), as a user's runs share
 * theirs: each fresh HOME would otherwise get a cache of its own, 1.5 MB left in $TMPDIR a run.
 */
const CODE_CACHE = { XDG_CACHE_HOME: join(tmpdir(), 's3api-test-code-cache') };

/** The built CLI as a user runs it (needs `npm run build`, which `npm test` does first). */
export function spawnCli(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: emptyHome(), ...CODE_CACHE, ...TEST_CREDENTIALS, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
}

/** The built CLI as a child process that runs alongside others; stdin stays open for the test. */
export function startCli(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: emptyHome(), ...CODE_CACHE, ...TEST_CREDENTIALS, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<CliResult>((done) => child.on('close', (code) => done({ stdout, stderr, exitCode: code ?? -1 })));
  return { child, result };
}

/**
 * Runs the built CLI with hooks that refuse to load the packages `refused` matches (by default
 * the AWS SDK and its Smithy runtime), through import (a resolve hook) and through require()
 * (Module._load), so loading one turns into an error the command reports. The bundled build
 * (scripts/build-bundle.mjs) requires a library as `./vendor/NAME.cjs` and reads the SDK from
 * sdk.cjs and config.cjs for its code-cache loader: each is refused under a package's name.
 */
export function spawnWithoutSdk(argv: readonly string[], refused = '^@(aws-sdk|smithy)/'): CliResult {
  const dir = mkdtempSync(join(tmpdir(), 's3api-nosdk-'));
  const check = `function check(specifier) {
  const name = String(specifier).replace(/^\\.\\/vendor\\/(.+)\\.cjs$/, '$1');
  if (new RegExp(${JSON.stringify(refused)}).test(name)) throw new Error('SDK import refused: ' + name);
}`;
  writeFileSync(
    join(dir, 'hook.mjs'),
    `${check}\nexport async function resolve(specifier, context, next) {\n  check(specifier);\n  return next(specifier, context);\n}\n`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import Module, { register } from 'node:module';
import fs from 'node:fs';
${check}
const load = Module._load;
Module._load = function (specifier, ...rest) {
  check(specifier);
  return load.call(this, specifier, ...rest);
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).endsWith('/dist/bundle/sdk.cjs')) check('@aws-sdk/client-s3');
  if (String(path).endsWith('/dist/bundle/config.cjs')) check('@smithy/core/config');
  return readFileSync.call(this, path, ...rest);
};
register('./hook.mjs', import.meta.url);
`,
  );
  return spawnCli(argv, { env: { NODE_OPTIONS: `--import ${join(dir, 'register.mjs')}` } });
}
