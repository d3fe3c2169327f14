/**
 * The command line: a commander program built from the operation tables (one subcommand per
 * table, the global options on the program), with an adapter for the argparse rules of the AWS
 * CLI that commander does not have.
 *
 * Before commander, `prepareArguments` expands unique prefixes (`--buck` -> `--bucket`, with
 * argparse's ambiguity error), refuses an option-like value (`--key -foo`) and an explicit value
 * on a flag (`--debug=yes`), sets aside the words after a bare `--`, drops the service word of
 * `aws s3api …` when started as `aws`, and moves the command word first. commander then assigns values, checks choices and integers, handles `--help` and
 * collects the words and options it does not know. After it, `checkParsed` applies what argparse
 * does at the end: the `help` word, every missing required option at once, `Unknown options`.
 */
import { createRequire } from 'node:module';
import { earlyUsageError, usageError, unknownOptionsError, type CliError } from '../errors/errors.js';
import { OPERATIONS, findOperation } from '../operations/index.js';
import { memberToFlag } from '../spec/flag-name.js';
import {
  GLOBAL_OPTIONS,
  OPERATION_EXTRA_OPTIONS,
  PAGINATION_OPTIONS,
  type OptionSpec,
} from '../spec/globals.js';
import type { OperationSpec, ParamSpec } from '../spec/types.js';
import { closeMatches } from '../python/close-matches.js';
import { parseArgparseInt } from '../python/int.js';
import type { ParsedCommandLine } from '../pipeline/command-line.js';
import { operationHelp, programHelp } from './help.js';

// commander is CommonJS: required directly it loads in about three quarters of the time its ESM
// wrapper takes, and it is loaded on every start.
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');
type Command = import('commander').Command;

/** The parsed command line and, when help was asked for, the page commander produced ('' otherwise). */
export interface CommandLine extends ParsedCommandLine {
  readonly helpPage: string;
}

interface MutableResult {
  globals: Record<string, string | true>;
  params: Map<string, string | boolean>;
  extras: Record<string, string>;
}

