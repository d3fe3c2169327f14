/**
 * bash and zsh completion scripts generated from the operation tables, so a new flag is
 * completed the moment it is declared. `npm run completions` writes them to completions/.
 */
import { OPERATIONS } from '../operations/index.js';
import { COMMANDS, GLOBALS, PATH_FLAGS, operationOptions, type CompletableOption } from './completable-options.js';

function valueCases(options: readonly CompletableOption[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (!option.choices || seen.has(option.flag)) continue;
    seen.add(option.flag);
    lines.push(`    ${option.flag}) COMPREPLY=($(compgen -W "${option.choices.join(' ')}" -- "$cur")); return ;;`);
  }
  return lines;
}

export function bashCompletion(): string {
  const commandCases = OPERATIONS.map((operation) => {
    const flags = [...operationOptions(operation), ...GLOBALS].map((option) => option.flag).join(' ');
    return `      ${operation.name}) opts="${flags}" ;;`;
  });
  const allOptions = [...GLOBALS, ...OPERATIONS.flatMap(operationOptions)];
  const pathFlags = [...PATH_FLAGS].join('|');
  return `# bash completion for s3api — generated from the operation tables by \`npm run completions\`.
_s3api() {
  local cur prev command opts word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases(allOptions).join('\n')}
    ${pathFlags}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  command=""
  local skip_value=""
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    if [[ -n "$skip_value" ]]; then skip_value=""; continue; fi
    case "$word" in
      ${GLOBALS.filter((option) => option.takesValue).map((option) => option.flag).join('|')}) skip_value=1 ;;
      -*) ;;
      *) command="$word"; break ;;
    esac
  done
  if [[ -z "$command" && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "${COMMANDS.join(' ')}" -- "$cur"))
    return
  fi
  case "$command" in
${commandCases.join('\n')}
      *) opts="${GLOBALS.map((option) => option.flag).join(' ')}" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _s3api s3api
`;
}

function zshSpec(option: CompletableOption): string {
  if (!option.takesValue) return `'${option.flag}'`;
  if (option.choices) return `'${option.flag}:value:(${option.choices.join(' ')})'`;
  if (PATH_FLAGS.has(option.flag)) return `'${option.flag}:file:_files'`;
  return `'${option.flag}:value:'`;
}

/**
 * Finds the command as the bash script does (skipping global options and their values), then
 * hands _arguments only the words from the command on: given the whole line, _arguments takes
 * the command name for a positional argument no spec allows and completes nothing.
 */
export function zshCompletion(): string {
  const commandCases = OPERATIONS.map(
    (operation) =>
      `    (${operation.name})\n      _arguments ${[...operationOptions(operation), ...GLOBALS].map(zshSpec).join(' ')}\n      ;;`,
  );
  return `#compdef s3api
# zsh completion for s3api — generated from the operation tables by \`npm run completions\`.
_s3api() {
  local -a commands
  commands=(${COMMANDS.join(' ')})
  local command='' skip_value='' word
  local -i i position=1
  for (( i = 2; i < CURRENT; i++ )); do
    word=\${words[i]}
    if [[ -n \$skip_value ]]; then skip_value=''; continue; fi
    case \$word in
      (${GLOBALS.filter((option) => option.takesValue).map((option) => option.flag).join('|')}) skip_value=1 ;;
      (-*) ;;
      (*) command=\$word; position=i; break ;;
    esac
  done
  if [[ -z \$command && -z \$skip_value && \${words[CURRENT]} != -* ]]; then
    _describe 'command' commands
    return
  fi
  if [[ -n \$command ]]; then
    words=("\${(@)words[position,-1]}")
    (( CURRENT -= position - 1 ))
  fi
  case \$command in
${commandCases.join('\n')}
    (*)
      _arguments ${GLOBALS.map(zshSpec).join(' ')}
      ;;
  esac
}
_s3api "$@"
`;
}
