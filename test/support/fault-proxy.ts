/**
 * A loopback HTTP proxy in front of the S3 server that misbehaves on purpose, request by
 * request: it resets the connection in the middle of the body, answers 500 or 503 SlowDown,
 * answers before reading the body, answers 200 with XML that cannot be parsed, answers with a
 * status line that is not HTTP, or never answers. Every request it receives is recorded with its body, so tests can prove that
 * a retried part was sent again byte for byte.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { forwardRequest, listenOnLoopback } from './proxy.js';

export type Fault =
  /** Forward to the server. */
  | 'pass'
  /** Reset the TCP connection once the first chunk of the body has arrived. */
  | 'reset-mid-body'
  /** 500 with an HTML body and no error code, as moto's own internal errors look. */
  | 'internal-error'
  /** 503 with S3's SlowDown error document (a throttling error). */
  | 'slow-down'
  /** Read the whole request, then never answer. */
  | 'stall'
  /** 404 NoSuchBucket as soon as the headers arrive, the body unread and the connection left open. */
  | 'answer-early'
  /** 200 whose XML document stops in the middle. */
  | 'truncated-xml'
  /** 200 whose body is not XML at all. */
  | 'garbage-xml'
  /** A first line that is not an HTTP status line, then the connection is closed. */
  | 'bad-status-line';

export interface ProxiedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The bytes received (up to the reset, for `reset-mid-body`). */
  readonly body: Buffer;
  readonly fault: Fault;
}

export interface FaultProxy {
  readonly url: string;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

const INTERNAL_ERROR_PAGE = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n';

const NO_SUCH_BUCKET_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>FAULTPROXY</RequestId></Error>';

const TRUNCATED_DOCUMENT = '<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Ke';

const SLOW_DOWN_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>FAULTPROXY</RequestId></Error>';

/** Starts the proxy; request N (1-based) meets `faults[N - 1]`, later requests pass. */
export async function startFaultProxy(target: string, faults: readonly Fault[]): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let arrivals = 0;

  const server = createServer((incoming, outgoing) => {
    const fault = faults[arrivals++] ?? 'pass';
    const chunks: Buffer[] = [];
    const recorded = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, fault };
    const record = () => requests.push({ ...recorded, body: Buffer.concat(chunks) });
    if (fault === 'answer-early') {
      record();
      outgoing.writeHead(404, { 'content-type': 'application/xml' }).end(NO_SUCH_BUCKET_DOCUMENT);
      return;
    }
    if (fault === 'reset-mid-body') {
      incoming.once('data', (chunk: Buffer) => {
        chunks.push(chunk);
        record();
        incoming.socket.resetAndDestroy();
      });
      return;
    }
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      record();
      answer(fault, incoming, outgoing, Buffer.concat(chunks), targetUrl);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        // Stalled requests keep their sockets open; closing must not wait for them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(fault: Fault, incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer, target: URL): void {
  switch (fault) {
    case 'stall':
      return;
    case 'internal-error':
      outgoing.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(INTERNAL_ERROR_PAGE);
      return;
    case 'truncated-xml':
      outgoing.writeHead(200, { 'content-type': 'application/xml' }).end(TRUNCATED_DOCUMENT);
      return;
    case 'garbage-xml':
      outgoing.writeHead(200, { 'content-type': 'application/xml' }).end('this is not xml\n');
      return;
    case 'bad-status-line':
      incoming.socket.end('SPDY/9 what\r\n\r\n');
      return;
    case 'slow-down':
      outgoing.writeHead(503, { 'content-type': 'application/xml' }).end(SLOW_DOWN_DOCUMENT);
      return;
    default:
      forwardRequest(incoming, body, outgoing, target);
  }
}
