/**
 * The interactive command line of `--cli-auto-prompt`: Node's readline (editing keys, history
 * within the session) with our completer, and an area below the line for the help of the option
 * under the cursor and, after a Tab with several matches, the menu of candidates. The AWS CLI
 * draws a full-screen prompt_toolkit application; this is a single line that scrolls with the
 * terminal like any shell prompt.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Completion, PromptCandidate } from './prompt-completion.js';

export interface PromptTerminal {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly output: NodeJS.WritableStream & { columns?: number };
}

export interface PromptBehaviour {
  readonly complete: (line: string, cursor: number) => Completion;
  readonly helpAt: (line: string, cursor: number) => string | undefined;
  readonly sharedPrefix: (candidates: readonly PromptCandidate[]) => string;
}

const MENU_ROWS = 8;
const ESC = '\u001b';

/** Candidates as menu rows: required options marked, as in the AWS CLI's completion menu. */
function menuRows(candidates: readonly PromptCandidate[]): string[] {
  const width = Math.max(...candidates.map((candidate) => candidate.text.length + (candidate.required ? 11 : 0)));
  const rows = candidates.slice(0, MENU_ROWS).map((candidate) => {
    const label = `${candidate.text}${candidate.required ? ' (required)' : ''}`;
    return candidate.help ? `  ${label.padEnd(width)}  ${candidate.help}` : `  ${label}`;
  });
  if (candidates.length > MENU_ROWS) rows.push(`  … ${candidates.length - MENU_ROWS} more`);
  return rows;
}

/**
 * Draws lines below the command line and puts the cursor back. Room is made first (newlines,
 * then up again), so a prompt on the terminal's last row scrolls instead of losing the cursor.
 */
function drawBelow(rl: Interface, output: PromptTerminal['output'], prompt: string, lines: readonly string[]): void {
  const columns = output.columns ?? 80;
  const cursor = rl.getCursorPos();
  const lineRows = Math.floor((prompt.length + rl.line.length) / columns);
  const down = lineRows - cursor.rows + lines.length;
  let text = `${'\n'.repeat(down)}${ESC}[${down}A${ESC}[${cursor.cols + 1}G${ESC}7`;
  if (lineRows > cursor.rows) text += `${ESC}[${lineRows - cursor.rows}B`;
  for (const line of lines) text += `\r\n${ESC}[2K${line.slice(0, columns - 1)}`;
  text += `${ESC}[J${ESC}8`;
  output.write(text);
}

/**
 * Shows `prefill` as an editable line after `prompt`, cursor at the end. Resolves with the line
 * on Enter, or undefined on Ctrl-C or Ctrl-D.
 */
export function readCommandLine(
  prompt: string,
  prefill: string,
  terminal: PromptTerminal,
  behaviour: PromptBehaviour,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    let menu: readonly string[] = [];
    const rl = createInterface({
      input: terminal.input,
      output: terminal.output,
      terminal: true,
      prompt,
      completer: (textBeforeCursor: string, callback: (error: null, result: [string[], string]) => void) => {
        const completion = behaviour.complete(rl.line, textBeforeCursor.length);
        const typed = rl.line.slice(completion.start, textBeforeCursor.length);
        const { candidates } = completion;
        const only = candidates.length === 1 ? candidates[0].text : undefined;
        const insert = only !== undefined ? (only.endsWith('/') ? only : `${only} `) : behaviour.sharedPrefix(candidates);
        menu = candidates.length > 1 ? menuRows(candidates) : [];
        // readline lists the candidates itself on a second Tab; it gets only what to insert.
        callback(null, [insert.length > typed.length ? [insert] : [], typed]);
      },
    });
    let settled = false;
    const finish = (line: string | undefined) => {
      if (settled) return;
      settled = true;
      terminal.input.removeListener('keypress', redraw);
      rl.close();
      resolve(line);
    };
    function redraw(): void {
      if (settled) return;
      const help = behaviour.helpAt(rl.line, rl.cursor);
      drawBelow(rl, terminal.output, prompt, [...(help ? [help] : []), ...menu]);
      menu = [];
    }
    rl.on('line', (line) => {
      terminal.output.write(`${ESC}[J`);
      finish(line);
    });
    rl.on('SIGINT', () => {
      terminal.output.write(`\n${ESC}[J`);
      finish(undefined);
    });
    rl.on('close', () => finish(undefined));
    // After readline has handled the key, so the help follows the edited line.
    terminal.input.on('keypress', redraw);
    rl.prompt();
    rl.write(prefill);
    redraw();
  });
}
