/**
 * Everything the CLI itself reads from flags, the environment and the profile, with the
 * AWS CLI's precedence and error texts. Credentials, SSO and IMDS stay with the SDK's own
 * providers; the ini files are read with the SDK's own loader.
 */
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isUnparsableIni } from './ini-syntax.js';
import { configurationError, generalError, paramError } from '../errors/errors.js';
import { parsePythonInt } from '../python/int.js';
import type { DebugLog } from '../output/debug-log.js';
import type { ErrorFormat, OutputFormat } from '../spec/globals.js';
import { ERROR_FORMATS } from '../spec/globals.js';

export type Environment = Readonly<Record<string, string | undefined>>;
export type ProfileSection = Readonly<Record<string, string | undefined>>;

export interface SharedConfig {
  /** The selected profile's keys from the config file (nested `s3 =` keys as `s3.key`). */
  readonly profile: ProfileSection;
  /** `[services NAME]` sections by name. */
  readonly services: Readonly<Record<string, ProfileSection>>;
  /** The selected profile's keys from the credentials file. */
  readonly credentialsProfile: ProfileSection;
  /** Whether the profile exists in either file. */
  readonly profileExists: boolean;
}

export interface ConfigPaths {
  readonly configFile: string;
  readonly credentialsFile: string;
}

export function configPaths(env: Environment, homedir: string): ConfigPaths {
  return {
    configFile: env.AWS_CONFIG_FILE || join(homedir, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(homedir, '.aws', 'credentials'),
  };
}

/** A file that is missing or not a regular file is skipped, as botocore skips it. */
async function assertParsable(path: string): Promise<void> {
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes && isUnparsableIni(bytes)) throw generalError(`Unable to parse config file: ${path}`);
}

export async function loadSharedConfig(paths: ConfigPaths, profileName: string): Promise<SharedConfig> {
  // botocore reads both files whole, whatever the profile and wherever the credentials come from.
  await assertParsable(paths.configFile);
  await assertParsable(paths.credentialsFile);
  // require(), not import(): the ESM loader's CommonJS export scan costs start-up (s3/load-cjs.ts).
  const { loadSharedConfigFiles } = createRequire(import.meta.url)('@smithy/core/config') as typeof import('@smithy/core/config');
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: paths.configFile,
    filepath: paths.credentialsFile,
    ignoreCache: true,
  });
  const services: Record<string, ProfileSection> = {};
  for (const [section, values] of Object.entries(configFile)) {
    if (section.startsWith('services.')) services[section.slice('services.'.length)] = values;
  }
  return {
    profile: configFile[profileName] ?? {},
    credentialsProfile: credentialsFile[profileName] ?? {},
    services,
    profileExists: profileName in configFile || profileName in credentialsFile,
  };
}

export interface ProfileSelection {
  readonly name: string;
  /** `--profile` was given: the AWS CLI then ignores credentials in the environment. */
  readonly explicit: boolean;
  /** A profile was named at all (flag or AWS_PROFILE), so it must exist. */
  readonly named: boolean;
}

export function selectProfile(flag: string | undefined, env: Environment): ProfileSelection {
  const name = flag ?? env.AWS_PROFILE;
  return { name: name ?? 'default', explicit: flag !== undefined, named: name !== undefined };
}

export function assertProfileExists(selection: ProfileSelection, config: SharedConfig): void {
  if (selection.named && !config.profileExists) {
    throw generalError(`The config profile (${selection.name}) could not be found`);
  }
}

/** `--output` > AWS_DEFAULT_OUTPUT > profile `output` > json; validated when rendering. */
export function outputFormatSetting(flag: string | undefined, env: Environment, profile: ProfileSection): string {
  return flag ?? env.AWS_DEFAULT_OUTPUT ?? profile.output ?? 'json';
}

export function assertOutputFormat(format: string, valid: readonly string[]): asserts format is OutputFormat {
  // The AWS CLI validates env/config values only when it renders, after the request.
  if (!valid.includes(format)) throw generalError(`Unknown output type: ${format}`);
}

/** An empty `--region ''` counts as not given: the AWS CLI then uses the configured region. */
export function regionSetting(flag: string | undefined, env: Environment, profile: ProfileSection): string | undefined {
  return (flag || undefined) ?? (env.AWS_REGION || undefined) ?? (env.AWS_DEFAULT_REGION || undefined) ?? profile.region;
}

