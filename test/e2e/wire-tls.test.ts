/**
 * TLS against moto serving HTTPS with a self-signed certificate: verification is on by default,
 * --no-verify-ssl turns it off with one warning, and a CA bundle from --ca-bundle,
 * AWS_CA_BUNDLE or the profile's `ca_bundle` makes the certificate trusted, in that order.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { asS3api, readGolden } from '../support/golden.js';
import { createUpload } from '../support/s3-fixture.js';
import { startTlsMoto, type TlsServer } from '../support/tls.js';
import { recordedTrailerPart } from '../support/trailer-recording.js';

let server: TlsServer;
let workdir: string;
const BUCKET = 'sbkt';

beforeAll(async () => {
  server = await startTlsMoto();
  workdir = mkdtempSync(join(tmpdir(), 's3api-tls-'));
  await trustingClient().send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  await server.close();
});

/** An SDK client for test setup that trusts the server's certificate. */
function trustingClient(): S3Client {
  return new S3Client({
    endpoint: server.url,
    region: TEST_CREDENTIALS.AWS_DEFAULT_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca: readFileSync(server.certificateFile) }) }),
  });
}

function listUploads(extra: readonly string[], env: Record<string, string> = {}, homedir?: string) {
  return runInProcess(['--endpoint-url', server.url, ...extra, 'list-multipart-uploads', '--bucket', BUCKET], {
    env: { ...TEST_CREDENTIALS, ...env },
    homedir,
  });
}

/** The v2-head golden's error with this server's URL and without Python's `(_ssl.c:NNN)`. */
function expectedSslError(golden: string, recordedUrl: string, url: string): string {
  return asS3api(golden).replace(recordedUrl, url).replace(/ \(_ssl\.c:\d+\)/, '');
}

