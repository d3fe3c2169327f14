/**
 * Configuration as the AWS CLI resolves it, observed on the wire: the endpoint URL a request
 * goes to (read from the "Could not connect" error, as the AWS CLI's own runs were recorded),
 * the credentials that sign it (the access key in the Authorization header), and the errors for
 * missing credentials, unknown profiles and bad settings.
 *
 * Requests to AWS host names must fail on name resolution, as they did when the goldens were
 * recorded without a network: name lookups are made to fail for every non-loopback name.
 */
import dns from 'node:dns';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { emptyHome, runInProcess, spawnCli } from '../support/cli.js';
import { GOLDEN_DIR, asS3api, readGolden } from '../support/golden.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';
import { freePort } from '../support/tls.js';
import { ON_MOTO } from '../support/server.js';

const CFG = join(GOLDEN_DIR, 'inputs', 'cfg');
const KEYS = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
/** One attempt: a refused or unresolvable connection is retried with backoff otherwise. */
const ONE_ATTEMPT = { AWS_MAX_ATTEMPTS: '1' };
const LIST_PARTS = ['list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'];

let workdir: string;
/** Closed loopback ports standing in for the goldens' 5991…5995 and 5999. */
const ports = new Map<number, number>();

beforeAll(async () => {
  workdir = mkdtempSync(join(tmpdir(), 's3api-config-'));
  for (const recorded of [5991, 5992, 5993, 5994, 5995, 5999]) ports.set(recorded, await freePort());
  const lookup = dns.lookup;
  vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, options: unknown, callback?: unknown) => {
    if (hostname === 'localhost' || /^[\d.]+$/.test(hostname)) return (lookup as (...args: unknown[]) => void)(hostname, options, callback);
    const done = (typeof options === 'function' ? options : callback) as (error: Error) => void;
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
    process.nextTick(() => done(error));
  }) as typeof dns.lookup);
});

afterAll(() => {
  vi.restoreAllMocks();
});

/** The goldens' fixed ports replaced by this run's closed ones. */
function withPorts(text: string): string {
  return text.replace(/:(599[1-59])\b/g, (_match, port: string) => `:${ports.get(Number(port))}`);
}

/** A 2.9 error (`\nMESSAGE\n`) in the target layout. */
function v29AsHead(stderr: string): string {
  return stderr.replace(/^\n/, '\ns3api: [ERROR]: ');
}

function withPortsIn(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, withPorts(value)]));
}

function configCopy(name: string): string {
  const path = join(workdir, name);
  writeFileSync(path, withPorts(readFileSync(join(CFG, name), 'utf8')));
  return path;
}