function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/**
 * --endpoint-url > AWS_ENDPOINT_URL_S3 > AWS_ENDPOINT_URL > `[services X] s3.endpoint_url` >
 * profile `endpoint_url`; configured endpoints are ignored with
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or `ignore_configured_endpoint_urls` (AWS CLI ≥ 2.13).
 */
export function endpointSetting(flag: string | undefined, env: Environment, config: SharedConfig): string | undefined {
  if (flag !== undefined) return flag;
  const ignoreConfigured =
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== undefined
      ? isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)
      : isTrue(config.profile.ignore_configured_endpoint_urls);
  if (ignoreConfigured) return undefined;
  const servicesName = config.profile.services;
  const servicesEndpoint = servicesName ? config.services[servicesName]?.['s3.endpoint_url'] : undefined;
  return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || servicesEndpoint || config.profile.endpoint_url;
}

export function assertEndpointScheme(endpoint: string): void {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(endpoint)) {
    // The AWS CLI raises this as a parameter validation error: exit 252.
    throw paramError(
      `Bad value for --endpoint-url "${endpoint}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

/**
 * The checks botocore makes on an endpoint URL while it builds the client, in its order and
 * words: urllib's split (unbalanced or bad brackets), botocore's host check
 * (`Invalid endpoint`), then the endpoint rules' URL parse (scheme, port, no query).
 */
export function assertValidEndpointUrl(endpoint: string): void {
  const netloc = /^[^:/?#]*:\/\/([^/?#]*)/.exec(endpoint)?.[1] ?? '';
  if (netloc.includes('[') !== netloc.includes(']')) throw generalError('Invalid IPv6 URL');
  const bracketed = /\[([^\]]*)\]/.exec(netloc)?.[1];
  if (bracketed !== undefined) {
    const address = bracketed.split('%')[0];
    if (isIP(address) === 4) throw generalError('An IPv4 address cannot be in brackets');
    if (isIP(address) !== 6) throw generalError(`'${bracketed}' does not appear to be an IPv4 or IPv6 address`);
  }
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const host = bracketed !== undefined ? bracketed : hostPort.replace(/:[^:]*$/, '');
  if (bracketed === undefined && !isValidHostname(host)) throw generalError(`Invalid endpoint: ${endpoint}`);
  const port = bracketed !== undefined ? /\](?::(.*))?$/.exec(hostPort)?.[1] : /:([^:]*)$/.exec(hostPort)?.[1];
  const scheme = endpoint.slice(0, endpoint.indexOf(':')).toLowerCase();
  const validPort = port === undefined || port === '' || (/^[0-9]+$/.test(port) && Number(port) <= 65535);
  const query = /\?([^#]*)/.exec(endpoint)?.[1] ?? '';
  if (!validPort || (scheme !== 'http' && scheme !== 'https') || query !== '') {
    throw generalError(`Custom endpoint \`${endpoint}\` was not a valid URI`);
  }
}

/** botocore's is_valid_endpoint_url: DNS labels of letters, digits and inner hyphens. */
function isValidHostname(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length > 0 && name.length <= 255 && name.split('.').every((label) => /^(?!-)[a-z\d-]{1,63}(?<!-)$/i.test(label));
}

export type ChecksumCalculation = 'when_supported' | 'when_required';

export function checksumCalculationSetting(env: Environment, profile: ProfileSection): ChecksumCalculation {
  const raw = env.AWS_REQUEST_CHECKSUM_CALCULATION ?? profile.request_checksum_calculation ?? 'when_supported';
  const value = raw.toLowerCase();
  if (value !== 'when_supported' && value !== 'when_required') {
    throw generalError(
      `Unsupported configuration value for request_checksum_calculation. Expected one of ('when_supported', 'when_required') but got ${raw}.`,
    );
  }
  return value;
}

export type TimestampFormat = 'iso8601' | 'wire';

export function timestampFormatSetting(profile: ProfileSection): TimestampFormat {
  const value = profile.cli_timestamp_format ?? 'iso8601';
  if (value !== 'iso8601' && value !== 'wire') {
    throw configurationError(
      `Unknown cli_timestamp_format value: ${value}, valid values are "wire" or "iso8601"`,
    );
  }
  return value;
}

export type BinaryFormat = 'base64' | 'raw-in-base64-out';

