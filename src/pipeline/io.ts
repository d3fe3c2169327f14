/**
 * The IO a run is given: streams, environment, files and the two things that reach outside
 * (S3 and the pager). Injected, so the whole CLI runs in-process in tests.
 */
import type { ClientSettings } from '../config/settings.js';
import type { FileSystemPort } from '../input/paramfile.js';
import type { PagerProcess } from '../output/pager.js';
import type { S3Port } from '../s3/client.js';

export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface InputStream extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CliIO {
  /** The name the program was started as (`s3api`, or `aws` through a link): the prompt, error and usage lines use it. */
  readonly programName: string;
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly homedir: string;
  readonly fs: FileSystemPort;
  /** Creates the S3 connection; tests inject a recorder instead of the SDK. */
  readonly connect: (settings: ClientSettings) => Promise<S3Port>;
  /** Starts the output pager (only used when stdout is a terminal). */
  readonly openPager: (command: readonly string[], env: Readonly<Record<string, string | undefined>>) => Promise<PagerProcess>;
}
