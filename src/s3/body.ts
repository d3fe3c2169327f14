/**
 * The upload-part body as a description of bytes on disk rather than a stream, so every
 * attempt of a retried request can open the same file range again and send identical bytes.
 *
 * Sending is ours, not the stream machinery's: the range is read with readSync into two reused
 * buffers, and a buffer is read into again only after the socket has taken the write made
 * from it. A 64 KiB createReadStream piped into the request allocates a fresh chunk per read;
 * those freed chunks, not live data, drove peak RSS to about 100 MiB on a 1 GiB part, and the
 * sixteen times as many writes cost CPU in the http and socket layers (see scripts/bench).
 */
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ChecksumAlgorithm, StreamingChecksum } from './checksums.js';
import { ClientRequest, type IncomingMessage } from 'node:http';
import { Readable, type Writable } from 'node:stream';
import {
  AWS_CHUNK_BYTES,
  AWS_CHUNK_END,
  AWS_CHUNK_HEADER_ROOM,
  awsChunkHeader,
  awsChunkedEnd,
  awsChunkedHeaders,
  encodeAwsChunked,
} from './aws-chunked.js';

/**
 * Measured on a 1 GiB part (user + system CPU of the whole upload): 256 KiB writes cost
 * 1.4-1.5 s, 128 KiB 1.7-2.1 s (more writes), 1 MiB 1.8 s (the copies no longer fit the
 * L2 cache); 64 KiB streamed chunks 3.7-4.3 s.
 */
export const BODY_CHUNK_BYTES = 256 * 1024;

/**
 * How long a request with `Expect: 100-continue` waits for the server before sending the body
 * anyway, as botocore's AWSConnection does (one second), for servers that ignore the header.
 */
export const CONTINUE_TIMEOUT_MS = 1000;

/**
 * Progress of one attempt: the bytes of this body the connection has taken so far, counted
 * from 0 again when a retried attempt starts.
 */
export type BytesSentListener = (bytesSentThisAttempt: number) => void;

export class FileBody {
  constructor(
    readonly path: string,
    readonly start: number,
    readonly length: number,
    readonly onBytesSent?: BytesSentListener,
  ) {}

  /** The same range, reporting each attempt's progress to `listener`. */
  withOnBytesSent(listener: BytesSentListener): FileBody {
    return new FileBody(this.path, this.start, this.length, listener);
  }

  /** A new one-shot sender for one attempt of the request. */
  open(): FileRangeSender | Buffer {
    if (this.length === 0) return Buffer.alloc(0);
    return new FileRangeSender(this, AS_IS);
  }
}

/**
 * upload-part's body with its flexible checksum in an aws-chunked trailer, as botocore sends a
 * streaming body over https. The checksum is computed from the chunks as they are sent, not in
 * a pass before the request: one read of the part instead of two, and no worker thread (whose
 * ~12 MiB would take a large part over https past 80 MiB of peak RSS). Each attempt computes it
 * again from the bytes it sends.
 */
export class AwsChunkedBody {
  constructor(
    /** The bytes: a file range, or bytes from --cli-input-* (empty when no body was given). */
    readonly source: FileBody | Uint8Array,
    /** The algorithm as the user spelled it: botocore names the trailer after that spelling. */
    readonly algorithm: string,
  ) {}

  get decodedLength(): number {
    return this.source.length;
  }

  /** The same body, reporting each attempt's progress; bytes in memory go in one write, unreported. */
  withOnBytesSent(listener: BytesSentListener): AwsChunkedBody {
    return this.source instanceof FileBody ? new AwsChunkedBody(this.source.withOnBytesSent(listener), this.algorithm) : this;
  }

  /** botocore's headers for this body; Content-Length goes. */
  headers(): Record<string, string> {
    return awsChunkedHeaders(this.algorithm, this.decodedLength);
  }

