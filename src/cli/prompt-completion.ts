/**
 * What the interactive prompt (`--cli-auto-prompt`) offers for the word under the cursor, and the
 * help line it shows below the command line. Pure: the line and the cursor in, candidates out;
 * directory listings come through an injected function.
 */
import { findOperation } from '../operations/index.js';
import { COMMANDS, GLOBALS, PATH_FLAGS, operationOptions, type CompletableOption } from './completable-options.js';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Lists a directory; an unreadable one lists as empty. */
export type ListDirectory = (path: string) => readonly DirectoryEntry[];

export interface PromptCandidate {
  /** What replaces the word being completed. */
  readonly text: string;
  /** Required by the command and not given yet: marked in the menu. */
  readonly required?: boolean;
  readonly help?: string;
}

export interface Completion {
  /** Where the word being completed starts; it ends at the cursor. */
  readonly start: number;
  readonly candidates: readonly PromptCandidate[];
}

interface LineContext {
  /** The words before the one being completed (the program name is the prompt, not a word). */
  readonly words: readonly string[];
  /** The word being completed: from its start to the cursor. */
  readonly word: string;
  readonly wordStart: number;
}

const PARAMFILE_PREFIXES = ['fileb://', 'file://'];

/**
 * Splits the text before the cursor into finished words and the word being typed. Quotes group
 * characters as in a shell, so `--key 'a b` completes the word `a b`.
 */
function lineContext(line: string, cursor: number): LineContext {
  const words: string[] = [];
  let current = '';
  let currentStart = 0;
  let inWord = false;
  let quote: string | undefined;
  for (let index = 0; index < cursor; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
      continue;
    }
    if (char === ' ' || char === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    if (!inWord) currentStart = index;
    inWord = true;
    if (char === '"' || char === "'") quote = char;
    else current += char;
  }
  return { words, word: inWord ? current : '', wordStart: inWord ? currentStart : cursor };
}

/** The command word, skipping global options and their values. */
function commandOf(words: readonly string[]): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (word.startsWith('-')) {
      if (GLOBALS.find((option) => option.flag === word)?.takesValue) index++;
      continue;
    }
    return word;
  }
  return undefined;
}

function optionsFor(command: string | undefined): readonly CompletableOption[] {
  const operation = command ? findOperation(command) : undefined;
  return operation ? [...operationOptions(operation), ...GLOBALS] : GLOBALS;
}

/** Options not given yet come first, the required ones of those at the top. */
function optionCandidates(options: readonly CompletableOption[], given: ReadonlySet<string>, prefix: string): PromptCandidate[] {
  const matching = options.filter((option) => option.flag.startsWith(prefix));
  const rank = (option: CompletableOption) => (given.has(option.flag) ? 2 : option.required ? 0 : 1);
  return matching
    .map((option, order) => ({ option, order }))
    .sort((left, right) => rank(left.option) - rank(right.option) || left.order - right.order)
    .map(({ option }) => ({
      text: option.flag,
      required: option.required === true && !given.has(option.flag),
      help: option.help,
    }));
}

function pathCandidates(typed: string, listDirectory: ListDirectory, prefix = ''): PromptCandidate[] {
  const slash = typed.lastIndexOf('/');
  const directory = slash < 0 ? '' : typed.slice(0, slash + 1);
  const base = typed.slice(slash + 1);
  return listDirectory(directory === '' ? '.' : directory)
    .filter((entry) => entry.name.startsWith(base) && (base.startsWith('.') || !entry.name.startsWith('.')))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
    .map((entry) => ({ text: `${prefix}${directory}${entry.name}${entry.isDirectory ? '/' : ''}` }));
}

export function completeAt(line: string, cursor: number, listDirectory: ListDirectory): Completion {
  const { words, word, wordStart } = lineContext(line, cursor);
  const command = commandOf(words);
  const options = optionsFor(command);
  const previous = options.find((option) => option.flag === words[words.length - 1]);
  const at = (candidates: PromptCandidate[]): Completion => ({ start: wordStart, candidates });

  const paramfile = PARAMFILE_PREFIXES.find((prefix) => word.startsWith(prefix));
  if (paramfile) return at(pathCandidates(word.slice(paramfile.length), listDirectory, paramfile));
  if (previous?.takesValue) {
    if (previous.choices) return at(previous.choices.filter((choice) => choice.startsWith(word)).map((text) => ({ text })));
    if (PATH_FLAGS.has(previous.flag)) return at(pathCandidates(word, listDirectory));
    return at([]);
  }
  if (command === undefined && !word.startsWith('-')) {
    return at(COMMANDS.filter((name) => name.startsWith(word)).map((text) => ({ text })));
  }
  if (word.startsWith('-') || word === '') return at(optionCandidates(options, new Set(words), word));
  return at([]);
}

/** The one-line help of the option under the cursor, or of the option whose value is typed. */
export function helpAt(line: string, cursor: number): string | undefined {
  const { words, word } = lineContext(line, cursor);
  const options = optionsFor(commandOf(words));
  const describe = (flag: string | undefined) => {
    const option = options.find((candidate) => candidate.flag === flag);
    return option ? `${option.flag}${option.required ? ' (required)' : ''}: ${option.help}` : undefined;
  };
  if (word.startsWith('-')) return describe(word) ?? describe(optionCandidates(options, new Set(words), word)[0]?.text);
  const previous = words[words.length - 1];
  return previous?.startsWith('-') ? describe(previous) : undefined;
}

/** The text that every candidate starts with: what a Tab can insert without choosing. */
export function sharedPrefix(candidates: readonly PromptCandidate[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0].text;
  for (const candidate of candidates) {
    while (!candidate.text.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
