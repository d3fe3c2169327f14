/**
 * Retries and timeouts through a proxy that fails on purpose: a part retried after a reset
 * connection, a 500, a 503 SlowDown or a stalled response reaches the server whole (ETag = MD5
 * of the file) and was sent byte for byte again; exhausted retries and timeouts end with the
 * AWS CLI's messages and exit codes; invalid retry settings fail with its texts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListPartsCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { asS3api, readGolden } from '../support/golden.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { freePort } from '../support/tls.js';

const PART = randomBytes(1024 * 1024);
const PART_MD5 = createHash('md5').update(PART).digest('hex');

let bucket: string;
let uploadId: string;
let workdir: string;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  const client = testClient(inject('s3Endpoint'));
  bucket = await createUniqueBucket(client, 'wire-retries');
  uploadId = await createUpload(client, bucket, 'retried.bin');
  workdir = mkdtempSync(join(tmpdir(), 's3api-retries-'));
  writeFileSync(join(workdir, 'part.bin'), PART);
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function proxyWith(faults: readonly Fault[]): Promise<FaultProxy> {
  proxy = await startFaultProxy(inject('s3Endpoint'), faults);
  return proxy;
}

function uploadPart(endpoint: string, partNumber: number, extra: readonly string[] = [], env: Record<string, string> = {}) {
  return runInProcess(
    ['--endpoint-url', endpoint, ...extra, 'upload-part', '--bucket', bucket, '--key', 'retried.bin',
      '--part-number', String(partNumber), '--upload-id', uploadId, '--body', 'part.bin'],
    { env: { ...TEST_CREDENTIALS, ...env }, cwd: workdir },
  );
}

/** A 2.9 error (`\nMESSAGE\n`) in the target layout. */
function v29AsHead(stderr: string): string {
  return stderr.replace(/^\n/, '\ns3api: [ERROR]: ');
}

describe('a part retried after a fault arrives whole', () => {
  it.each<[Fault, number]>([
    ['reset-mid-body', 1],
    ['internal-error', 2],
    ['slow-down', 3],
    ['stall', 4],
  ])('after %s', async (fault, partNumber) => {
    const faulty = await proxyWith([fault]);
    const result = await uploadPart(faulty.url, partNumber, ['--cli-read-timeout', '1', '--query', 'ETag', '--output', 'text']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`"${PART_MD5}"\n`);

    const [failed, retried] = faulty.requests;
    expect(faulty.requests).toHaveLength(2);
    expect(retried.body.equals(PART)).toBe(true);
    if (fault === 'reset-mid-body') {
      expect(failed.body.length).toBeGreaterThan(0);
      expect(failed.body.length).toBeLessThan(PART.length);
      expect(failed.body.equals(PART.subarray(0, failed.body.length))).toBe(true);
    } else {
      expect(failed.body.equals(PART)).toBe(true);
    }
    // The same request again, checksum and length included.
    for (const header of ['content-length', 'x-amz-checksum-crc64nvme', 'x-amz-sdk-checksum-algorithm']) {
      expect(retried.headers[header]).toBe(failed.headers[header]);
    }
    expect(failed.headers['amz-sdk-request']).toMatch(/attempt=1/);
    expect(retried.headers['amz-sdk-request']).toMatch(/attempt=2/);

    const listed = await testClient(inject('s3Endpoint')).send(new ListPartsCommand({ Bucket: bucket, Key: 'retried.bin', UploadId: uploadId }));
    const stored = listed.Parts?.find((part) => part.PartNumber === partNumber);
    expect(stored?.ETag).toBe(`"${PART_MD5}"`);
    expect(stored?.Size).toBe(PART.length);
  });
});