  /** A new one-shot sender (or the whole encoded body) for one attempt of the request. */
  async open(): Promise<FileRangeSender | Buffer> {
    const { createChecksum } = await import('./checksums.js');
    const checksum = await createChecksum(this.algorithm.toUpperCase() as ChecksumAlgorithm);
    const { source } = this;
    if (source instanceof FileBody && source.length > 0) {
      return new FileRangeSender(source, awsChunkedFraming(checksum, this.algorithm));
    }
    const bytes = source instanceof FileBody ? new Uint8Array(0) : source;
    checksum.update(bytes);
    return encodeAwsChunked(bytes, this.algorithm, checksum.digestBase64());
  }
}

/**
 * How the bytes of a range go on the wire. Each chunk is read into a buffer at `headerRoom`,
 * leaving room for the framing before and after it, so a framed chunk is one write with no copy.
 */
interface RangeFraming {
  readonly chunkBytes: number;
  readonly headerRoom: number;
  readonly endRoom: number;
  /** The bytes to write for `length` bytes of data read into `buffer` at headerRoom. */
  frame(buffer: Buffer, length: number): Buffer;
  /** What is written after the last chunk, if anything. */
  finish(): Buffer | undefined;
}

/** The range as it is, for a body whose checksum (if any) went ahead in a header. */
const AS_IS: RangeFraming = {
  chunkBytes: BODY_CHUNK_BYTES,
  headerRoom: 0,
  endRoom: 0,
  frame: (buffer, length) => buffer.subarray(0, length),
  finish: () => undefined,
};

function awsChunkedFraming(checksum: StreamingChecksum, algorithm: string): RangeFraming {
  return {
    chunkBytes: AWS_CHUNK_BYTES,
    headerRoom: AWS_CHUNK_HEADER_ROOM,
    endRoom: AWS_CHUNK_END.length,
    frame(buffer, length) {
      checksum.update(buffer.subarray(AWS_CHUNK_HEADER_ROOM, AWS_CHUNK_HEADER_ROOM + length));
      const header = awsChunkHeader(length);
      const begin = AWS_CHUNK_HEADER_ROOM - header.length;
      buffer.write(header, begin, 'latin1');
      buffer.write(AWS_CHUNK_END, AWS_CHUNK_HEADER_ROOM + length, 'latin1');
      return buffer.subarray(begin, AWS_CHUNK_HEADER_ROOM + length + AWS_CHUNK_END.length);
    },
    finish() {
      return Buffer.from(awsChunkedEnd(algorithm, checksum.digestBase64()), 'latin1');
    },
  };
}

/** The file shrank under us: sending on would leave the request short of its Content-Length. */
export class BodyChangedError extends Error {
  constructor(path: string, endedAt: number, expectedEnd: number) {
    super(`The file ${path} changed while it was being uploaded: it ended at byte ${endedAt}, before byte ${expectedEnd}`);
    this.name = 'BodyChangedError';
  }
}

/**
 * A Readable only so that the SDK's http handler recognises it: the handler hands a Readable
 * body to `pipe(request)`, and pipe is replaced by the buffer-reusing write loop. Nothing is
 * ever pushed through the stream side.
 */
export class FileRangeSender extends Readable {
  private started = false;

  constructor(
    private readonly body: FileBody,
    private readonly framing: RangeFraming,
  ) {
    super();
  }

  override _read(): void {
    this.destroy(new Error('FileRangeSender is written with pipe(), not read'));
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T): T {
    if (this.started) throw new Error('A FileRangeSender sends its range once; open the FileBody again to resend');
    this.started = true;
    const writable = destination as unknown as Writable;
    sendFileRange(this.body, this.framing, writable).catch((error: unknown) => writable.destroy(error as Error));
    return destination;
  }
}

async function sendFileRange(body: FileBody, framing: RangeFraming, destination: Writable): Promise<void> {
  // The client's agents are its own (TLS settings), and the SDK's handler waits for 100 Continue
  // only on agents it made: the wait is here, for every file body.
  if (destination instanceof ClientRequest && destination.getHeader('expect') === '100-continue') {
    if ((await continueOrAnswer(destination)) === 'answered') return;
  }
  const handle = await open(body.path, 'r');
  try {
    await writeRange(handle, body, framing, destination);
  } finally {
    await handle.close();
  }
}

