/**
 * --debug: a log in the AWS CLI's layout on stderr that shows what went over the wire (request
 * line, headers, status, response headers) and never a secret: not the SSE-C keys in any form,
 * not the secret access key or session token, not the request signature.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runInProcess, spawnWithoutSdk } from '../support/cli.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, putObject, testClient } from '../support/s3-fixture.js';
import { ON_MOTO } from '../support/server.js';

const DESTINATION_KEY = '01234567890123456789012345678901';
const SOURCE_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY01';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENVALUE0123456789';
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDDEBUGTEST',
  AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  AWS_DEFAULT_REGION: 'us-east-1',
};
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const md5Base64 = (text: string | Buffer) => createHash('md5').update(text).digest('base64');
const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - [\w.-]+ - DEBUG - /;

let proxy: RecordingProxy;
let bucket: string;
let uploadId: string;
let workdir: string;

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startRecordingProxy(endpoint);
  const client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'wire-debug');
  await putObject(client, bucket, 'source.bin', randomBytes(2048), { SSECustomerAlgorithm: 'AES256', SSECustomerKey: SOURCE_KEY });
  uploadId = await createUpload(client, bucket, 'destination.bin', { SSECustomerAlgorithm: 'AES256', SSECustomerKey: DESTINATION_KEY });
  workdir = mkdtempSync(join(tmpdir(), 's3api-debug-'));
});

afterAll(async () => {
  await proxy.close();
});

function uploadPartCopy(extra: readonly string[]) {
  return runInProcess(
    ['--endpoint-url', proxy.url, '--debug', 'upload-part-copy', '--bucket', bucket, '--key', 'destination.bin',
      '--upload-id', uploadId, '--part-number', '1', '--copy-source', `${bucket}/source.bin`,
      '--sse-customer-algorithm', 'AES256', '--copy-source-sse-customer-algorithm', 'AES256', ...extra],
    { env: ENV, cwd: workdir },
  );
}

/** Every secret a request of this test could carry, in every form it could be printed. */
function secretsOf(requests: readonly { headers: Record<string, unknown> }[], keys: readonly (string | Buffer)[]): string[] {
  const signatures = requests.map((request) => /Signature=([0-9a-f]+)/.exec(String(request.headers.authorization))![1]);
  return [
    ...keys.flatMap((key) => (typeof key === 'string' ? [key, base64(key)] : [base64(key)])),
    SECRET_ACCESS_KEY,
    base64(SECRET_ACCESS_KEY),
    SESSION_TOKEN,
    base64(SESSION_TOKEN),
    ...signatures,
  ];
}

