/**
 * run(argv, io) -> exit code. The whole CLI runs in-process with injected IO, so tests give
 * argv and read stdout, stderr, the exit code and the SDK input.
 */
import { homedir as osHomedir, release } from 'node:os';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { parseCommandLine } from './cli/argv.js';
import type { ParsedCommandLine } from './pipeline/command-line.js';
import { nodeFileSystem } from './input/paramfile.js';
import { CliError, ExitCode, generalError, paramError } from './errors/errors.js';
import { DEFAULT_PROGRAM, formatError, type StructuredErrorRenderer } from './errors/report.js';
import { assertEndpointScheme, errorFormatSetting } from './config/settings.js';
import type { CliIO } from './pipeline/io.js';
import { rawOptionValue } from './cli/raw-option.js';
import { autoPromptMode, type AutoPromptMode } from './cli/auto-prompt-mode.js';
import type { DebugLog } from './output/debug-log.js';
import type { ErrorFormat } from './spec/globals.js';

/**
 * The program name from the path it was started by: `aws` through an `aws` link, `s3api` for
 * bin/s3api.js (the file's `.js` is not part of the command's name).
 */
export function programNameFrom(scriptPath: string | undefined): string {
  const name = scriptPath === undefined ? '' : basename(scriptPath).replace(/\.(?:c|m)?js$/, '');
  return name === '' ? DEFAULT_PROGRAM : name;
}

export function processIO(scriptPath: string | undefined): CliIO {
  return {
    programName: programNameFrom(scriptPath),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    homedir: osHomedir(),
    fs: nodeFileSystem,
    connect: async (settings) => (await import('./s3/client.js')).createSdkPort(settings),
    openPager: async (command, env) => (await import('./output/pager.js')).spawnPager(command, env),
  };
}

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export function versionLine(env: Readonly<Record<string, string | undefined>>): string {
  const execEnv = env.AWS_EXECUTION_ENV ? ` exec-env/${env.AWS_EXECUTION_ENV}` : '';
  return `s3api/${version} Node.js/${process.versions.node} ${osName()}/${release()}${execEnv} source/${process.arch}`;
}

function osName(): string {
  return process.platform === 'linux' ? 'Linux' : process.platform === 'darwin' ? 'Darwin' : process.platform;
}

/** Checks the AWS CLI makes on global options before any work. */
function checkGlobalOptions(parsed: ParsedCommandLine): void {
  const { globals } = parsed;
  if (typeof globals.endpointUrl === 'string') assertEndpointScheme(globals.endpointUrl);
}

/** Structured error formats print the error with the normal formatters (table title `error`). */
async function structuredErrorRenderer(): Promise<StructuredErrorRenderer> {
  const { formatValue } = await import('./output/render.js');
  return (format, value) => formatValue(value, { format, title: 'error', color: false, width: 80 });
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // A config file that cannot be read is reported by the command run itself.
  const mode = await autoPromptMode(argv, io.env, io.homedir).catch((): AutoPromptMode => 'off');
  if (mode === 'off') return runCommand(argv, io);
  const { runWithPrompt } = await import('./cli/auto-prompt.js');
  return runWithPrompt(mode, argv, io, runCommand);
}

/**
 * One run of the command as typed. With `silenceUsageErrors` a 252 is returned without its
 * message: `on-partial` then prompts instead (the AWS CLI's SilenceParamValidationMsgErrorHandler).
 */
async function runCommand(argv: readonly string[], io: CliIO, options: { silenceUsageErrors?: boolean } = {}): Promise<number> {
  // Read before parsing, so that argument errors are printed in the requested format too.
  let errorFormat: ErrorFormat = errorFormatSetting(rawOptionValue(argv, '--cli-error-format'), io.env);
  let log: DebugLog | undefined;
  try {
    // The AWS CLI looks at the raw arguments for the prompt flags before parsing anything.
    if (argv.includes('--cli-auto-prompt') && argv.includes('--no-cli-auto-prompt')) {
      throw paramError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
    }
    const parsed = parseCommandLine(argv, io.programName);
    errorFormat = errorFormatSetting(parsed.globals.cliErrorFormat as string | undefined, io.env);
    if (parsed.globals.version) {
      io.stdout.write(`${versionLine(io.env)}\n`);
      return ExitCode.ok;
    }
    if (parsed.helpRequested) {
      io.stdout.write(parsed.helpPage);
      return ExitCode.ok;
    }
    log = await startLog(parsed, argv, io);
    checkGlobalOptions(parsed);
    const skeleton = parsed.extras.generateCliSkeleton;
    if (skeleton === 'input' || skeleton === 'yaml-input') {
      // From the operation table alone: no argument processing, no configuration, no SDK.
      const { inputSkeleton } = await import('./input/skeleton.js');
      io.stdout.write(inputSkeleton(parsed.operation!, skeleton));
      return ExitCode.ok;
    }
    // The pipeline (formatters, SDK) is loaded only when a command runs: --help stays fast.
    const { runOperation } = await import('./pipeline/run-operation.js');
    await runOperation(parsed, io, log);
    return ExitCode.ok;
  } catch (error) {
    log?.debug('awscli.clidriver', `Exception caught in main()\n${error instanceof Error ? error.stack : String(error)}`);
    const cliError = error instanceof CliError ? error : generalError(describeUnexpected(error));
    if (options.silenceUsageErrors && cliError.exitCode === ExitCode.usage) return cliError.exitCode;
    io.stderr.write(await formatError(cliError, errorFormat, await structuredErrorRenderer(), io.programName));
    return cliError.exitCode;
  }
}

/** Warnings, and with --debug the log, which opens as the AWS CLI's does: version, arguments. */
async function startLog(parsed: ParsedCommandLine, argv: readonly string[], io: CliIO): Promise<DebugLog> {
  const { DebugLog } = await import('./output/debug-log.js');
  const log = new DebugLog(io.stderr, parsed.globals.debug === true, io.env);
  log.debug('awscli.clidriver', `CLI version: ${versionLine(io.env)}`);
  log.logArguments(argv);
  return log;
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
