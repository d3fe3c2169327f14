/**
 * Progress of a long upload-part on a terminal (s3api only): one line on stderr, redrawn in
 * place and cleared when the command ends, so stdout stays exactly the AWS CLI's. Shown only
 * when stderr is a terminal, never under CI, --debug, S3API_NO_PROGRESS or
 * `s3api_progress = false` in the profile, and only once a part has taken about a second.
 *
 * Our own small renderer rather than cli-progress: one line of four fields needs no bar
 * layout engine, the rate and time left must restart with each phase and each retried
 * attempt (cli-progress keeps one ETA buffer per bar), and the line must never be drawn for a
 * fast part, which is a timer, not a bar option. It costs nothing to load.
 */
import type { OutputStream } from '../pipeline/io.js';

/** A part that finishes sooner shows nothing. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 250;
/** Carriage return, then erase the whole line: the next draw or the end starts on a clean line. */
const ERASE_LINE = '\r\x1b[2K';

export interface ProgressWanted {
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly debug: boolean;
  /** The profile's `s3api_progress` config value. */
  readonly profileSetting: string | undefined;
}

export function progressWanted({ stderr, env, debug, profileSetting }: ProgressWanted): boolean {
  if (stderr.isTTY !== true || debug) return false;
  // CI services set CI (to "true", "1" or a name); S3API_NO_PROGRESS=0 keeps progress on.
  if (env.CI) return false;
  if (env.S3API_NO_PROGRESS && env.S3API_NO_PROGRESS !== '0') return false;
  return profileSetting?.trim().toLowerCase() !== 'false';
}

export interface ProgressState {
  /** What is being done: `Uploading`, `CRC64NVME checksum`, `Reading standard input`. */
  readonly phase: string;
  readonly done: number;
  /** Undefined while reading a source of unknown size. */
  readonly total?: number;
  /** Time spent in this phase (this attempt, for a retried upload). */
  readonly elapsedMs: number;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** `Uploading  12.0 MiB / 64.0 MiB  18%  3.2 MiB/s  0:16 left`, cut to the terminal's width. */
export function formatProgressLine(state: ProgressState, columns: number): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const fields = [state.phase];
  if (state.total === undefined) {
    fields.push(formatBytes(state.done));
  } else {
    const percent = state.total > 0 ? Math.floor((100 * state.done) / state.total) : 100;
    fields.push(`${formatBytes(state.done)} / ${formatBytes(state.total)}`, `${percent}%`);
  }
  fields.push(`${formatBytes(Math.round(rate))}/s`);
  // All bytes are out: what is left is S3 storing the part and answering.
  if (state.total !== undefined && state.done >= state.total) fields.push('waiting for S3');
  else if (state.total !== undefined && rate > 0) fields.push(`${formatDuration((state.total - state.done) / rate)} left`);
  // One column short of the width: a line that fills the last column wraps on some terminals.
  return fields.join('  ').slice(0, Math.max(0, columns - 1));
}

/** The line on stderr: updates record the state, a timer draws it, clear() erases it. */
export class ProgressLine {
  private state: { phase: string; done: number; total?: number; phaseStart: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;
  private readonly started = Date.now();
  // Ctrl-C ends the process with process.exit(130) (bin/s3api.js): the line is erased then too.
  private readonly clearOnExit = () => this.clear();

  constructor(private readonly stderr: OutputStream) {}

  /** A phase restarts its rate when it changes or its count goes back (a retried attempt). */
  update(phase: string, done: number, total?: number): void {
    const restarted = this.state === undefined || this.state.phase !== phase || done < this.state.done;
    const phaseStart = restarted ? Date.now() : this.state!.phaseStart;
    this.state = { phase, done, total, phaseStart };
    // unref: the timer never keeps a finished command alive.
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.draw(), REDRAW_EVERY_MS).unref();
      process.once('exit', this.clearOnExit);
    }
  }

  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    process.removeListener('exit', this.clearOnExit);
    if (this.drawn) this.stderr.write(ERASE_LINE);
    this.drawn = false;
  }

  private draw(): void {
    if (this.state === undefined || Date.now() - this.started < SHOW_AFTER_MS) return;
    const { phase, done, total, phaseStart } = this.state;
    const line = formatProgressLine({ phase, done, total, elapsedMs: Date.now() - phaseStart }, this.stderr.columns ?? 80);
    this.stderr.write(`${ERASE_LINE}${line}`);
    this.drawn = true;
  }
}
