/**
 * A `--body` whose size stat cannot tell: `-` (standard input), a FIFO such as `<(tar c dir)`,
 * a character device, or a /proc file (a regular file of stat size 0 that has content). S3
 * needs the length before the first byte and a retried part must resend identical bytes, so
 * such a body is read once into a temporary file (at most one part: 5 GiB) and then uploaded
 * like any file. The AWS CLI sends a /proc file as an empty part and refuses FIFOs.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { paramError } from '../errors/errors.js';
import { FileBody } from '../s3/body.js';
import { MAX_PART_BYTES } from './body-slice.js';

/** Standard input, as `--body -` names it. */
export const STDIN = '-';

export class UnsizedBody {
  /** `source` is STDIN or the resolved path; `shownAs` is what the user typed. */
  constructor(
    readonly source: string,
    readonly shownAs: string,
  ) {}
}

/**
 * The temporary files of one run. Removed by remove() when the command ends either way, and on
 * process exit too: Ctrl-C ends the process with process.exit(130) (bin/s3api.js), which runs
 * no finally block but does run 'exit' listeners.
 */
export class Scratch {
  private dir: string | undefined;
  private readonly removeOnExit = () => this.remove();

  constructor(private readonly root: string) {}

  newFile(name: string): string {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(join(this.root, 's3api-body-'));
      process.once('exit', this.removeOnExit);
    }
    return join(this.dir, name);
  }

  remove(): void {
    if (this.dir === undefined) return;
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.removeListener('exit', this.removeOnExit);
  }
}

export interface SpoolOptions {
  /** Chunks of the source, in order: standard input through CliIO, or the named file. */
  readonly chunks: AsyncIterable<Uint8Array | string>;
  readonly scratch: Scratch;
  /** --content-length, when given: the body must hold exactly this many bytes. */
  readonly expectedLength?: number;
  readonly onBytesRead?: (bytesSoFar: number) => void;
}

/** Writes the body to a temporary file, in flat memory, and describes it as a FileBody. */
export async function spoolBody(body: UnsizedBody, options: SpoolOptions): Promise<FileBody> {
  const what = body.source === STDIN ? 'standard input' : `--body ${body.shownAs}`;
  const limit = Math.min(MAX_PART_BYTES, options.expectedLength ?? MAX_PART_BYTES);
  const path = options.scratch.newFile('body');
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  let length = 0;
  try {
    for await (const chunk of options.chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += bytes.length;
      if (length > limit) {
        throw paramError(
          options.expectedLength !== undefined && options.expectedLength < MAX_PART_BYTES
            ? `${what} holds more than --content-length ${options.expectedLength} bytes.`
            : `${what} holds more than 5 GiB (${MAX_PART_BYTES} bytes), the largest part S3 accepts.`,
        );
      }
      if (!out.write(bytes)) await once(out, 'drain');
      options.onBytesRead?.(length);
    }
  } finally {
    out.end();
    await closed;
  }
  if (options.expectedLength !== undefined && length !== options.expectedLength) {
    throw paramError(`${what} ended after ${length} bytes, but --content-length is ${options.expectedLength}.`);
  }
  return new FileBody(path, 0, length);
}