/** One option of the command line, as the adapter and commander both need it. */
interface Candidate {
  readonly flag: string;
  readonly arity: OptionSpec['arity'];
  readonly choices?: readonly string[];
  readonly integer?: boolean;
  readonly constValue?: string;
  /** s3api's own option: it never takes a prefix an AWS CLI option would have taken. */
  readonly extension?: boolean;
  /** Where AWS CLI reports an error about it: its early parser only knows --profile and --debug. */
  readonly early?: boolean;
  readonly apply: (state: MutableResult, value: string | undefined) => void;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** The AWS CLI's early parser: it reads these two before the full command line is parsed. */
const EARLY_OPTIONS = new Set(['--profile', '--debug']);

const globalCandidates: readonly Candidate[] = GLOBAL_OPTIONS.map((option) => ({
  ...option,
  early: EARLY_OPTIONS.has(option.flag),
  apply: (state, value) => {
    state.globals[option.key] = value ?? true;
  },
}));

function extraCandidate(option: OptionSpec): Candidate {
  return {
    ...option,
    apply: (state, value) => {
      state.extras[option.key] = value ?? '';
    },
  };
}

/** The options of one operation, in the order argparse lists them in an ambiguity error. */
export function operationOptionFlags(operation: OperationSpec): string[] {
  return operationCandidates(operation).map((candidate) => candidate.flag);
}

function operationCandidates(operation: OperationSpec): Candidate[] {
  const candidates: Candidate[] = [];
  for (const param of operation.params) candidates.push(...paramCandidates(param));
  candidates.push(...OPERATION_EXTRA_OPTIONS.map(extraCandidate));
  if (operation.paginator) candidates.push(...PAGINATION_OPTIONS.map(extraCandidate));
  return candidates;
}

function paramCandidates(param: ParamSpec): Candidate[] {
  const flag = memberToFlag(param.member);
  const { extension } = param;
  if (param.type === 'boolean') {
    return [
      { flag, arity: 'flag', extension, apply: (state) => void state.params.set(param.member, true) },
      {
        flag: `--no-${flag.slice(2)}`,
        arity: 'flag',
        extension,
        apply: (state) => void state.params.set(param.member, false),
      },
    ];
  }
  return [
    {
      flag,
      arity: 'value',
      integer: param.type === 'long',
      extension,
      apply: (state, value) => void state.params.set(param.member, value ?? ''),
    },
  ];
}

/** argparse treats a token as an option unless it is a negative number or contains a space. */
function looksLikeOption(token: string): boolean {
  if (!token.startsWith('-') || token === '-') return false;
  if (NEGATIVE_NUMBER.test(token)) return false;
  return !token.includes(' ');
}

export type Resolution<T extends { flag: string }> = { match: T } | { ambiguous: T[] } | undefined;

function resolveAmong<T extends { flag: string }>(name: string, candidates: readonly T[]): Resolution<T> {
  const exact = candidates.find((candidate) => candidate.flag === name);
  if (exact) return { match: exact };
  const prefixed = candidates.filter((candidate) => candidate.flag.startsWith(name));
  if (prefixed.length === 1) return { match: prefixed[0] };
  if (prefixed.length > 1) return { ambiguous: prefixed };
  return undefined;
}

/**
 * argparse's unique-prefix matching, with s3api's extensions consulted only when no AWS CLI
 * option matches: `--bod` stays `--body` and an ambiguity error lists the AWS CLI's options
 * alone, whatever extensions a table adds.
 */
export function resolveFlag<T extends { flag: string; extension?: boolean }>(
  name: string,
  candidates: readonly T[],
): Resolution<T> {
  return (
    resolveAmong(
      name,
      candidates.filter((candidate) => !candidate.extension),
    ) ??
    resolveAmong(
      name,
      candidates.filter((candidate) => candidate.extension),
    )
  );
}

function invalidChoice(flag: string, value: string): CliError {
  return usageError(`argument ${flag}: Found invalid choice '${value}'\n`);
}

function invalidOperation(token: string): CliError {
  const suggestions = closeMatches(
    token,
    OPERATIONS.map((operation) => operation.name),
  );
  const hint = suggestions.length
    ? `\n\nMaybe you meant:\n\n${suggestions.map((name) => `  * ${name}`).join('\n')}`
    : '\n';
  return usageError(`argument operation: Found invalid choice '${token}'${hint}`);
}

/** A command word that is neither an operation nor `help`: reported after the global options. */
function checkCommandWord({ commandWord, operation }: PreparedArguments): void {
  if (commandWord !== undefined && commandWord !== 'help' && !operation) throw invalidOperation(commandWord);
}

function argumentError(candidate: Candidate, message: string): CliError {
  const text = `argument ${candidate.flag}: ${message}`;
  return candidate.early ? earlyUsageError(text) : usageError(text);
}

interface PositionedError {
  readonly error: CliError;
  readonly optionsBefore: number;
}

/** The command line as commander gets it, and what the adapter found on the way. */
interface PreparedArguments {
  /** The command word first, every option spelled out in full. */
  readonly forCommander: string[];
  readonly commandWord?: string;
  readonly operation?: OperationSpec;
  readonly operationOptions: readonly Candidate[];
  /**
   * Errors in the operation's options wait until commander has read the global options: the AWS
   * CLI's main parser reads those first (`--output xml` is reported first wherever it stands).
   * An ambiguous prefix is argparse's first complaint after that (it is found while the tokens
   * are classified, before any value is read).
   */
  readonly operationAmbiguity?: CliError;
  /**
   * The first `expected one argument` or `ignored explicit argument` in the operation's options,
   * left out of commander's arguments, and how many operation options commander reads before
   * it: an invalid value earlier on the line is reported instead, as argparse reads in order.
   */
  readonly operationArgumentError?: PositionedError;
  /** After a bare `--` argparse takes every token as a positional word, even `--help`. */
  readonly afterSeparator: readonly string[];
  readonly cliInputPresent: boolean;
  /** What argparse calls the missing first word: `command`, or `operation` after `aws s3api`. */
  readonly missingCommand: 'command' | 'operation';
}

/**
 * Started as `aws`, s3api takes the command lines of scripts written for the AWS CLI, where the
 * service comes first: `aws s3api upload-part …`.
 */
const AWS_PROGRAM = 'aws';
const SERVICE_WORD = 's3api';

function prepareArguments(argv: readonly string[], programName: string): PreparedArguments {
  const separator = argv.indexOf('--');
  const tokens = separator === -1 ? argv : argv.slice(0, separator);
  const expanded: string[] = [];
  let commandWord: string | undefined;
  let operation: OperationSpec | undefined;
  let operationOptions: readonly Candidate[] = [];
  let operationAmbiguity: CliError | undefined;
  let operationArgumentError: PositionedError | undefined;
  let operationOptionsRead = 0;
  let cliInputPresent = false;
  let serviceWordPending = programName === AWS_PROGRAM;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token.startsWith('--') || token === '--help') {
      if (serviceWordPending && token === SERVICE_WORD) {
        serviceWordPending = false;
      } else if (commandWord === undefined && !token.startsWith('-')) {
        commandWord = token;
        operation = findOperation(token);
        operationOptions = operation ? operationCandidates(operation) : [];
      } else {
        expanded.push(token);
      }
      continue;
    }
    if (token === '--cli-input-json' || token === '--cli-input-yaml') cliInputPresent = true;
    const equals = token.indexOf('=');
    const name = equals === -1 ? token : token.slice(0, equals);
    // The AWS CLI's main parser matches the global options first, against the whole command line.
    const globalResolution = resolveFlag(name, globalCandidates);
    const resolution = globalResolution ?? resolveFlag(name, operationOptions);
    if (resolution === undefined) {
      expanded.push(token);
      continue;
    }
    if ('ambiguous' in resolution) {
      const error = usageError(`ambiguous option: ${name} could match ${resolution.ambiguous.map((candidate) => candidate.flag).join(', ')}`);
      if (globalResolution) throw error;
      operationAmbiguity ??= error;
      continue;
    }
    const candidate = resolution.match;
    const inlineValue = equals === -1 ? undefined : token.slice(equals + 1);
    const next = tokens[index + 1];
    const valueFollows = inlineValue === undefined && next !== undefined && !looksLikeOption(next);
    const problem =
      inlineValue !== undefined && candidate.arity === 'flag'
        ? `ignored explicit argument '${inlineValue}'`
        : inlineValue === undefined && candidate.arity === 'value' && !valueFollows
          ? 'expected one argument'
          : undefined;
    if (problem !== undefined) {
      if (globalResolution) throw argumentError(candidate, problem);
      operationArgumentError ??= { error: argumentError(candidate, problem), optionsBefore: operationOptionsRead };
      continue;
    }
    if (!globalResolution) operationOptionsRead++;
    if (inlineValue !== undefined) {
      expanded.push(`${candidate.flag}=${inlineValue}`);
    } else {
      expanded.push(candidate.flag);
      if (candidate.arity !== 'flag' && valueFollows) expanded.push(tokens[++index]);
    }
  }
  return {
    forCommander: commandWord === undefined ? expanded : [commandWord, ...expanded],
    // `aws s3api` with nothing after it misses the operation, as the AWS CLI's s3api parser says.
    missingCommand: programName === AWS_PROGRAM && !serviceWordPending ? 'operation' : 'command',
    commandWord,
    operation,
    operationOptions,
    operationAmbiguity,
    operationArgumentError,
    afterSeparator: separator === -1 ? [] : argv.slice(separator + 1),
    cliInputPresent,
  };
}

