/**
 * Command-line parsing with argparse's rules, driven by the operation table.
 *
 * commander (the stack's named parser) was measured against the AWS CLI's behaviour and
 * cannot reproduce it: it rejects unique-prefix abbreviations (`--buck` -> unknown option),
 * has no "ambiguous option" error, takes `--key -foo` as a value where argparse refuses it,
 * and reports only the first missing required option. Scripts depend on all four, so this
 * module implements the small subset of argparse the AWS CLI uses.
 */
import { usageError, unknownOptionsError, type CliError } from '../errors/errors.js';
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
import type { ParsedCommandLine } from '../pipeline/command-line.js';


/** One option the parser can match: a global, an operation parameter or an added option. */
interface Candidate {
  readonly flag: string;
  readonly arity: OptionSpec['arity'];
  readonly choices?: readonly string[];
  readonly integer?: boolean;
  readonly constValue?: string;
  readonly apply: (state: MutableResult, value: string | undefined) => void;
}

interface MutableResult {
  globals: Record<string, string | true>;
  params: Map<string, string | boolean>;
  extras: Record<string, string>;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

const globalCandidates: readonly Candidate[] = GLOBAL_OPTIONS.map((option) => ({
  ...option,
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
  if (param.type === 'boolean') {
    return [
      { flag, arity: 'flag', apply: (state) => void state.params.set(param.member, true) },
      {
        flag: `--no-${flag.slice(2)}`,
        arity: 'flag',
        apply: (state) => void state.params.set(param.member, false),
      },
    ];
  }
  return [
    {
      flag,
      arity: 'value',
      integer: param.type === 'long',
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

type Resolution = { candidate: Candidate } | { ambiguous: string[] } | undefined;

function resolve(name: string, candidates: readonly Candidate[]): Resolution {
  const exact = candidates.find((candidate) => candidate.flag === name);
  if (exact) return { candidate: exact };
  const prefixed = candidates.filter((candidate) => candidate.flag.startsWith(name));
  if (prefixed.length === 1) return { candidate: prefixed[0] };
  if (prefixed.length > 1) return { ambiguous: prefixed.map((candidate) => candidate.flag) };
  return undefined;
}

function invalidChoice(flag: string, value: string): CliError {
  return usageError(`argument ${flag}: Found invalid choice '${value}'\n`);
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const state: MutableResult = { globals: {}, params: new Map(), extras: {} };
  const leftovers: string[] = [];
  let operation: OperationSpec | undefined;
  let operationCandidatesList: Candidate[] = [];
  let commandToken: string | undefined;
  let helpRequested = false;
  let cliInputPresent = false;

  let index = 0;
  while (index < argv.length) {
    const token = argv[index++];
    if (token === '--help') {
      helpRequested = true;
      continue;
    }
    if (!token.startsWith('--') || token === '--') {
      if (commandToken === undefined && !token.startsWith('-')) {
        commandToken = token;
        if (token !== 'help') {
          operation = findOperation(token);
          if (!operation) throw invalidOperation(token);
          operationCandidatesList = operationCandidates(operation);
        }
      } else {
        leftovers.push(token);
      }
      continue;
    }
    if (token === '--cli-input-json' || token === '--cli-input-yaml') cliInputPresent = true;
    const equals = token.indexOf('=');
    const name = equals === -1 ? token : token.slice(0, equals);
    const inlineValue = equals === -1 ? undefined : token.slice(equals + 1);

    const resolution = resolve(name, globalCandidates) ?? resolve(name, operationCandidatesList);
    if (resolution === undefined) {
      leftovers.push(token);
      continue;
    }
    if ('ambiguous' in resolution) {
      throw usageError(`ambiguous option: ${name} could match ${resolution.ambiguous.join(', ')}`);
    }
    const { candidate } = resolution;
    let value: string | undefined;
    if (candidate.arity === 'flag') {
      if (inlineValue !== undefined) {
        throw usageError(`argument ${candidate.flag}: ignored explicit argument '${inlineValue}'`);
      }
    } else if (inlineValue !== undefined) {
      value = inlineValue;
    } else if (index < argv.length && !looksLikeOption(argv[index])) {
      value = argv[index++];
    } else if (candidate.arity === 'value') {
      throw usageError(`argument ${candidate.flag}: expected one argument`);
    } else {
      value = candidate.constValue;
    }
    if (value !== undefined && candidate.choices && !candidate.choices.includes(value)) {
      throw invalidChoice(candidate.flag, value);
    }
    if (value !== undefined && candidate.integer && !/^\s*[-+]?\d+\s*$/.test(value)) {
      throw usageError(`argument ${candidate.flag}: invalid int value: '${value}'`);
    }
    candidate.apply(state, value);
  }

  if (state.globals.version) {
    return { ...state, operation, helpRequested, cliInputPresent };
  }
  if (commandToken === undefined) {
    if (helpRequested) return { ...state, helpRequested, cliInputPresent };
    throw usageError('the following arguments are required: command');
  }
  if (commandToken === 'help') helpRequested = true;
  // The AWS CLI's operation parser has an optional positional `help` argument: it takes the first
  // stray word, which shows the help page if it is `help` and is otherwise reported last among
  // the unknown options (`x --foo y` -> `Unknown options: --foo, y, x`).
  const helpIndex = leftovers.findIndex((token) => !looksLikeOption(token));
  const helpWord = helpIndex === -1 ? undefined : leftovers.splice(helpIndex, 1)[0];
  // `s3api <command> help` alone skips even the required options (ArgTableArgParser's special case).
  const operationArgumentsGiven = state.params.size > 0 || Object.keys(state.extras).length > 0 || leftovers.length > 0;
  if (helpWord === 'help' && !operationArgumentsGiven) helpRequested = true;
  // --generate-cli-skeleton input|yaml-input waives required options; `output` does not.
  const skeletonWaives = ['input', 'yaml-input'].includes(state.extras.generateCliSkeleton ?? '');
  if (operation && !helpRequested && !skeletonWaives && !cliInputPresent) {
    const missing = operation.params
      .filter((param) => param.required && !state.params.has(param.member))
      .map((param) => memberToFlag(param.member));
    if (missing.length > 0) {
      throw usageError(`the following arguments are required: ${missing.join(', ')}`);
    }
  }
  if (helpWord === 'help') helpRequested = true;
  else if (helpWord !== undefined) leftovers.push(helpWord);
  if (leftovers.length > 0 && !helpRequested) throw unknownOptionsError(leftovers);
  return { ...state, operation, helpRequested, cliInputPresent };
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