describe('exhausted retries', () => {
  it('head_err_service_500_retries: three 500s end with the retry count (254)', async () => {
    const faulty = await proxyWith(['internal-error', 'internal-error', 'internal-error']);
    const golden = readGolden('head_err_service_500_retries');
    const result = await uploadPart(faulty.url, 5);
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(faulty.requests).toHaveLength(3);
    for (const request of faulty.requests) expect(request.body.equals(PART)).toBe(true);
  });

  it('retry_max_attempts_1: AWS_MAX_ATTEMPTS=1 makes one attempt and reports 0 retries', async () => {
    const faulty = await proxyWith(['internal-error']);
    const golden = readGolden('retry_max_attempts_1');
    const result = await uploadPart(faulty.url, 5, [], { AWS_MAX_ATTEMPTS: '1' });
    expect(result.stderr).toBe(v29AsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(faulty.requests).toHaveLength(1);
  });

  it('max_attempts from the profile counts too, and the environment wins over it', async () => {
    const configFile = join(workdir, 'config-attempts');
    writeFileSync(configFile, '[default]\nmax_attempts = 2\n');
    const fromProfile = await proxyWith(['internal-error', 'internal-error']);
    const result = await uploadPart(fromProfile.url, 5, [], { AWS_CONFIG_FILE: configFile });
    expect(result.stderr).toContain('(reached max retries: 1)');
    expect(fromProfile.requests).toHaveLength(2);
    await fromProfile.close();

    const fromEnv = await proxyWith(['internal-error']);
    const envWins = await uploadPart(fromEnv.url, 5, [], { AWS_CONFIG_FILE: configFile, AWS_MAX_ATTEMPTS: '1' });
    expect(envWins.stderr).toContain('(reached max retries: 0)');
    expect(fromEnv.requests).toHaveLength(1);
  });

  it('retry_adaptive: adaptive mode retries as standard does', async () => {
    const faulty = await proxyWith(['internal-error', 'internal-error', 'internal-error']);
    const golden = readGolden('retry_adaptive');
    const result = await uploadPart(faulty.url, 5, [], { AWS_RETRY_MODE: 'adaptive' });
    expect(result.stderr).toBe(v29AsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(faulty.requests).toHaveLength(3);
  });

  it('throttling (503 SlowDown) keeps its error code and message', async () => {
    const faulty = await proxyWith(['slow-down', 'slow-down']);
    const result = await uploadPart(faulty.url, 5, [], { AWS_MAX_ATTEMPTS: '2' });
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (SlowDown) when calling the UploadPart operation (reached max retries: 1): Please reduce your request rate.\n',
    );
    expect(result.exitCode).toBe(254);
  });

  it('a connection reset on every attempt ends with botocore\'s ConnectionClosedError text (255)', async () => {
    const faulty = await proxyWith(['reset-mid-body', 'reset-mid-body']);
    const result = await uploadPart(faulty.url, 5, [], { AWS_MAX_ATTEMPTS: '2' });
    expect(result.stderr).toBe(
      `\ns3api: [ERROR]: Connection was closed before we received a valid response from endpoint URL: "${faulty.url}/${bucket}/retried.bin?partNumber=5&uploadId=${encodeURIComponent(uploadId)}".\n`,
    );
    expect(result.exitCode).toBe(255);
    expect(faulty.requests).toHaveLength(2);
  });

  it('err_connection_refused: nothing listening ends with the request URL (255)', async () => {
    const port = await freePort();
    const golden = readGolden('err_connection_refused');
    const result = await runInProcess(
      ['--endpoint-url', `http://127.0.0.1:${port}`, 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'],
      { env: { ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' } },
    );
    expect(result.stderr).toBe(v29AsHead(golden.stderr).replace('127.0.0.1:5999', `127.0.0.1:${port}`));
    expect(result.exitCode).toBe(golden.exitCode);
  });
});

describe('timeouts', () => {
  it('head_err_read_timeout: --cli-read-timeout 1 fires on a stalled server, on every attempt (255)', async () => {
    const faulty = await proxyWith(['stall', 'stall']);
    const golden = readGolden('head_err_read_timeout');
    const result = await runInProcess(
      ['--endpoint-url', faulty.url, '--cli-read-timeout', '1', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'],
      { env: { ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '2' } },
    );
    expect(result.stderr).toBe(asS3api(golden.stderr).replace('http://127.0.0.1:5060', faulty.url));
    expect(result.exitCode).toBe(golden.exitCode);
    // Both attempts timed out: with the 60 s default, two stalls would outlast the test's timeout.
    // The backoff between them is pinned in test/unit/s3/backoff.test.ts, not by the clock.
    expect(faulty.requests).toHaveLength(2);
  });

  it.each([
    ['--cli-read-timeout', 'err_read_timeout_not_int'],
    ['--cli-connect-timeout', 'err_read_timeout_not_int'],
  ])('%s abc fails as Python int() does (255)', async (flag, name) => {
    const golden = readGolden(name);
    const result = await runInProcess([flag, 'abc', '--endpoint-url', 'http://127.0.0.1:9', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u']);
    expect(result.stderr).toBe(v29AsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });
});

describe('invalid retry settings', () => {
  it.each([
    ['retry_bad_max', { AWS_MAX_ATTEMPTS: 'abc' }],
    ['retry_max_attempts_0', { AWS_MAX_ATTEMPTS: '0' }],
    ['retry_bad_mode', { AWS_RETRY_MODE: 'bogus' }],
    ['retry_legacy', { AWS_RETRY_MODE: 'legacy' }],
  ])('%s', async (name, env) => {
    const golden = readGolden(name);
    const result = await runInProcess(['--endpoint-url', 'http://127.0.0.1:9', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'], {
      env: { ...TEST_CREDENTIALS, ...env },
    });
    expect(result.stderr).toBe(v29AsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('head_retry_legacy: legacy from the profile is refused too', async () => {
    const configFile = join(workdir, 'config-legacy');
    writeFileSync(configFile, '[default]\nretry_mode = legacy\n');
    const golden = readGolden('head_retry_legacy');
    const result = await runInProcess(['--endpoint-url', 'http://127.0.0.1:9', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'], {
      env: { ...TEST_CREDENTIALS, AWS_CONFIG_FILE: configFile },
    });
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });
});