export function binaryFormatSetting(flag: string | undefined, profile: ProfileSection): BinaryFormat {
  return (flag ?? profile.cli_binary_format ?? 'base64') as BinaryFormat;
}

/** An unknown config value falls back to `enhanced`, as the AWS CLI does. */
export function errorFormatSetting(flag: string | undefined, env: Environment, profile?: ProfileSection): ErrorFormat {
  const value = flag ?? env.AWS_CLI_ERROR_FORMAT ?? profile?.cli_error_format ?? 'enhanced';
  return (ERROR_FORMATS as readonly string[]).includes(value) ? (value as ErrorFormat) : 'enhanced';
}

export type AddressingStyle = 'auto' | 'path' | 'virtual';

export function addressingStyleSetting(profile: ProfileSection): AddressingStyle {
  const value = profile['s3.addressing_style'] ?? 'auto';
  return value === 'path' || value === 'virtual' ? value : 'auto';
}

/** Seconds from --cli-read-timeout / --cli-connect-timeout; 0 means no timeout. */
export function timeoutSetting(flag: string | undefined): number | undefined {
  if (flag === undefined) return 60_000;
  const seconds = parsePythonInt(flag);
  return seconds === 0 ? undefined : seconds * 1000;
}

/**
 * `--ca-bundle` > AWS_CA_BUNDLE > profile `ca_bundle` > REQUESTS_CA_BUNDLE (botocore's fallback).
 * An empty or blank value is an error since AWS CLI 2.36.6; a path is never trimmed.
 */
export function caBundleSetting(flag: string | undefined, env: Environment, profile: ProfileSection): string | undefined {
  const value = flag ?? env.AWS_CA_BUNDLE ?? profile.ca_bundle ?? env.REQUESTS_CA_BUNDLE;
  if (value !== undefined && value.trim() === '') {
    throw generalError(
      'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.',
    );
  }
  return value;
}

/** AWS_MAX_ATTEMPTS > profile `max_attempts` > 3, converted with Python's int(). */
export function maxAttemptsSetting(env: Environment, profile: ProfileSection): number {
  const raw = env.AWS_MAX_ATTEMPTS ?? profile.max_attempts;
  if (raw === undefined) return 3;
  const attempts = parsePythonInt(raw);
  if (attempts < 1) {
    throw generalError(`Value provided to "max_attempts": ${attempts} must be an integer greater than or equal to one.`);
  }
  return attempts;
}

export type RetryMode = 'standard' | 'adaptive';

/** AWS_RETRY_MODE > profile `retry_mode` > standard. AWS CLI v2 refuses v1's `legacy` mode. */
export function retryModeSetting(env: Environment, profile: ProfileSection): RetryMode {
  const mode = env.AWS_RETRY_MODE ?? profile.retry_mode ?? 'standard';
  if (mode !== 'standard' && mode !== 'adaptive') {
    throw generalError(`Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`);
  }
  return mode;
}

/** Endpoint variants and S3 options (SPEC §6.5, §6.6) as SDK client options. */
export interface S3EndpointOptions {
  readonly useAccelerateEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
  readonly useFipsEndpoint: boolean;
  readonly useArnRegion: boolean;
  readonly disableMultiregionAccessPoints: boolean;
  readonly disableS3ExpressSessionAuth: boolean;
}

/** The first value set of an env variable or config key, as botocore's boolean: `true` in any case. */
function firstBoolean(values: readonly (string | undefined)[], fallback: boolean): boolean {
  const value = values.find((item) => item !== undefined);
  return value === undefined ? fallback : isTrue(value);
}

export function s3EndpointOptions(env: Environment, profile: ProfileSection): S3EndpointOptions {
  return {
    useAccelerateEndpoint: isTrue(profile['s3.use_accelerate_endpoint']),
    // The `s3` section's own setting wins over the general one.
    useDualstackEndpoint: firstBoolean(
      [profile['s3.use_dualstack_endpoint'], env.AWS_USE_DUALSTACK_ENDPOINT, profile.use_dualstack_endpoint],
      false,
    ),
    useFipsEndpoint: firstBoolean([env.AWS_USE_FIPS_ENDPOINT, profile.use_fips_endpoint], false),
    // The AWS CLI follows the region of an access-point ARN unless told not to.
    useArnRegion: firstBoolean([env.AWS_S3_USE_ARN_REGION, profile.s3_use_arn_region, profile['s3.use_arn_region']], true),
    disableMultiregionAccessPoints: firstBoolean(
      [env.AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS, profile['s3.s3_disable_multiregion_access_points']],
      false,
    ),
    disableS3ExpressSessionAuth: firstBoolean(
      [env.AWS_S3_DISABLE_EXPRESS_SESSION_AUTH, profile.s3_disable_express_session_auth],
      false,
    ),
  };
}

