/**
 * `--cli-auto-prompt` as AWS CLI v2 runs it: `on` prompts before running, `on-partial` runs the
 * command as typed and prompts only when it fails with a usage error (252), whose message is
 * then not printed. Loaded only when a prompt mode is on, so other runs never load readline or
 * the completion data.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, quote } from 'shell-quote';
import { ExitCode } from '../errors/errors.js';
import type { CliIO } from '../pipeline/io.js';
import type { AutoPromptMode } from './auto-prompt-mode.js';
import { completeAt, helpAt, sharedPrefix, type ListDirectory } from './prompt-completion.js';
import { readCommandLine, type PromptTerminal } from './prompt-terminal.js';

export type RunCommand = (argv: readonly string[], io: CliIO, options?: { silenceUsageErrors?: boolean }) => Promise<number>;

/** prompt_toolkit's own warning when standard input is not a terminal; the AWS CLI then exits 255. */
const NOT_A_TERMINAL = 'Warning: Input is not a terminal (fd=0).\n\n\n';

/**
 * The typed arguments as an editable line. Only words that would not survive being split again
 * are quoted (the AWS CLI quotes the ones with spaces), so URLs and paths read as typed.
 */
function prefillLine(argv: readonly string[]): string {
  const words = argv.filter((word) => word !== '--cli-auto-prompt');
  const shown = words.map((word) => (word === '' || /[\s'"\\$`#;&|<>()*?[\]{}]/.test(word) ? quote([word]) : word));
  return words.length === 0 ? '' : `${shown.join(' ')} `;
}

/**
 * The edited line back into arguments, split as a shell would (the AWS CLI uses shlex.split).
 * Variables are not expanded: `$X` stays as typed, like in the AWS CLI's prompt.
 */
function lineArguments(line: string): string[] {
  return parse(line, (name) => `$${name}`).map((entry) => {
    if (typeof entry === 'string') return entry;
    if ('pattern' in entry) return entry.pattern;
    if ('comment' in entry) return `#${entry.comment}`;
    return entry.op;
  });
}

function directoryLister(cwd: string): ListDirectory {
  return (path) => {
    try {
      return readdirSync(resolve(cwd, path), { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        isDirectory: entry.isDirectory(),
      }));
    } catch {
      return [];
    }
  };
}

/** Prompts on the terminal; undefined when the user left with Ctrl-C or Ctrl-D. */
async function promptForArguments(argv: readonly string[], io: CliIO): Promise<string[] | undefined> {
  // The prompt is drawn where the user sees it even when stdout is redirected to a file.
  const output = (io.stdout.isTTY ? io.stdout : io.stderr) as unknown as PromptTerminal['output'];
  const listDirectory = directoryLister(io.cwd);
  const line = await readCommandLine(`> ${io.programName} `, prefillLine(argv), { input: io.stdin, output }, {
    complete: (text, cursor) => completeAt(text, cursor, listDirectory),
    helpAt,
    sharedPrefix,
  });
  return line === undefined ? undefined : lineArguments(line);
}

export async function runWithPrompt(mode: Exclude<AutoPromptMode, 'off'>, argv: readonly string[], io: CliIO, runCommand: RunCommand): Promise<number> {
  if (mode === 'on-partial') {
    const exitCode = await runCommand(argv, io, { silenceUsageErrors: true });
    if (exitCode !== ExitCode.usage) return exitCode;
  }
  if (!io.stdin.isTTY) {
    io.stderr.write(NOT_A_TERMINAL);
    return ExitCode.other;
  }
  const prompted = await promptForArguments(argv, io);
  return prompted === undefined ? ExitCode.interrupted : runCommand(prompted, io);
}
