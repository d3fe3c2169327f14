/**
 * What can be typed after `s3api`, derived from the operation tables: the commands, each
 * command's options with their values, and the global options. The shell completion scripts
 * and the interactive prompt both read this, so a new parameter is completed everywhere the
 * moment it is declared.
 */
import { OPERATIONS } from '../operations/index.js';
import { memberToFlag } from '../spec/flag-name.js';
import { GLOBAL_OPTIONS, OPERATION_EXTRA_OPTIONS, PAGINATION_OPTIONS, type OptionSpec } from '../spec/globals.js';
import type { OperationSpec } from '../spec/types.js';

export interface CompletableOption {
  readonly flag: string;
  readonly takesValue: boolean;
  readonly choices?: readonly string[];
  readonly help: string;
  readonly required?: boolean;
}

function fromOptionSpec(option: OptionSpec): CompletableOption {
  return { flag: option.flag, takesValue: option.arity !== 'flag', choices: option.choices, help: option.help };
}

export function operationOptions(operation: OperationSpec): CompletableOption[] {
  const options: CompletableOption[] = [];
  for (const param of operation.params) {
    if (param.hidden) continue;
    const flag = memberToFlag(param.member);
    if (param.type === 'boolean') {
      options.push({ flag, takesValue: false, help: param.help }, { flag: `--no-${flag.slice(2)}`, takesValue: false, help: param.help });
    } else {
      options.push({ flag, takesValue: true, choices: param.choices, help: param.help, required: param.required });
    }
  }
  options.push(...OPERATION_EXTRA_OPTIONS.map(fromOptionSpec));
  if (operation.paginator) options.push(...PAGINATION_OPTIONS.map(fromOptionSpec));
  return options;
}

export const GLOBALS: readonly CompletableOption[] = GLOBAL_OPTIONS.map(fromOptionSpec);

/** The words that can stand where the command goes. */
export const COMMANDS: readonly string[] = [...OPERATIONS.map((operation) => operation.name), 'help'];

/** Options whose value is a local path: completed with file names. */
export const PATH_FLAGS: ReadonlySet<string> = new Set(['--body', '--ca-bundle']);