/**
 * Reads are synchronous: a read from the page cache takes microseconds, and handing each one to
 * libuv's thread pool and back cost more CPU than the read itself (1 GiB over loopback: 2.1 s of
 * CPU with fs.read, 1.0-1.2 s with readSync, scripts/bench). The next chunk is read while the
 * socket sends the previous one.
 */
async function writeRange(handle: FileHandle, body: FileBody, framing: RangeFraming, destination: Writable): Promise<void> {
  const end = body.start + body.length;
  const { chunkBytes, headerRoom, endRoom } = framing;
  const buffers = [Buffer.allocUnsafe(headerRoom + chunkBytes + endRoom), Buffer.allocUnsafe(headerRoom + chunkBytes + endRoom)];

  let position = body.start;
  let current = 0;
  let sent = 0;
  let pendingWrite: Promise<WriteOutcome> = Promise.resolve('written');
  while (position < end) {
    // The previous write went from the other buffer: this one is free to be read into.
    const bytesRead = readSync(handle.fd, buffers[current], headerRoom, Math.min(chunkBytes, end - position), position);
    if (bytesRead === 0) throw new BodyChangedError(body.path, position, end);
    position += bytesRead;
    if ((await pendingWrite) === 'closed') return;
    pendingWrite = writeChunk(destination, framing.frame(buffers[current], bytesRead)).then((outcome) => {
      if (outcome === 'written') {
        sent += bytesRead;
        body.onBytesSent?.(sent);
      }
      return outcome;
    });
    // A failed write also destroys the request, which reports it; if the loop stops on a
    // failed read first, this write's rejection must not surface as an unhandled one.
    pendingWrite.catch(() => undefined);
    current = 1 - current;
  }
  if ((await pendingWrite) === 'closed') return;
  const ending = framing.finish();
  if (ending !== undefined && (await writeChunk(destination, ending)) === 'closed') return;
  destination.end();
}

type WriteOutcome = 'written' | 'closed';

/**
 * Settles when the socket has taken the chunk, or with 'closed' once the request is gone (an
 * early answer, a reset, a timeout): the loop then stops reading instead of waiting for a write
 * callback that may never come. The close listener lives for one write only: one long-lived
 * promise raced against every write would keep each race's reaction until the end, about
 * 1 KiB per chunk (15 MiB more peak RSS on a 5 GiB part).
 */
function writeChunk(destination: Writable, chunk: Buffer): Promise<WriteOutcome> {
  return new Promise((resolve, reject) => {
    const onClose = () => resolve('closed');
    destination.once('close', onClose);
    destination.write(chunk, (error) => {
      destination.off('close', onClose);
      if (error) reject(error);
      else resolve('written');
    });
  });
}

/**
 * 'continue' on `100 Continue` or when the server stays silent for CONTINUE_TIMEOUT_MS;
 * 'answered' when it answers (a refusal) or the request fails first. The body is then never
 * sent: the request is dropped once the answer has been read, so its socket is not kept for a
 * request that will never be completed.
 */
function continueOrAnswer(request: ClientRequest): Promise<'continue' | 'answered'> {
  return new Promise((resolve) => {
    const settle = (outcome: 'continue' | 'answered') => {
      clearTimeout(timer);
      request.off('continue', onContinue);
      request.off('response', onResponse);
      request.off('close', onClose);
      resolve(outcome);
    };
    const onContinue = () => settle('continue');
    const onResponse = (response: IncomingMessage) => {
      response.once('end', () => request.destroy());
      settle('answered');
    };
    const onClose = () => settle('answered');
    const timer = setTimeout(onContinue, CONTINUE_TIMEOUT_MS);
    request.once('continue', onContinue);
    request.once('response', onResponse);
    request.once('close', onClose);
  });
}
