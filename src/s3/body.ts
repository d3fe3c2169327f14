/**
 * The upload-part body as a description of bytes on disk rather than a stream, so every
 * attempt of a retried request can open the same file range again and send identical bytes.
 *
 * Sending is ours, not the stream machinery's: the range is read with fs.read into two reused
 * buffers, and a buffer is read into again only after the socket has taken the write made
 * from it. A 64 KiB createReadStream piped into the request allocates a fresh chunk per read;
 * those freed chunks, not live data, drove peak RSS to about 100 MiB on a 1 GiB part, and the
 * sixteen times as many writes cost CPU in the http and socket layers (see scripts/bench).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ClientRequest, type IncomingMessage } from 'node:http';
import { Readable, type Writable } from 'node:stream';

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

  /** A new one-shot sender for one attempt of the request. */
  open(): FileRangeSender | Buffer {
    if (this.length === 0) return Buffer.alloc(0);
    return new FileRangeSender(this);
  }
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

  constructor(private readonly body: FileBody) {
    super();
  }

  override _read(): void {
    this.destroy(new Error('FileRangeSender is written with pipe(), not read'));
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T): T {
    if (this.started) throw new Error('A FileRangeSender sends its range once; open the FileBody again to resend');
    this.started = true;
    const writable = destination as unknown as Writable;
    sendFileRange(this.body, writable).catch((error: unknown) => writable.destroy(error as Error));
    return destination;
  }
}

async function sendFileRange(body: FileBody, destination: Writable): Promise<void> {
  // The client's agents are its own (TLS settings), and the SDK's handler waits for 100 Continue
  // only on agents it made: the wait is here, for every file body.
  if (destination instanceof ClientRequest && destination.getHeader('expect') === '100-continue') {
    if ((await continueOrAnswer(destination)) === 'answered') return;
  }
  const handle = await open(body.path, 'r');
  try {
    await writeRange(handle, body, destination);
  } finally {
    await handle.close();
  }
}

async function writeRange(handle: FileHandle, body: FileBody, destination: Writable): Promise<void> {
  const end = body.start + body.length;
  const buffers = [Buffer.allocUnsafe(BODY_CHUNK_BYTES), Buffer.allocUnsafe(BODY_CHUNK_BYTES)];
  const readInto = (buffer: Buffer, position: number) =>
    handle.read(buffer, 0, Math.min(buffer.length, end - position), position).then(({ bytesRead }) => bytesRead);

  let position = body.start;
  let current = 0;
  let sent = 0;
  let pendingRead = readInto(buffers[current], position);
  let pendingWrite: Promise<WriteOutcome> = Promise.resolve('written');
  while (position < end) {
    const bytesRead = await pendingRead;
    if (bytesRead === 0) throw new BodyChangedError(body.path, position, end);
    position += bytesRead;
    // The other buffer is read into next: its write must be done before it is overwritten.
    if ((await pendingWrite) === 'closed') return;
    pendingWrite = writeChunk(destination, buffers[current].subarray(0, bytesRead)).then((outcome) => {
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
    if (position < end) pendingRead = readInto(buffers[current], position);
  }
  if ((await pendingWrite) === 'closed') return;
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