describe('--debug', () => {
  // Moto only: the expected log lines are moto's responses (checksum headers, error texts).
  it.skipIf(!ON_MOTO)('logs the request and response of upload-part-copy without a single secret', async () => {
    const before = proxy.requests.length;
    const result = await uploadPartCopy(['--sse-customer-key', DESTINATION_KEY, '--copy-source-sse-customer-key', SOURCE_KEY]);
    expect(result.exitCode).toBe(0);
    const sent = proxy.requests.slice(before);
    expect(sent).toHaveLength(1);
    // The proxy saw the real values: the test would notice if they were not sent at all.
    expect(sent[0].headers['x-amz-server-side-encryption-customer-key']).toBe(base64(DESTINATION_KEY));
    expect(sent[0].headers['x-amz-copy-source-server-side-encryption-customer-key']).toBe(base64(SOURCE_KEY));
    expect(sent[0].headers['x-amz-security-token']).toBe(SESSION_TOKEN);

    const output = result.stdout + result.stderr;
    for (const secret of secretsOf(sent as never, [DESTINATION_KEY, SOURCE_KEY])) expect(output).not.toContain(secret);

    const log = result.stderr;
    const requestPath = `/${bucket}/destination.bin?partNumber=1&uploadId=${encodeURIComponent(uploadId)}`;
    expect(log).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - awscli\.clidriver - DEBUG - CLI version: s3api\//);
    expect(log).toContain(`Arguments entered to CLI: ['--endpoint-url', '${proxy.url}', '--debug', 'upload-part-copy'`);
    expect(log).toContain("'--sse-customer-key', '<redacted>'");
    expect(log).toContain(`botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=PUT, url=${proxy.url}${requestPath}, headers={`);
    expect(log).toContain(`urllib3.connectionpool - DEBUG - ${proxy.url} "PUT ${requestPath} HTTP/1.1" 200 `);
    expect(log).toContain('botocore.parsers - DEBUG - Response headers: {');
    expect(log).toContain("'x-amz-security-token': '<redacted>'");
    expect(log).toContain('Signature=<redacted>');
    // Kept on purpose: which credentials signed, and which keys were used (their MD5s).
    expect(log).toContain('Credential=AKIDDEBUGTEST/');
    expect(log).toContain(`'x-amz-server-side-encryption-customer-key-md5': '${md5Base64(DESTINATION_KEY)}'`);
    expect(log).toContain(`'x-amz-copy-source-server-side-encryption-customer-key-md5': '${md5Base64(SOURCE_KEY)}'`);
    for (const line of log.split('\n').filter((text) => /^\d{4}-/.test(text))) expect(line).toMatch(LOG_LINE);
  });

  // Moto only: the expected log lines are moto's responses (checksum headers, error texts).
  it.skipIf(!ON_MOTO)('masks keys given as --flag=value, in an inline --cli-input-json document and from a fileb:// file', async () => {
    const binaryKey = randomBytes(32);
    writeFileSync(join(workdir, 'key.bin'), binaryKey);
    const before = proxy.requests.length;
    const result = await uploadPartCopy([
      '--sse-customer-key=fileb://key.bin',
      '--cli-input-json',
      JSON.stringify({ CopySourceSSECustomerKey: SOURCE_KEY }),
    ]);
    expect(result.exitCode).toBe(0);
    const sent = proxy.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    const sentKey = String(sent[0].headers['x-amz-server-side-encryption-customer-key']);
    expect(sentKey.length).toBeGreaterThan(40);
    const output = result.stdout + result.stderr;
    for (const secret of [sentKey, ...secretsOf(sent as never, [binaryKey, SOURCE_KEY])]) expect(output).not.toContain(secret);
    expect(result.stderr).toContain("'--sse-customer-key=<redacted>'");
    expect(result.stderr).toContain("'--cli-input-json', '<redacted>'");
    expect(result.stderr).toMatch(/ - MainThread - (urllib3\.connectionpool|botocore\.endpoint) - DEBUG - /);
  });

  // Moto only: the expected log lines are moto's responses (checksum headers, error texts).
  it.skipIf(!ON_MOTO)('logs nothing without --debug', async () => {
    const result = await runInProcess(['--endpoint-url', proxy.url, 'list-multipart-uploads', '--bucket', bucket], { env: ENV });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });

  // Moto only: the expected log lines are moto's responses (checksum headers, error texts).
  it.skipIf(!ON_MOTO)('a failed command logs its exception, still without secrets', async () => {
    const result = await runInProcess(
      ['--endpoint-url', proxy.url, '--debug', 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', 'nope',
        '--sse-customer-key', DESTINATION_KEY],
      { env: ENV },
    );
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('awscli.clidriver - DEBUG - Exception caught in main()');
    expect(result.stderr).toContain('(NoSuchUpload)');
    for (const secret of [DESTINATION_KEY, base64(DESTINATION_KEY), SECRET_ACCESS_KEY, SESSION_TOKEN]) {
      expect(result.stderr).not.toContain(secret);
    }
  });

  it('the log never loads the SDK: --debug with an input skeleton runs with the SDK refused', () => {
    const result = spawnWithoutSdk(['--debug', 'upload-part', '--generate-cli-skeleton']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('awscli.clidriver - DEBUG - CLI version: s3api/');
    expect(result.stderr).not.toContain('SDK import refused');
  });
});