/** Counts the options commander has read, so an invalid value can tell whether it comes first. */
interface ReadCounter {
  read: number;
  /** An error the adapter found, which wins if it stands before the current option. */
  readonly earlier?: PositionedError;
}

/** A commander option for one candidate; a listener records the value as commander reads it. */
function addCandidate(command: Command, candidate: Candidate, state: MutableResult, counter: ReadCounter): void {
  const placeholder = candidate.arity === 'value' ? ' <value>' : candidate.arity === 'optional-value' ? ' [value]' : '';
  const option = new Option(`${candidate.flag}${placeholder}`);
  const { choices, integer } = candidate;
  const invalid = (error: CliError): never => {
    const { earlier } = counter;
    throw earlier && earlier.optionsBefore <= counter.read ? earlier.error : error;
  };
  if (choices || integer) {
    option.argParser((value: string) => {
      if (choices && !choices.includes(value)) invalid(invalidChoice(candidate.flag, value));
      if (integer) {
        try {
          parseArgparseInt(candidate.flag, value);
        } catch (error) {
          invalid(error as CliError);
        }
      }
      return value;
    });
  }
  command.addOption(option);
  command.on(`option:${option.name()}`, (value: string | null | undefined) => {
    counter.read++;
    candidate.apply(state, value ?? candidate.constValue);
  });
}

/** What commander left over: unknown options and stray words, in the order they were typed. */
interface Leftover {
  readonly token: string;
  /** A positional word for argparse (not option-like, or after `--`). */
  readonly positional: boolean;
}

interface ProgramRun {
  program: Command;
  /** The subcommand commander dispatched to, with what it did not recognise. */
  dispatched?: Command;
}

