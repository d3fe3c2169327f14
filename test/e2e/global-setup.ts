/**
 * Starts a real S3 server for the tests: moto_server on a free loopback port, or the endpoint
 * named by S3API_TEST_ENDPOINT (MinIO, real S3) when it is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilServing(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`moto_server did not answer at ${url}`);
}

let moto: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const configured = process.env.S3API_TEST_ENDPOINT;
  if (configured) {
    project.provide('s3Endpoint', configured);
    return;
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const started = new Promise<never>((_, reject) => {
    moto!.once('error', (error) =>
      reject(new Error(`cannot start moto_server (${error.message}); install it with: pip install "moto[server]"`)),
    );
  });
  await Promise.race([waitUntilServing(endpoint, Date.now() + 30_000), started]);
  project.provide('s3Endpoint', endpoint);
}

export async function teardown(): Promise<void> {
  if (moto?.pid) moto.kill('SIGTERM');
}
