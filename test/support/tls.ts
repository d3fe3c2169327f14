/**
 * An HTTPS S3 server for TLS tests: moto_server on a free loopback port with a self-signed
 * certificate made by openssl for 127.0.0.1, the certificate file doubling as the CA bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** The server's self-signed certificate: the CA bundle that makes it trusted. */
  readonly certificateFile: string;
  close(): Promise<void>;
}

/** A loopback port nothing listens on (at the time of the call). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function createSelfSignedCertificate(dir: string): { certificateFile: string; keyFile: string } {
  const certificateFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const result = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certificateFile],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl could not make a certificate: ${result.stderr || result.error}`);
  return { certificateFile, keyFile };
}

async function answers(url: string, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(url, { ca, method: 'GET' }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
    probe.end();
  });
}

export async function startTlsMoto(): Promise<TlsServer> {
  const dir = mkdtempSync(join(tmpdir(), 's3api-tls-'));
  const { certificateFile, keyFile } = createSelfSignedCertificate(dir);
  const port = await freePort();
  const url = `https://127.0.0.1:${port}`;
  const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port), '-c', certificateFile, '-k', keyFile], { stdio: 'ignore' });
  const ca = readFileSync(certificateFile, 'utf8');
  const deadline = Date.now() + 30_000;
  while (!(await answers(url, ca))) {
    if (Date.now() > deadline || moto.exitCode !== null) {
      moto.kill();
      throw new Error(`moto_server did not answer at ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    certificateFile,
    close: async () => {
      moto.kill('SIGTERM');
    },
  };
}