function environmentCredentials(env: Environment, profile: ProfileSelection): ClientSettings['environmentCredentials'] {
  // The AWS CLI ignores credentials in the environment when --profile is given explicitly
  // (AWS_PROFILE does not have that effect).
  if (profile.explicit || !env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    sessionToken: env.AWS_SESSION_TOKEN || undefined,
  };
}

/**
 * The profile's `credential_process` when botocore's chain would reach it: after environment
 * credentials, role assumption, web identity, SSO and the credentials file's keys.
 */
export function credentialProcessSetting(config: SharedConfig): string | undefined {
  const merged = { ...config.profile, ...config.credentialsProfile };
  const earlierProvider = ['role_arn', 'web_identity_token_file', 'sso_start_url', 'sso_session'].some((name) => merged[name]);
  if (earlierProvider || config.credentialsProfile.aws_access_key_id) return undefined;
  return merged.credential_process || undefined;
}

export interface ClientSources {
  /** Parsed global options by key: values, or `true` for flags. */
  readonly globals: Readonly<Record<string, string | true>>;
  readonly env: Environment;
  readonly profile: ProfileSelection;
  readonly config: SharedConfig;
  readonly paths: ConfigPaths;
  readonly log: DebugLog;
}

/** Everything the S3 client needs, resolved once from flags, environment and profile. */
export function clientSettings({ globals, env, profile, config, paths, log }: ClientSources): ClientSettings {
  const flag = (key: string) => (typeof globals[key] === 'string' ? (globals[key] as string) : undefined);
  const endpoint = endpointSetting(flag('endpointUrl'), env, config);
  const addressingStyle = addressingStyleSetting(config.profile);
  const verifySsl = globals.noVerifySsl !== true;
  return {
    region: regionSetting(flag('region'), env, config.profile),
    endpoint,
    // A custom endpoint means path-style addressing unless virtual is configured (SPEC §6.5).
    forcePathStyle: endpoint !== undefined ? addressingStyle !== 'virtual' : addressingStyle === 'path',
    ...s3EndpointOptions(env, config.profile),
    // Named even when it is `default`: the SDK's credential chain then leaves the environment
    // alone (the CLI has already applied its own precedence to environment credentials).
    profile: profile.name,
    configFiles: paths,
    environmentCredentials: environmentCredentials(env, profile),
    credentialProcess: credentialProcessSetting(config),
    noSignRequest: globals.noSignRequest === true,
    verifySsl,
    // --no-verify-ssl turns the CA bundle off entirely: not even an empty one is checked.
    caBundle: verifySsl ? caBundleSetting(flag('caBundle'), env, config.profile) : undefined,
    connectTimeoutMs: timeoutSetting(flag('cliConnectTimeout')),
    readTimeoutMs: timeoutSetting(flag('cliReadTimeout')),
    checksumCalculation: checksumCalculationSetting(env, config.profile),
    maxAttempts: maxAttemptsSetting(env, config.profile),
    retryMode: retryModeSetting(env, config.profile),
    log,
  };
}

/** Everything the S3 client is built from, resolved once per command. */
export interface ClientSettings extends S3EndpointOptions {
  /** Undefined when no region is configured anywhere: S3 then uses its global endpoint. */
  readonly region?: string;
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  readonly profile: string;
  /** The config and credentials files the SDK's credential providers must read. */
  readonly configFiles: ConfigPaths;
  /** Credentials from the environment beat the profile unless --profile was given. */
  readonly environmentCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The command whose output gives the credentials, when no earlier source has them. */
  readonly credentialProcess?: string;
  readonly noSignRequest: boolean;
  readonly verifySsl: boolean;
  readonly caBundle?: string;
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly checksumCalculation: 'when_supported' | 'when_required';
  readonly maxAttempts: number;
  readonly retryMode: 'standard' | 'adaptive';
  /** Warnings and the --debug log on stderr. */
  readonly log: DebugLog;
}
