/**
 * A TCP proxy in front of the S3 server that passes the client's bytes on at a fixed rate, so
 * an upload takes long enough for its progress line to be seen. Answers are passed back at
 * full speed.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import { listenOnLoopback } from './proxy.js';

export interface ThrottleProxy {
  readonly url: string;
  close(): Promise<void>;
}

export async function startThrottleProxy(target: string, bytesPerSecond: number): Promise<ThrottleProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      client.pause();
      upstream.write(chunk);
      setTimeout(() => client.resume(), (1000 * chunk.length) / bytesPerSecond);
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth).on('close', () => sockets.delete(client));
    upstream.on('error', closeBoth).on('close', () => sockets.delete(upstream));
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
