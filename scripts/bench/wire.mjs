/**
 * upload-part against a server that discards the body (discard-server.c), over http and https,
 * with curl -T as the limit: what the client costs when the server costs nothing. moto_server
 * would hash and keep every part in Python, which hides the client behind the server.
 * Needs a C compiler and OpenSSL's headers; the section is skipped without them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { compareTools, runMeasured } from './measure.mjs';
import { runTool } from './tools.mjs';

const SERVER_SOURCE = resolve(import.meta.dirname, 'discard-server.c');

/** Compiles the server and makes a certificate for 127.0.0.1; a reason string when it cannot. */
export function prepareDiscardServer(workdir) {
  const binary = join(workdir, 'discard-server');
  const compiled = spawnSync('cc', ['-O2', '-D_GNU_SOURCE', '-o', binary, SERVER_SOURCE, '-lpthread', '-lssl', '-lcrypto'], { encoding: 'utf8' });
  if (compiled.error || compiled.status !== 0) return { unavailable: `cannot build discard-server.c (${compiled.error?.message ?? compiled.stderr.trim().split('\n')[0]})` };
  const certificate = join(workdir, 'discard-cert.pem');
  const key = join(workdir, 'discard-key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', key, '-out', certificate], { encoding: 'utf8' });
  if (made.error || made.status !== 0) return { unavailable: 'openssl cannot make a test certificate' };
  return { binary, certificate, key };
}

async function startServer(args) {
  const child = spawn(args[0], args.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then(({ value }) => [value]);
  return { port: Number(line), stop: () => child.kill() };
}

/** curl as the tools' limit: one PUT of the file, no signing, no checksum. */
export function curlTool() {
  const result = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return { name: 'curl -T (limit)', version: result.stdout.split('\n')[0], command: 'curl' };
}

/**
 * Times upload-part of `bodyPath` for each tool (and curl), against a discard server started for
 * the case. Returns compareTools' rows.
 */
export async function benchDiscardUpload({ server, tools, curl, protocol, bodyPath, runs, warmUp, env, workdir }) {
  const running = await startServer(protocol === 'https' ? [server.binary, server.certificate, server.key] : [server.binary]);
  try {
    const endpoint = `${protocol}://127.0.0.1:${running.port}`;
    const tlsArgs = protocol === 'https' ? ['--ca-bundle', server.certificate] : [];
    const parameters = ['--bucket', 'bench-bucket', '--key', 'part.bin', '--upload-id', 'discarded', '--part-number', '1', '--body', bodyPath];
    const all = curl ? [...tools, curl] : tools;
    return await compareTools({
      tools: all,
      runs,
      warmUp,
      runOnce: (tool) =>
        tool === curl
          ? runMeasured('curl', ['-sS', '--fail', ...(protocol === 'https' ? ['--cacert', server.certificate] : []),
              '-T', bodyPath, '-o', '/dev/null', `${endpoint}/bench-bucket/part.bin`], { env, workdir })
          : runTool(tool, [...tlsArgs, ...tool.operationArgs(endpoint, 'upload-part', parameters)], { env, workdir }),
    });
  } finally {
    running.stop();
  }
}
