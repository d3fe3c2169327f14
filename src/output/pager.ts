/**
 * The output pager as the AWS CLI uses it: only when stdout is a terminal; the command from
 * AWS_PAGER (an empty value disables it) > profile `cli_pager` > PAGER > `less`; `--no-cli-pager`
 * wins over all; `LESS=FRX` when LESS is unset, so short output is printed and `less` exits.
 */
import { configurationError } from '../errors/errors.js';

export interface PagerSettings {
  readonly isTTY: boolean;
  readonly noCliPager: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly profilePager: string | undefined;
}

export function pagerCommand(settings: PagerSettings): string[] | undefined {
  if (!settings.isTTY || settings.noCliPager) return undefined;
  const command = settings.env.AWS_PAGER ?? settings.profilePager ?? settings.env.PAGER ?? 'less';
  const words = splitShellWords(command);
  return words.length > 0 ? words : undefined;
}

/** Environment for the pager process: LESS=FRX unless the user set LESS. */
export function pagerEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return env.LESS === undefined ? { ...env, LESS: 'FRX' } : { ...env };
}

/** Python's shlex.split for the common cases: whitespace, single and double quotes, backslash. */
export function splitShellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < command.length; index++) {
    const char = command[index];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && index + 1 < command.length) current += command[++index];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < command.length) {
      current += command[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The AWS CLI's message when the pager cannot be started (exit 253). */
export function pagerStartError(reason: string) {
  return configurationError(
    `Unable to redirect output to pager. Received the following error when opening pager:\n${reason}\n\nLearn more about configuring the output pager by running "aws help config-vars".`,
    'Pager',
  );
}

export interface PagerProcess {
  write(chunk: string): void;
  /** Ends the pager's input and waits until the user leaves it. */
  close(): Promise<void>;
}

export function spawnPager(command: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<PagerProcess> {
  return import('node:child_process').then(
    ({ spawn }) =>
      new Promise((resolve, reject) => {
        const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: pagerEnvironment(env) });
        child.once('error', (error: NodeJS.ErrnoException) => {
          const reason = error.code === 'ENOENT' ? `[Errno 2] No such file or directory: '${command[0]}'` : error.message;
          reject(pagerStartError(reason));
        });
        // Leaving the pager early closes its input; the rest of the output is dropped.
        child.stdin.on('error', () => undefined);
        child.once('spawn', () =>
          resolve({
            write: (chunk) => void child.stdin.write(chunk),
            close: () =>
              new Promise((done) => {
                child.once('close', () => done());
                child.stdin.end();
              }),
          }),
        );
      }),
  );
}
