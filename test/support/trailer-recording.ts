/**
 * The newest AWS CLI's upload-part requests over https, recorded by an https server that kept
 * the headers and the body after HTTP chunked decoding (test/fixtures/wire-https/), and the
 * part they sent, rebuilt from the recording's description of it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RecordedTrailerRequest {
  readonly name: string;
  readonly args: readonly string[];
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signedHeaders: readonly string[];
  readonly bodyLength: number;
  readonly bodySha256: string;
  /** The last bytes of the aws-chunked body: the end of the data, then the trailer. */
  readonly bodyEnd: string;
}

export const TRAILER_RECORDING = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/wire-https/upload-part-trailer.json'), 'utf8'),
) as { body: { line: string; length: number }; requests: RecordedTrailerRequest[] };

/** The bytes of the recorded part: its line repeated up to its length. */
export function recordedTrailerPart(): Buffer {
  const { line, length } = TRAILER_RECORDING.body;
  return Buffer.from(line.repeat(Math.ceil(length / line.length))).subarray(0, length);
}
