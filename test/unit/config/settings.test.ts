/**
 * The AWS CLI's precedence for every setting the S3 client needs (SPEC §6.5, §7, §8, §9), and
 * its error texts for invalid values.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caBundleSetting,
  clientSettings,
  configPaths,
  endpointSetting,
  loadSharedConfig,
  maxAttemptsSetting,
  regionSetting,
  retryModeSetting,
  s3EndpointOptions,
  selectProfile,
  timeoutSetting,
  type SharedConfig,
} from '../../../src/config/settings.js';
import { DebugLog } from '../../../src/output/debug-log.js';
import { errorOf } from '../../support/errors.js';

/** The message and exit code of the CliError `action` throws, to compare in one assertion. */
function thrown(action: () => unknown): { message: string; exitCode: number } {
  const { message, exitCode } = errorOf(action);
  return { message, exitCode };
}

function sharedConfig(profile: Record<string, string> = {}, services: SharedConfig['services'] = {}): SharedConfig {
  return { profile, credentialsProfile: {}, services, profileExists: true };
}

describe('regionSetting', () => {
  it.each([
    ['--region first', 'ca-central-1', { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, { region: 'eu-west-1' }, 'ca-central-1'],
    ['AWS_REGION before AWS_DEFAULT_REGION', undefined, { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, {}, 'us-west-1'],
    ['AWS_DEFAULT_REGION before the profile', undefined, { AWS_DEFAULT_REGION: 'us-west-2' }, { region: 'eu-west-1' }, 'us-west-2'],
    ['an empty variable counts as unset', undefined, { AWS_REGION: '', AWS_DEFAULT_REGION: '' }, { region: 'eu-west-1' }, 'eu-west-1'],
    ['none at all (S3 then uses its global endpoint)', undefined, {}, {}, undefined],
  ])('%s', (_title, flag, env, profile, expected) => {
    expect(regionSetting(flag, env, profile)).toBe(expected);
  });
});

describe('endpointSetting', () => {
  const services = { dev: { 's3.endpoint_url': 'http://services:1' } };
  const profile = { endpoint_url: 'http://profile:1', services: 'dev' };
  const env = { AWS_ENDPOINT_URL: 'http://global:1', AWS_ENDPOINT_URL_S3: 'http://s3:1' };
  it.each([
    ['--endpoint-url first', 'http://flag:1', env, profile, 'http://flag:1'],
    ['AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL', undefined, env, profile, 'http://s3:1'],
    ['AWS_ENDPOINT_URL before any config', undefined, { AWS_ENDPOINT_URL: 'http://global:1' }, profile, 'http://global:1'],
    ['the services section before the profile', undefined, {}, profile, 'http://services:1'],
    ['the profile endpoint_url last', undefined, {}, { endpoint_url: 'http://profile:1' }, 'http://profile:1'],
    ['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ignores env and config', undefined, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'True' }, profile, undefined],
    ['but never the flag', 'http://flag:1', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, profile, 'http://flag:1'],
    ['ignore_configured_endpoint_urls in the profile', undefined, env, { ...profile, ignore_configured_endpoint_urls: 'true' }, undefined],
    ['the variable overrides the profile switch', undefined, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, { ...profile, ignore_configured_endpoint_urls: 'true' }, 'http://s3:1'],
  ])('%s', (_title, flag, environment, section, expected) => {
    expect(endpointSetting(flag, environment, sharedConfig(section, services))).toBe(expected);
  });
});

describe('maxAttemptsSetting', () => {
  it.each([
    [{}, {}, 3],
    [{}, { max_attempts: '5' }, 5],
    [{ AWS_MAX_ATTEMPTS: ' 7 ' }, { max_attempts: '5' }, 7],
    [{ AWS_MAX_ATTEMPTS: '1' }, {}, 1],
  ])('%j + profile %j -> %i', (env, profile, expected) => {
    expect(maxAttemptsSetting(env, profile)).toBe(expected);
  });

  it.each([
    ['abc', "invalid literal for int() with base 10: 'abc'"],
    ['', "invalid literal for int() with base 10: ''"],
    ['0', 'Value provided to "max_attempts": 0 must be an integer greater than or equal to one.'],
    ['-2', 'Value provided to "max_attempts": -2 must be an integer greater than or equal to one.'],
  ])('AWS_MAX_ATTEMPTS=%j fails with exit 255', (value, message) => {
    expect(thrown(() => maxAttemptsSetting({ AWS_MAX_ATTEMPTS: value }, {}))).toEqual({ message, exitCode: 255 });
  });
});

describe('retryModeSetting', () => {
  it('standard by default, the environment before the profile', () => {
    expect(retryModeSetting({}, {})).toBe('standard');
    expect(retryModeSetting({}, { retry_mode: 'adaptive' })).toBe('adaptive');
    expect(retryModeSetting({ AWS_RETRY_MODE: 'standard' }, { retry_mode: 'adaptive' })).toBe('standard');
  });

  it.each(['legacy', 'bogus', 'Standard'])('%s is refused as AWS CLI v2 refuses it (255)', (mode) => {
    expect(thrown(() => retryModeSetting({}, { retry_mode: mode }))).toEqual({
      message: `Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`,
      exitCode: 255,
    });
  });
});

describe('caBundleSetting', () => {
  it.each([
    ['--ca-bundle first', '/flag.pem', { AWS_CA_BUNDLE: '/env.pem', REQUESTS_CA_BUNDLE: '/requests.pem' }, { ca_bundle: '/profile.pem' }, '/flag.pem'],
    ['AWS_CA_BUNDLE before the profile', undefined, { AWS_CA_BUNDLE: '/env.pem' }, { ca_bundle: '/profile.pem' }, '/env.pem'],
    ['the profile before REQUESTS_CA_BUNDLE', undefined, { REQUESTS_CA_BUNDLE: '/requests.pem' }, { ca_bundle: '/profile.pem' }, '/profile.pem'],
    ['REQUESTS_CA_BUNDLE last', undefined, { REQUESTS_CA_BUNDLE: '/requests.pem' }, {}, '/requests.pem'],
    ['none: the default trust store', undefined, {}, {}, undefined],
    ['a path is not trimmed', ' /spaced.pem ', {}, {}, ' /spaced.pem '],
  ])('%s', (_title, flag, env, profile, expected) => {
    expect(caBundleSetting(flag, env, profile)).toBe(expected);
  });

  it.each([
    ['', {}, {}],
    [undefined, { AWS_CA_BUNDLE: '  ' }, {}],
    [undefined, {}, { ca_bundle: '' }],
  ])('an empty or blank value is an error (flag %j, env %j, profile %j)', (flag, env, profile) => {
    expect(thrown(() => caBundleSetting(flag, env, profile))).toEqual({
      message:
        'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.',
      exitCode: 255,
    });
  });
});

describe('s3EndpointOptions', () => {
  const defaults = {
    useAccelerateEndpoint: false,
    useDualstackEndpoint: false,
    useFipsEndpoint: false,
    useArnRegion: true,
    disableMultiregionAccessPoints: false,
    disableS3ExpressSessionAuth: false,
  };
  it.each([
    ['defaults (an ARN region is followed)', {}, {}, {}],
    ['s3.use_accelerate_endpoint', {}, { 's3.use_accelerate_endpoint': 'true' }, { useAccelerateEndpoint: true }],
    ['s3.use_dualstack_endpoint', {}, { 's3.use_dualstack_endpoint': 'True' }, { useDualstackEndpoint: true }],
    ['AWS_USE_DUALSTACK_ENDPOINT', { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, {}, { useDualstackEndpoint: true }],
    ['the s3 section wins over the general setting', { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, { 's3.use_dualstack_endpoint': 'false' }, {}],
    ['use_dualstack_endpoint in the profile', {}, { use_dualstack_endpoint: 'true' }, { useDualstackEndpoint: true }],
    ['AWS_USE_FIPS_ENDPOINT before the profile', { AWS_USE_FIPS_ENDPOINT: 'false' }, { use_fips_endpoint: 'true' }, {}],
    ['use_fips_endpoint in the profile', {}, { use_fips_endpoint: 'TRUE' }, { useFipsEndpoint: true }],
    ['s3.use_arn_region = false', {}, { 's3.use_arn_region': 'false' }, { useArnRegion: false }],
    ['AWS_S3_USE_ARN_REGION first', { AWS_S3_USE_ARN_REGION: 'true' }, { s3_use_arn_region: 'false' }, {}],
    ['s3.s3_disable_multiregion_access_points', {}, { 's3.s3_disable_multiregion_access_points': 'true' }, { disableMultiregionAccessPoints: true }],
    ['AWS_S3_DISABLE_EXPRESS_SESSION_AUTH', { AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'true' }, {}, { disableS3ExpressSessionAuth: true }],
  ])('%s', (_title, env, profile, changes) => {
    expect(s3EndpointOptions(env, profile)).toEqual({ ...defaults, ...changes });
  });
});

describe('timeoutSetting', () => {
  it('60 s by default, seconds otherwise, 0 for none', () => {
    expect(timeoutSetting(undefined)).toBe(60_000);
    expect(timeoutSetting('5')).toBe(5000);
    expect(timeoutSetting('0')).toBeUndefined();
  });

  it('a value that is not an integer fails as Python int() does (255)', () => {
    expect(thrown(() => timeoutSetting('abc'))).toEqual({ message: "invalid literal for int() with base 10: 'abc'", exitCode: 255 });
    expect(thrown(() => timeoutSetting('1.5'))).toEqual({ message: "invalid literal for int() with base 10: '1.5'", exitCode: 255 });
  });
});

describe('loadSharedConfig', () => {
  it('reads the nested s3 keys, services sections and whether the profile exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3api-settings-'));
    writeFileSync(
      join(dir, 'config'),
      '[profile dev]\nservices = local\ns3 =\n    addressing_style = path\n    use_accelerate_endpoint = true\n\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:1\n',
    );
    writeFileSync(join(dir, 'credentials'), '[onlykeys]\naws_access_key_id = a\naws_secret_access_key = b\n');
    const paths = configPaths({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }, '/nowhere');
    const dev = await loadSharedConfig(paths, 'dev');
    expect(dev.profile['s3.addressing_style']).toBe('path');
    expect(dev.profile['s3.use_accelerate_endpoint']).toBe('true');
    expect(dev.services.local['s3.endpoint_url']).toBe('http://127.0.0.1:1');
    expect(dev.profileExists).toBe(true);
    expect((await loadSharedConfig(paths, 'onlykeys')).profileExists).toBe(true);
    expect((await loadSharedConfig(paths, 'nope')).profileExists).toBe(false);
  });

  it('finds the files under the home directory without the variables', () => {
    expect(configPaths({}, '/home/u')).toEqual({ configFile: '/home/u/.aws/config', credentialsFile: '/home/u/.aws/credentials' });
  });
});

