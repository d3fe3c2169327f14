/**
 * Faults that end promptly in the AWS CLI's words: answers that cannot be parsed are retried and
 * reported as botocore reports them, a server that answers before reading the body does not keep
 * the process alive, and bad SSE-C keys, endpoint URLs, config files and credential processes
 * fail before anything is sent, with the recorded AWS CLI texts and exit codes.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, emptyHome, runInProcess, type CliResult } from '../support/cli.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { startRecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';

const BIN = resolve(import.meta.dirname, '../../bin/s3api.js');
const SSE_KEY = Buffer.from('00112233445566778899aabbccddeeff');

let bucket: string;
let uploadId: string;
let workdir: string;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  const client = testClient(inject('s3Endpoint'));
  bucket = await createUniqueBucket(client, 'wire-faults');
  uploadId = await createUpload(client, bucket, 'k');
  workdir = mkdtempSync(join(tmpdir(), 's3api-faults-'));
  writeFileSync(join(workdir, 'key.bin'), SSE_KEY);
  writeFileSync(join(workdir, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function proxyWith(faults: readonly Fault[]): Promise<FaultProxy> {
  proxy = await startFaultProxy(inject('s3Endpoint'), faults);
  return proxy;
}

function s3api(argv: readonly string[], env: Record<string, string | undefined> = {}) {
  return runInProcess(argv, { env: { ...TEST_CREDENTIALS, ...env }, cwd: workdir });
}

/** The built binary as a child process, asynchronously: the proxy answers from this process. */
function spawnBinary(argv: readonly string[]): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: workdir,
      env: { PATH: process.env.PATH ?? '', HOME: emptyHome(), ...TEST_CREDENTIALS },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