describe('the endpoint a request goes to', () => {
  const cases: [golden: string, argv: string[], env: Record<string, string>][] = [
    ['url_region_us-west-2', ['--region', 'us-west-2', 'list-parts', '--bucket', 'bkt', '--key', 'a b/c+d', '--upload-id', 'u'], {}],
    ['url_region_us-east-1', ['--region', 'us-east-1', 'list-parts', '--bucket', 'bkt', '--key', 'a b/c+d', '--upload-id', 'u'], {}],
    ['url_region_eu-central-1', ['--region', 'eu-central-1', 'list-parts', '--bucket', 'bkt', '--key', 'a b/c+d', '--upload-id', 'u'], {}],
    ['url_region_cn-north-1', ['--region', 'cn-north-1', 'list-parts', '--bucket', 'bkt', '--key', 'a b/c+d', '--upload-id', 'u'], {}],
    ['url_bucket_dots', ['--region', 'us-west-2', 'list-parts', '--bucket', 'my.dotted.bucket', '--key', 'k', '--upload-id', 'u'], {}],
    ['url_bucket_underscore', ['--region', 'us-west-2', 'list-parts', '--bucket', 'my_bucket', '--key', 'k', '--upload-id', 'u'], {}],
    ['url_bucket_upper', ['--region', 'us-west-2', 'list-parts', '--bucket', 'MyBucket', '--key', 'k', '--upload-id', 'u'], {}],
    ['url_addressing_path', ['--region', 'us-west-2', ...LIST_PARTS], { AWS_CONFIG_FILE: join(CFG, 'config_path') }],
    ['url_accelerate', LIST_PARTS, { AWS_CONFIG_FILE: join(CFG, 'config_accel'), AWS_DEFAULT_REGION: 'us-east-1' }],
    ['url_dualstack', ['--region', 'us-west-2', ...LIST_PARTS], { AWS_CONFIG_FILE: join(CFG, 'config_dual') }],
    ['url_dualstack', ['--region', 'us-west-2', ...LIST_PARTS], { AWS_USE_DUALSTACK_ENDPOINT: 'true' }],
    ['url_fips', ['--region', 'us-west-2', ...LIST_PARTS], { AWS_CONFIG_FILE: join(CFG, 'config_fips') }],
    ['url_fips', ['--region', 'us-west-2', ...LIST_PARTS], { AWS_USE_FIPS_ENDPOINT: 'TRUE' }],
    [
      'url_accesspoint_arn',
      ['list-parts', '--bucket', 'arn:aws:s3:us-west-2:123456789012:accesspoint/myap', '--key', 'k', '--upload-id', 'u'],
      { AWS_DEFAULT_REGION: 'us-east-1' },
    ],
    ['url_custom_endpoint_hostname', ['--endpoint-url', 'http://localhost:5999', ...LIST_PARTS], {}],
    ['url_custom_endpoint_ip', ['--endpoint-url', 'http://127.0.0.1:5999', ...LIST_PARTS], {}],
    ['url_addressing_virtual_custom', ['--endpoint-url', 'http://127.0.0.1:5999', ...LIST_PARTS], { AWS_CONFIG_FILE: join(CFG, 'config_virtual') }],
    ['url_addressing_virtual_custom_host', ['--endpoint-url', 'http://localhost:5999', ...LIST_PARTS], { AWS_CONFIG_FILE: join(CFG, 'config_virtual') }],
    ['cfg_region_config_only', LIST_PARTS, { AWS_CONFIG_FILE: join(CFG, 'config_profiles') }],
    ['cfg_region_default_env', LIST_PARTS, { AWS_CONFIG_FILE: join(CFG, 'config_profiles'), AWS_DEFAULT_REGION: 'us-west-2' }],
    ['cfg_region_flag', ['--region', 'ca-central-1', ...LIST_PARTS], { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' }],
    [
      'cfg_region_precedence',
      LIST_PARTS,
      { AWS_CONFIG_FILE: join(CFG, 'config_profiles'), AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' },
    ],
    // No region anywhere: S3's global endpoint, not a NoRegionError.
    ['err_no_region_no_endpoint', LIST_PARTS, {}],
  ];

  it.each(cases)('%s', async (golden, argv, env) => {
    const expected = readGolden(golden);
    const result = await runInProcess(argv.map(withPorts), { env: { ...KEYS, ...ONE_ATTEMPT, ...env } });
    expect(result.stderr).toBe(withPorts(v29AsHead(expected.stderr)));
    expect(result.exitCode).toBe(expected.exitCode);
  });

  const configEp = () => configCopy('config_ep');
  const endpointCases: [golden: string, argv: string[], env: () => Record<string, string>][] = [
    ['head_ep_config_global', LIST_PARTS, () => ({ AWS_CONFIG_FILE: configEp() })],
    [
      'head_ep_config_services',
      LIST_PARTS,
      () => ({ AWS_CONFIG_FILE: configEp(), AWS_SHARED_CREDENTIALS_FILE: join(CFG, 'credentials_svc'), AWS_PROFILE: 'svc' }),
    ],
    ['head_ep_env_global', LIST_PARTS, () => ({ AWS_ENDPOINT_URL: 'http://127.0.0.1:5993' })],
    ['head_ep_env_over_config', LIST_PARTS, () => ({ AWS_CONFIG_FILE: configEp(), AWS_ENDPOINT_URL: 'http://127.0.0.1:5993' })],
    ['head_ep_env_s3', LIST_PARTS, () => ({ AWS_ENDPOINT_URL: 'http://127.0.0.1:5993', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:5994' })],
    [
      'head_ep_flag_wins',
      ['--endpoint-url', 'http://127.0.0.1:5995', ...LIST_PARTS],
      () => ({ AWS_CONFIG_FILE: configEp(), AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:5994' }),
    ],
    [
      'head_ep_services_vs_env',
      LIST_PARTS,
      () => ({
        AWS_CONFIG_FILE: configEp(),
        AWS_SHARED_CREDENTIALS_FILE: join(CFG, 'credentials_svc'),
        AWS_PROFILE: 'svc',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:5993',
      }),
    ],
    [
      'head_ep_ignore',
      LIST_PARTS,
      () => ({ AWS_CONFIG_FILE: configEp(), AWS_ENDPOINT_URL: 'http://127.0.0.1:5993', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ],
  ];

  it.each(endpointCases)('%s', async (golden, argv, env) => {
    const expected = readGolden(golden);
    const result = await runInProcess(argv.map(withPorts), {
      env: { ...KEYS, AWS_DEFAULT_REGION: 'us-east-1', ...ONE_ATTEMPT, ...withPortsIn(env()) },
    });
    expect(result.stderr).toBe(withPorts(asS3api(expected.stderr)));
    expect(result.exitCode).toBe(expected.exitCode);
  });

  it('head_ep_ignore: ignore_configured_endpoint_urls in the profile ignores the config endpoints', async () => {
    const configFile = join(workdir, 'config-ignore');
    writeFileSync(configFile, `${readFileSync(configEp(), 'utf8')}\n[profile quiet]\naws_access_key_id = quiet\naws_secret_access_key = quiet\nendpoint_url = http://127.0.0.1:5991\nignore_configured_endpoint_urls = true\n`);
    const result = await runInProcess(['--profile', 'quiet', ...LIST_PARTS], {
      env: { ...KEYS, AWS_DEFAULT_REGION: 'us-east-1', ...ONE_ATTEMPT, AWS_CONFIG_FILE: configFile },
    });
    expect(result.stderr).toBe(asS3api(readGolden('head_ep_ignore').stderr));
  });

  it('url_accesspoint_arn_copy: an access-point ARN copy source is sent percent-encoded', async () => {
    const expected = readGolden('url_accesspoint_arn_copy');
    const result = await runInProcess(
      ['--region', 'us-west-2', '--debug', 'upload-part-copy', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--part-number', '1',
        '--copy-source', 'arn:aws:s3:us-west-2:123456789012:accesspoint/myap/object/some key'],
      { env: { ...KEYS, ...ONE_ATTEMPT } },
    );
    const lastLine = (text: string) => text.trimEnd().split('\n').pop();
    expect(lastLine(result.stderr)).toBe(`s3api: [ERROR]: ${lastLine(expected.stderr)}`);
    expect(result.stderr).toContain("'x-amz-copy-source': 'arn%3Aaws%3As3%3Aus-west-2%3A123456789012%3Aaccesspoint/myap/object/some%20key'");
    expect(expected.stderr).toContain("'x-amz-copy-source': b'arn%3Aaws%3As3%3Aus-west-2%3A123456789012%3Aaccesspoint/myap/object/some%20key'");
    expect(result.exitCode).toBe(expected.exitCode);
  });
});

describe('the credentials that sign a request', () => {
  let proxy: RecordingProxy;
  let bucket: string;

  beforeAll(async () => {
    proxy = await startRecordingProxy(inject('s3Endpoint'));
    bucket = await createUniqueBucket(testClient(inject('s3Endpoint')), 'wire-config');
  });

  afterAll(async () => {
    await proxy.close();
  });

  /** The one request a run sent, after it succeeded: never an earlier test's. */
  function onlyRequestOf(result: { exitCode: number; stderr: string }, before: number) {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(proxy.requests.length - before).toBe(1);
    return proxy.requests[before];
  }

  async function signedWith(argv: readonly string[], env: Record<string, string>) {
    const before = proxy.requests.length;
    const result = await runInProcess(['--endpoint-url', proxy.url, ...argv, 'list-multipart-uploads', '--bucket', bucket], {
      env: { AWS_DEFAULT_REGION: 'us-east-1', ...env },
    });
    const request = onlyRequestOf(result, before);
    const credential = /Credential=([^/]*)\//.exec(String(request.headers.authorization))?.[1];
    return { ...result, credential, request };
  }

  const files = { AWS_CONFIG_FILE: join(CFG, 'config_profiles'), AWS_SHARED_CREDENTIALS_FILE: join(CFG, 'credentials') };
  const envKeys = { AWS_ACCESS_KEY_ID: 'envkey', AWS_SECRET_ACCESS_KEY: 'envsecret' };

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('cfg_explicit_profile_skips_env: --profile ignores credentials in the environment, silently', async () => {
    const result = await signedWith(['--profile', 'p1'], { ...files, ...envKeys });
    expect(result.credential).toBe('p1key');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('cfg_output_profile_envvar: AWS_PROFILE does not: environment credentials still win', async () => {
    const result = await signedWith([], { ...files, ...envKeys, AWS_PROFILE: 'p1' });
    expect(result.credential).toBe('envkey');
    expect(result.stderr).toBe('');
  });

  it('AWS_PROFILE selects the profile\'s credentials when the environment has none', async () => {
    expect((await signedWith([], { ...files, AWS_PROFILE: 'p1' })).credential).toBe('p1key');
  });

  it('the default profile of AWS_SHARED_CREDENTIALS_FILE is used without a profile', async () => {
    expect((await signedWith([], files)).credential).toBe('fromfile');
  });

  it('keys in the config file itself count too', async () => {
    const configFile = join(workdir, 'config-keys');
    writeFileSync(configFile, '[profile cfgkeys]\naws_access_key_id = cfgkey\naws_secret_access_key = cfgsecret\n');
    expect((await signedWith(['--profile', 'cfgkeys'], { AWS_CONFIG_FILE: configFile })).credential).toBe('cfgkey');
  });

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('~/.aws/credentials under HOME is the default file', async () => {
    const home = emptyHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = homekey\naws_secret_access_key = homesecret\n');
    const before = proxy.requests.length;
    const result = await runInProcess(['--endpoint-url', proxy.url, 'list-multipart-uploads', '--bucket', bucket], {
      env: { AWS_DEFAULT_REGION: 'us-east-1' },
      homedir: home,
    });
    expect(String(onlyRequestOf(result, before).headers.authorization)).toContain('Credential=homekey/');
  });

  it('AWS_SESSION_TOKEN is sent as x-amz-security-token', async () => {
    const result = await signedWith([], { ...envKeys, AWS_SESSION_TOKEN: 'the-session-token' });
    expect(result.request.headers['x-amz-security-token']).toBe('the-session-token');
  });

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('no_sign_request: --no-sign-request needs no credentials and sends no signature', async () => {
    const before = proxy.requests.length;
    const result = await runInProcess(['--endpoint-url', proxy.url, '--no-sign-request', 'list-multipart-uploads', '--bucket', bucket], {
      env: { AWS_DEFAULT_REGION: 'us-east-1' },
    });
    const headers = onlyRequestOf(result, before).headers;
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-amz-date']).toBeUndefined();
    expect(readGolden('no_sign_request').stderr).not.toContain("'Authorization'");
  });

  it('head_err_no_credentials: no credentials anywhere (253)', () => {
    const golden = readGolden('head_err_no_credentials');
    // The built binary, so the SDK's providers see exactly this environment (no instance metadata).
    const result = spawnCli(['--endpoint-url', proxy.url, ...LIST_PARTS], {
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it.each([
    ['head_err_profile_not_found', ['--profile', 'nope'], {}],
    ['err_profile_env_not_found', [], { AWS_PROFILE: 'nope' }],
  ])('%s: an unknown profile (255)', async (golden, argv, env) => {
    const expected = readGolden(golden);
    const result = await runInProcess([...argv, '--endpoint-url', proxy.url, ...LIST_PARTS], { env: { ...KEYS, ...files, ...env } });
    expect(result.stderr).toBe(golden.startsWith('head_') ? asS3api(expected.stderr) : v29AsHead(expected.stderr));
    expect(result.exitCode).toBe(expected.exitCode);
  });

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('err_no_region: without any region S3 still answers (no NoRegionError)', async () => {
    const expected = readGolden('err_no_region');
    const result = await runInProcess(['--endpoint-url', proxy.url, 'list-parts', '--bucket', bucket, '--key', 'k', '--upload-id', 'u'], {
      env: KEYS,
    });
    expect(result.stderr).toBe(v29AsHead(expected.stderr));
    expect(result.exitCode).toBe(expected.exitCode);
  });
});

describe('cli_timestamp_format', () => {
  it('timestamp_bad: an unknown value is a configuration error (253)', async () => {
    const expected = readGolden('timestamp_bad');
    const result = await runInProcess(['--endpoint-url', 'http://127.0.0.1:9', ...LIST_PARTS], {
      env: { ...KEYS, AWS_CONFIG_FILE: join(CFG, 'config_badts') },
    });
    expect(result.stderr).toMatch(/^\ns3api: \[ERROR\]: (An error occurred \(Configuration\): )?/);
    expect(result.stderr.endsWith(expected.stderr.slice(1))).toBe(true);
    expect(result.exitCode).toBe(expected.exitCode);
  });

  // Moto only: moto accepts any access key and anonymous requests, and sends its own timestamps; Swift checks signatures against its own keys.
  it.skipIf(!ON_MOTO)('timestamp_wire: wire prints timestamps as S3 sent them', async () => {
    const endpoint = inject('s3Endpoint');
    const bucket = await createUniqueBucket(testClient(endpoint), 'wire-ts');
    await createUpload(testClient(endpoint), bucket, 'k');
    const result = await runInProcess(
      ['--endpoint-url', endpoint, 'list-multipart-uploads', '--bucket', bucket, '--query', 'Uploads[0].Initiated'],
      { env: { ...KEYS, AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: join(CFG, 'config_wire') } },
    );
    expect(readGolden('timestamp_wire').stdout).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"\n$/);
    expect(result.stdout).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"\n$/);
    expect(result.exitCode).toBe(0);
  });
});
