/**
 * What the loopback test proxies (recording-proxy, fault-proxy) share: listening on a free
 * loopback port, and passing a request on to the S3 server behind them.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server } from 'node:net';

/** Starts `server` on a free loopback port; resolves to its `http://127.0.0.1:<port>` URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

/**
 * Sends the request (its body already read) to `target` unchanged and streams the answer back;
 * if the server cannot be reached, the client's connection is dropped.
 */
export function forwardRequest(incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse, target: URL): void {
  const forwarded = httpRequest(
    { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    },
  );
  forwarded.on('error', () => outgoing.destroy());
  forwarded.end(body);
}