describe('answers that cannot be read are retried as botocore retries them', () => {
  it.each<Fault>(['truncated-xml', 'garbage-xml'])('a 200 with %s ends 254 after the retries, in botocore words', async (fault) => {
    const faulty = await proxyWith([fault, fault, fault]);
    const result = await s3api(['--endpoint-url', faulty.url, 'create-multipart-upload', '--bucket', bucket, '--key', 'k']);
    expect(faulty.requests).toHaveLength(3);
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (500) when calling the CreateMultipartUpload operation (reached max retries: 2): Internal Server Error\n',
    );
    expect(result.exitCode).toBe(254);
  });

  it('a status line that is not HTTP ends 255 as a closed connection, after the retries', async () => {
    const faulty = await proxyWith(['bad-status-line', 'bad-status-line', 'bad-status-line']);
    const result = await s3api(['--endpoint-url', faulty.url, 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', 'u1']);
    expect(faulty.requests).toHaveLength(3);
    expect(result.stderr).toBe(
      `\ns3api: [ERROR]: Connection was closed before we received a valid response from endpoint URL: "${faulty.url}/${bucket}/k?uploadId=u1".\n`,
    );
    expect(result.exitCode).toBe(255);
  });

  it('a fault once is retried and succeeds', async () => {
    const faulty = await proxyWith(['garbage-xml']);
    const result = await s3api(['--endpoint-url', faulty.url, 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', uploadId, '--output', 'json']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\{\n/);
    expect(faulty.requests).toHaveLength(2);
  });
});

describe('an early answer ends the process', () => {
  it('exits with the error once it is printed, though the server never read the body', async () => {
    const faulty = await proxyWith(['answer-early']);
    // No timing assertion: without the fix the child lives until the 60 s read timeout, past
    // this test's own timeout.
    const result = await spawnBinary([
      '--endpoint-url', faulty.url, 'upload-part', '--bucket', 'missing', '--key', 'k',
      '--part-number', '1', '--upload-id', 'u', '--body', 'big.bin',
    ]);
    expect(result.stderr).toBe('\ns3api: [ERROR]: An error occurred (NoSuchBucket) when calling the UploadPart operation: The specified bucket does not exist\n');
    expect(result.exitCode).toBe(254);
  }, 30_000);
});

describe('SSE-C keys as botocore sends them', () => {
  it('refuses a fileb:// key given with its MD5 before sending (252)', async () => {
    const recorder = await startRecordingProxy(inject('s3Endpoint'));
    try {
      const result = await s3api([
        '--endpoint-url', recorder.url, 'upload-part', '--bucket', bucket, '--key', 'k', '--part-number', '1',
        '--upload-id', uploadId, '--sse-customer-algorithm', 'AES256', '--sse-customer-key', 'fileb://key.bin',
        '--sse-customer-key-md5', 'bWQ1',
      ]);
      expect(result.stderr).toBe(
        "\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter SSECustomerKey, value: b'00112233445566778899aabbccddeeff', type: <class 'bytes'>, valid types: <class 'str'>\n",
      );
      expect(result.exitCode).toBe(252);
      expect(recorder.requests).toHaveLength(0);
    } finally {
      await recorder.close();
    }
  });

  it('list-parts sends the key as typed and no key MD5', async () => {
    const recorder = await startRecordingProxy(inject('s3Endpoint'));
    try {
      const result = await s3api([
        '--endpoint-url', recorder.url, 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', uploadId,
        '--sse-customer-algorithm', 'AES256', '--sse-customer-key', SSE_KEY.toString(),
      ]);
      expect(result.exitCode).toBe(0);
      const headers = recorder.requests[0].headers;
      expect(headers['x-amz-server-side-encryption-customer-key']).toBe(SSE_KEY.toString());
      expect(headers).not.toHaveProperty('x-amz-server-side-encryption-customer-key-md5');
    } finally {
      await recorder.close();
    }
  });
});

describe('endpoint URLs botocore refuses', () => {
  it.each([
    ['http://127.0.0.1:notaport', 'Custom endpoint `http://127.0.0.1:notaport` was not a valid URI'],
    ['http://127.0.0.1:65536', 'Custom endpoint `http://127.0.0.1:65536` was not a valid URI'],
    ['ftp://127.0.0.1:1', 'Custom endpoint `ftp://127.0.0.1:1` was not a valid URI'],
    ['http://127.0.0.1:1/?a=b', 'Custom endpoint `http://127.0.0.1:1/?a=b` was not a valid URI'],
    ['http://[::1', 'Invalid IPv6 URL'],
    ['http://[zz]:1', "'zz' does not appear to be an IPv4 or IPv6 address"],
    ['http://exa mple.com', 'Invalid endpoint: http://exa mple.com'],
    ['http://', 'Invalid endpoint: http://'],
    ['http://-bad.com:1', 'Invalid endpoint: http://-bad.com:1'],
  ])('%s', async (endpoint, message) => {
    const result = await s3api(['--endpoint-url', endpoint, 'list-parts', '--bucket', 'b', '--key', 'k', '--upload-id', 'u']);
    expect(result.stderr).toBe(`\ns3api: [ERROR]: ${message}\n`);
    expect(result.exitCode).toBe(255);
  });
});

describe('configuration botocore reads before sending', () => {
  function writeFile(name: string, text: string): string {
    const path = join(workdir, name);
    writeFileSync(path, text);
    return path;
  }

  function listParts(endpoint: string, env: Record<string, string | undefined>) {
    return s3api(['--endpoint-url', endpoint, 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', uploadId, '--output', 'json'], env);
  }

  it.each([
    ['AWS_CONFIG_FILE', '[default\nregion = us-east-1\n'],
    ['AWS_CONFIG_FILE', 'region = us-east-1\n'],
    ['AWS_CONFIG_FILE', '[default]\nregion = a\nRegion = b\n'],
    ['AWS_CONFIG_FILE', '[default]\nnot an option\n'],
    ['AWS_SHARED_CREDENTIALS_FILE', '[default]\n[default]\n'],
  ])('an unparsable %s fails 255 and sends nothing', async (variable, text) => {
    const path = writeFile(`${variable}.ini`, text);
    const recorder = await startRecordingProxy(inject('s3Endpoint'));
    try {
      const result = await listParts(recorder.url, { [variable]: path });
      expect(result.stderr).toBe(`\ns3api: [ERROR]: Unable to parse config file: ${path}\n`);
      expect(result.exitCode).toBe(255);
      expect(recorder.requests).toHaveLength(0);
    } finally {
      await recorder.close();
    }
  });

  it('comments, continuation lines and a section header with text after it parse', async () => {
    const path = writeFile('good.ini', '# c\n; d\n[default] trailing\ncli_pager =\n  more\n\n  again\n');
    const result = await listParts(inject('s3Endpoint'), { AWS_CONFIG_FILE: path });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\{\n/);
  });

  it("--region '' uses the configured region", async () => {
    const result = await s3api(['--region', '', '--endpoint-url', inject('s3Endpoint'), 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', uploadId, '--output', 'json']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\{\n/);
  });

  function credentialProcess(name: string, script: string): Record<string, string | undefined> {
    const command = writeFile(`${name}.sh`, `#!/bin/sh\n${script}\n`);
    chmodSync(command, 0o755);
    const config = writeFile(`${name}.ini`, `[default]\ncredential_process = ${command}\n`);
    return { AWS_CONFIG_FILE: config, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
  }

  it.each([
    ['fails', 'echo "token expired" >&2; exit 3', 'Error when retrieving credentials from custom-process: token expired'],
    ['fails-quietly', 'exit 1', 'Error when retrieving credentials from custom-process:'],
    ['garbage', 'echo not json', 'Expecting value: line 1 column 1 (char 0)'],
    ['no-version', `echo '{"AccessKeyId":"a","SecretAccessKey":"b"}'`, "Error when retrieving credentials from custom-process: Unsupported version '<Version key not provided>' for credential process provider, supported versions: 1"],
    ['version-2', `echo '{"Version":2,"AccessKeyId":"a","SecretAccessKey":"b"}'`, "Error when retrieving credentials from custom-process: Unsupported version '2' for credential process provider, supported versions: 1"],
    ['no-key-id', `echo '{"Version":1,"SecretAccessKey":"b"}'`, "Error when retrieving credentials from custom-process: Missing required key in response: 'AccessKeyId'"],
  ])('a credential_process that %s: 255 in botocore words', async (name, script, message) => {
    const result = await listParts(inject('s3Endpoint'), credentialProcess(name, script));
    expect(result.stderr).toBe(`\ns3api: [ERROR]: ${message}\n`);
    expect(result.exitCode).toBe(255);
  });

  it('a credential_process that answers signs the request', async () => {
    const result = await listParts(inject('s3Endpoint'), credentialProcess(
        'answers',
        `echo '${JSON.stringify({ Version: 1, AccessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID, SecretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY })}'`,
      ));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\{\n/);
  });
});
