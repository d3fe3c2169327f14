/**
 * A real terminal for tests: tmux on a private socket (so no developer's own tmux server is
 * touched), a command started in a fixed-size window, keys typed with send-keys and the screen
 * read with capture-pane — what a person at the terminal types and sees.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface Terminal {
  /** Types keys: literal text, or tmux key names such as `Tab`, `Enter`, `C-c`. */
  send(...keys: string[]): void;
  type(text: string): void;
  screen(): string;
  /** Polls the screen until it satisfies `ready`; fails with the last screen after `timeoutMs`. */
  waitFor(ready: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): void;
}

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function openTerminal(command: string, options: { columns?: number; rows?: number; cwd?: string } = {}): Terminal {
  const socket = `s3api-test-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  tmux(
    'new-session', '-d', '-s', 'test',
    '-x', String(options.columns ?? 120), '-y', String(options.rows ?? 30),
    ...(options.cwd ? ['-c', options.cwd] : []),
    // The window stays open after the command ends, so its last screen can still be read.
    `${command}; echo "[exit $?]"; sleep 600`,
  );
  const screen = () => tmux('capture-pane', '-p', '-t', 'test');
  return {
    send: (...keys) => void tmux('send-keys', '-t', 'test', '--', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'test', '-l', '--', text),
    screen,
    async waitFor(ready, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last = screen();
      while (!ready(last)) {
        if (Date.now() > deadline) throw new Error(`the terminal never showed what was expected; it shows:\n${last}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        last = screen();
      }
      return last;
    },
    close: () => {
      try {
        tmux('kill-server');
      } catch {
        // Already gone: the session ended with its command.
      }
    },
  };
}