describe('TLS verification', () => {
  it('head_ssl_verify_fail: a self-signed certificate fails verification by default (255)', async () => {
    const result = await listUploads([]);
    const golden = readGolden('head_ssl_verify_fail');
    expect(result.stderr).toBe(expectedSslError(golden.stderr, 'https://127.0.0.1:5443/sbkt', `${server.url}/${BUCKET}?uploads`));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.stdout).toBe('');
  });

  it('head_ssl_no_verify: --no-verify-ssl succeeds with one warning on stderr', async () => {
    const result = await listUploads(['--no-verify-ssl']);
    const golden = readGolden('head_ssl_no_verify');
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
    // urllib3's InsecureRequestWarning, without the Python file and documentation link.
    expect(golden.stderr).toContain("InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'.");
    expect(result.stderr).toBe(
      "s3api: InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised.\n",
    );
  });

  it('--ca-bundle with the server certificate makes it trusted', async () => {
    const result = await listUploads(['--ca-bundle', server.certificateFile]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readGolden('head_ssl_no_verify').stdout);
  });

  it('AWS_CA_BUNDLE is used without the flag, and the flag wins over it', async () => {
    const fromEnv = await listUploads([], { AWS_CA_BUNDLE: server.certificateFile });
    expect(fromEnv.stderr).toBe('');
    expect(fromEnv.exitCode).toBe(0);
    const flagWins = await listUploads(['--ca-bundle', server.certificateFile], { AWS_CA_BUNDLE: join(workdir, 'missing.pem') });
    expect(flagWins.stderr).toBe('');
    expect(flagWins.exitCode).toBe(0);
  });

  it('the profile ca_bundle is used, and AWS_CA_BUNDLE wins over it', async () => {
    const configFile = join(workdir, 'config-ca');
    writeFileSync(configFile, `[default]\nca_bundle = ${server.certificateFile}\n`);
    const fromProfile = await listUploads([], { AWS_CONFIG_FILE: configFile });
    expect(fromProfile.stderr).toBe('');
    expect(fromProfile.exitCode).toBe(0);
    const envWins = await listUploads([], { AWS_CONFIG_FILE: configFile, AWS_CA_BUNDLE: join(workdir, 'missing.pem') });
    expect(envWins.stderr).toContain('[Errno 2] No such file or directory');
    expect(envWins.exitCode).toBe(255);
  });

  it('head_ca_bundle_missing: a bundle that does not exist fails the request with its URL (255)', async () => {
    const golden = readGolden('head_ca_bundle_missing');
    const result = await runInProcess(
      ['--endpoint-url', server.url, '--ca-bundle', join(workdir, 'missing.pem'), 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'],
      { env: TEST_CREDENTIALS },
    );
    expect(result.stderr).toBe(asS3api(golden.stderr).replace('https://127.0.0.1:5443', server.url));
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('a missing bundle does not matter for an http endpoint: it is only opened for TLS', async () => {
    const result = await runInProcess(
      ['--endpoint-url', inject('s3Endpoint'), '--ca-bundle', join(workdir, 'missing.pem'), 'list-multipart-uploads', '--bucket', 'no-such-bucket-tls'],
      { env: TEST_CREDENTIALS },
    );
    expect(result.stderr).toContain('(NoSuchBucket)');
    expect(result.exitCode).toBe(254);
  });

  it.each([
    ['--ca-bundle ""', ['--ca-bundle', ''], {}],
    ['AWS_CA_BUNDLE=" "', [], { AWS_CA_BUNDLE: ' ' }],
    ['REQUESTS_CA_BUNDLE=""', [], { REQUESTS_CA_BUNDLE: '' }],
  ])('head_ca_bundle_empty: %s is refused before any request (255)', async (_name, flags, env) => {
    const golden = readGolden('head_ca_bundle_empty');
    const result = await listUploads(flags, env);
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('--no-verify-ssl ignores even an empty CA bundle, as the AWS CLI does', async () => {
    const result = await listUploads(['--no-verify-ssl'], { AWS_CA_BUNDLE: '' });
    expect(result.exitCode).toBe(0);
  });

  it('a host name the certificate does not name fails with Python\'s mismatch text', async () => {
    const url = server.url.replace('127.0.0.1', 'localhost');
    const result = await runInProcess(['--endpoint-url', url, '--ca-bundle', server.certificateFile, 'list-multipart-uploads', '--bucket', BUCKET], {
      env: TEST_CREDENTIALS,
    });
    expect(result.stderr).toBe(
      `\ns3api: [ERROR]: SSL validation failed for ${url}/${BUCKET}?uploads [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'localhost'.\n`,
    );
    expect(result.exitCode).toBe(255);
  });

  it('head_https_upload_part_trailer: upload-part over TLS prints what the AWS CLI prints', async () => {
    const golden = readGolden('head_https_upload_part_trailer');
    const uploadId = await createUpload(trustingClient(), BUCKET, 'k');
    writeFileSync(join(workdir, 'part1.bin'), 'hello world part one\n');
    const result = await runInProcess(
      ['--endpoint-url', server.url, '--ca-bundle', server.certificateFile, 'upload-part', '--bucket', BUCKET, '--key', 'k',
        '--part-number', '1', '--upload-id', uploadId, '--body', 'part1.bin'],
      { env: TEST_CREDENTIALS, cwd: workdir },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(golden.stdout);
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('upload-part over verified TLS stores the part (the CA applies to requests with a body too)', async () => {
    const uploadId = await createUpload(trustingClient(), BUCKET, 'tls/part.bin');
    const part = randomBytes(64 * 1024);
    writeFileSync(join(workdir, 'part.bin'), part);
    const result = await runInProcess(
      ['--endpoint-url', server.url, '--ca-bundle', server.certificateFile, 'upload-part', '--bucket', BUCKET, '--key', 'tls/part.bin',
        '--part-number', '1', '--upload-id', uploadId, '--body', 'part.bin', '--query', 'ETag', '--output', 'text'],
      { env: TEST_CREDENTIALS, cwd: workdir },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`"${createHash('md5').update(part).digest('hex')}"\n`);
  });
  it('a whole upload over TLS, its parts checksummed in aws-chunked trailers, stores the bytes sent', async () => {
    const key = 'tls/trailer.bin';
    const uploadId = await createUpload(trustingClient(), BUCKET, key);
    // The recorded part, whose CRC64NVME the newest AWS CLI sent in its trailer: SGUUy1AmTgg=.
    const last = recordedTrailerPart();
    // S3's smallest part but the last: 5 MiB.
    const first = randomBytes(5 * 1024 * 1024);
    writeFileSync(join(workdir, 'first.bin'), first);
    writeFileSync(join(workdir, 'last.bin'), last);
    const upload = (part: number, file: string, ...extra: string[]) =>
      runInProcess(
        ['--endpoint-url', server.url, '--ca-bundle', server.certificateFile, 'upload-part', '--bucket', BUCKET, '--key', key,
          '--part-number', String(part), '--upload-id', uploadId, '--body', file, ...extra],
        { env: TEST_CREDENTIALS, cwd: workdir },
      );
    const one = await upload(1, 'first.bin', '--checksum-algorithm', 'sha256');
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout)).toEqual({
      ETag: `"${createHash('md5').update(first).digest('hex')}"`,
      ChecksumSHA256: createHash('sha256').update(first).digest('base64'),
    });
    const two = await upload(2, 'last.bin');
    expect(two.stderr).toBe('');
    expect(JSON.parse(two.stdout)).toEqual({ ETag: `"${createHash('md5').update(last).digest('hex')}"`, ChecksumCRC64NVME: 'SGUUy1AmTgg=' });
    const completed = await runInProcess(
      ['--endpoint-url', server.url, '--ca-bundle', server.certificateFile, 'complete-multipart-upload', '--bucket', BUCKET, '--key', key,
        '--upload-id', uploadId, '--parts-from-server'],
      { env: TEST_CREDENTIALS },
    );
    expect(completed.stderr).toBe('');
    expect(completed.exitCode).toBe(0);
    const object = await trustingClient().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(Buffer.concat([first, last]))).toBe(true);
  });
});