function buildProgram(prepared: PreparedArguments, programName: string, state: MutableResult, writeHelp: (text: string) => void): ProgramRun {
  const run: ProgramRun = { program: new Command(programName) };
  const { program } = run;
  program
    .exitOverride()
    .configureOutput({ writeOut: writeHelp, writeErr: () => undefined, outputError: () => undefined })
    // The AWS CLI has no -h; `help` is a word the adapter handles, not a commander command.
    .helpOption('--help')
    .helpCommand(false)
    .configureHelp({
      formatHelp: (command) => {
        const operation = findOperation(command.name());
        return operation && command !== program ? operationHelp(operation) : programHelp(programName);
      },
    })
    .allowUnknownOption()
    .allowExcessArguments()
    // Only a word that names no operation gets here; `help` is checked after parsing.
    .action(() => checkCommandWord(prepared))
    // The global options are read by now: the operation's own errors come next. Only the
    // subcommand that runs gets its options, which keeps start-up from building all of them.
    .hook('preSubcommand', (_program, subcommand) => {
      if (prepared.operationAmbiguity) throw prepared.operationAmbiguity;
      const counter: ReadCounter = { read: 0, earlier: prepared.operationArgumentError };
      for (const candidate of prepared.operationOptions) addCandidate(subcommand, candidate, state, counter);
    });
  const globalsRead: ReadCounter = { read: 0 };
  for (const candidate of globalCandidates) addCandidate(program, candidate, state, globalsRead);
  for (const operation of OPERATIONS) {
    // program.command() passes on exitOverride, the output and the help configuration.
    const subcommand = program.command(operation.name).allowUnknownOption().allowExcessArguments();
    subcommand.action(() => {
      if (prepared.operationArgumentError) throw prepared.operationArgumentError.error;
      run.dispatched = subcommand;
    });
  }
  return run;
}

export function parseCommandLine(argv: readonly string[], programName: string): CommandLine {
  const prepared = prepareArguments(argv, programName);
  const state: MutableResult = { globals: {}, params: new Map(), extras: {} };
  let helpPage = '';
  const run = buildProgram(prepared, programName, state, (text) => (helpPage += text));
  const base = { operation: prepared.operation, cliInputPresent: prepared.cliInputPresent };
  try {
    run.program.parse(prepared.forCommander, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code !== 'commander.helpDisplayed') throw usageError(error.message.replace(/^error: /, ''));
    checkCommandWord(prepared);
    if (prepared.operationArgumentError) throw prepared.operationArgumentError.error;
    return { ...state, ...base, helpRequested: !state.globals.version, helpPage };
  }
  const leftovers: Leftover[] = [
    ...(run.dispatched?.args ?? []).map((token) => ({ token, positional: !looksLikeOption(token) })),
    ...prepared.afterSeparator.map((token) => ({ token, positional: true })),
  ];
  const parsed = checkParsed(state, prepared, leftovers, base);
  return { ...parsed, helpPage: parsed.helpRequested ? (run.dispatched ?? run.program).helpInformation() : '' };
}

/** argparse's checks after parsing, on what commander could not place. */
function checkParsed(
  state: MutableResult,
  prepared: PreparedArguments,
  leftovers: Leftover[],
  base: Pick<ParsedCommandLine, 'operation' | 'cliInputPresent'>,
): ParsedCommandLine {
  const { operation, commandWord } = prepared;
  if (state.globals.version) return { ...state, ...base, helpRequested: false };
  if (commandWord === undefined) throw usageError(`the following arguments are required: ${prepared.missingCommand}`);
  if (commandWord === 'help') return { ...state, ...base, helpRequested: true };
  // The AWS CLI's operation parser has an optional positional `help` argument: it takes the first
  // stray word, which shows the help page if it is `help` and is otherwise reported last among
  // the unknown options (`x --foo y` -> `Unknown options: --foo, y, x`).
  const helpIndex = leftovers.findIndex((leftover) => leftover.positional);
  const helpWord = helpIndex === -1 ? undefined : leftovers.splice(helpIndex, 1)[0].token;
  // `s3api <command> help` alone skips even the required options (ArgTableArgParser's special case).
  const operationArgumentsGiven = state.params.size > 0 || Object.keys(state.extras).length > 0 || leftovers.length > 0;
  if (helpWord === 'help' && !operationArgumentsGiven) return { ...state, ...base, helpRequested: true };
  // --generate-cli-skeleton input|yaml-input waives required options; `output` does not.
  const skeletonWaives = ['input', 'yaml-input'].includes(state.extras.generateCliSkeleton ?? '');
  if (operation && !skeletonWaives && !prepared.cliInputPresent) {
    const missing = operation.params
      .filter((param) => param.required && !state.params.has(param.member))
      .map((param) => memberToFlag(param.member));
    if (missing.length > 0) {
      throw usageError(`the following arguments are required: ${missing.join(', ')}`);
    }
  }
  if (helpWord === 'help') return { ...state, ...base, helpRequested: true };
  const unknown = leftovers.map((leftover) => leftover.token);
  if (helpWord !== undefined) unknown.push(helpWord);
  if (unknown.length > 0) throw unknownOptionsError(unknown);
  return { ...state, ...base, helpRequested: false };
}