describe('clientSettings', () => {
  const log = new DebugLog({ write: () => undefined }, false, {});
  const paths = { configFile: '/c', credentialsFile: '/k' };
  const envKeys = { AWS_ACCESS_KEY_ID: 'envkey', AWS_SECRET_ACCESS_KEY: 'envsecret', AWS_SESSION_TOKEN: 'envtoken' };
  const settings = (globals: Record<string, string | true>, env: Record<string, string>, profile: Record<string, string> = {}) =>
    clientSettings({ globals, env, profile: selectProfile(globals.profile as string | undefined, env), config: sharedConfig(profile), paths, log });

  it('environment credentials are used unless --profile is given; AWS_PROFILE does not count', () => {
    expect(settings({}, envKeys).environmentCredentials).toEqual({ accessKeyId: 'envkey', secretAccessKey: 'envsecret', sessionToken: 'envtoken' });
    expect(settings({}, { ...envKeys, AWS_PROFILE: 'p1' }).environmentCredentials?.accessKeyId).toBe('envkey');
    expect(settings({ profile: 'p1' }, envKeys).environmentCredentials).toBeUndefined();
    expect(settings({}, { AWS_ACCESS_KEY_ID: 'only-the-id' }).environmentCredentials).toBeUndefined();
  });

  it('names the profile for the SDK even when it is the default one', () => {
    expect(settings({}, {}).profile).toBe('default');
    expect(settings({}, { AWS_PROFILE: 'p1' }).profile).toBe('p1');
    expect(settings({ profile: 'p2' }, { AWS_PROFILE: 'p1' }).profile).toBe('p2');
    expect(settings({}, {}).configFiles).toBe(paths);
  });

  it.each([
    ['AWS endpoint: virtual-hosted', {}, {}, false],
    ['AWS endpoint, addressing_style = path', {}, { 's3.addressing_style': 'path' }, true],
    ['custom endpoint: path style', { endpointUrl: 'http://localhost:1' }, {}, true],
    ['custom endpoint, addressing_style = virtual', { endpointUrl: 'http://localhost:1' }, { 's3.addressing_style': 'virtual' }, false],
  ])('%s', (_title, globals, profile, forcePathStyle) => {
    expect(settings(globals, {}, profile).forcePathStyle).toBe(forcePathStyle);
  });

  it('--no-verify-ssl drops the CA bundle without checking it', () => {
    expect(settings({ noVerifySsl: true }, { AWS_CA_BUNDLE: '' }).caBundle).toBeUndefined();
    expect(settings({}, { AWS_CA_BUNDLE: '/ca.pem' }).caBundle).toBe('/ca.pem');
  });

  it('timeouts and retries come from the flags, the environment and the profile', () => {
    const resolved = settings({ cliReadTimeout: '0', cliConnectTimeout: '7' }, { AWS_RETRY_MODE: 'adaptive' }, { max_attempts: '4' });
    expect(resolved).toMatchObject({ readTimeoutMs: undefined, connectTimeoutMs: 7000, retryMode: 'adaptive', maxAttempts: 4 });
  });
});
