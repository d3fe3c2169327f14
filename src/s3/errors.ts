/**
 * SDK failures turned into the AWS CLI's error lines and exit codes (SPEC §5).
 */
import { isIP } from 'node:net';
import { CliError, ExitCode, configurationError, generalError, serviceError } from '../errors/errors.js';

export interface RequestContext {
  readonly operation: string;
  url: string | undefined;
  attempts: number;
  readonly maxAttempts: number;
}

/** No connection could be made: botocore's EndpointConnectionError. */
const CONNECT_FAILURE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT']);

/** The connection broke before a response arrived: botocore's ConnectionClosedError. */
const CONNECTION_CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Node's codes for certificate verification failures (OpenSSL's X509_V_ERR names), which
 * Python reports as `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: <reason>`.
 */
const CERTIFICATE_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
]);

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const HTTP_REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  411: 'Length Required',
  412: 'Precondition Failed',
  416: 'Requested Range Not Satisfiable',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { statusCode?: number; reason?: string; body?: unknown };
}

function isRetryableStatus(status: number, code: string): boolean {
  return [500, 502, 503, 504].includes(status) || THROTTLING_CODES.has(code);
}

/**
 * The response could not be read as HTTP (Node's parser codes start with `HPE_`): urllib3 sees a
 * connection closed before a valid response, which botocore retries.
 */
function isUnparsableHttp(error: SdkError): boolean {
  return (error.code ?? '').startsWith('HPE_');
}

/**
 * A 2xx answer whose body the SDK could not parse (truncated or garbage XML): the SDK's
 * deserializer attaches the response but no service fault.
 */
function isUnparsableSuccess(error: SdkError): boolean {
  const status = error.$response?.statusCode;
  return status !== undefined && status >= 200 && status < 300 && error.$fault === undefined;
}

/**
 * Failures botocore retries that the SDK would give up on at once, rewritten so the SDK's retry
 * strategy retries them: a 2xx body that cannot be parsed counts as a 500 without an error code
 * (botocore's S3 200-error handling), an unreadable status line as a closed connection.
 */
export function asRetryableFailure(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || error instanceof CliError) return error;
  const sdkError = error as SdkError;
  if (isUnparsableSuccess(sdkError)) {
    return Object.assign(new Error('UnknownError'), {
      name: 'UnparsableResponse',
      $fault: 'server',
      $metadata: { ...sdkError.$metadata, httpStatusCode: 500 },
    });
  }
  if (isUnparsableHttp(sdkError)) {
    // ECONNRESET is the code the SDK retries and that toCliError reports as a closed connection.
    return Object.assign(new Error('Connection was closed before a valid response'), { name: 'ConnectionClosed', code: 'ECONNRESET' });
  }
  return error;
}

export function toCliError(error: unknown, context: RequestContext): CliError {
  if (error instanceof CliError) return error;
  const sdkError = error as SdkError;
  const url = context.url ?? '';
  if (sdkError.name === 'CredentialsProviderError' || /Could not load credentials/.test(sdkError.message ?? '')) {
    return configurationError(
      'Unable to locate credentials. You can configure credentials by running "aws login".',
      'NoCredentials',
    );
  }
  const status = sdkError.$metadata?.httpStatusCode ?? sdkError.$response?.statusCode;
  if (status !== undefined && status >= 300) return serviceFailure(sdkError, status, context);
  // Checked before the timeout name: the SDK renames ECONNRESET, EPIPE and ETIMEDOUT errors
  // TimeoutError, though only its own timers mean a connect or read timeout.
  const code = sdkError.code ?? '';
  if (CONNECTION_CLOSED_CODES.has(code)) {
    return generalError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`);
  }
  if (CONNECT_FAILURE_CODES.has(code)) return generalError(`Could not connect to the endpoint URL: "${url}"`);
  if (sdkError.name === 'TimeoutError') {
    const connect = /establish a connection/.test(sdkError.message ?? '');
    return generalError(`${connect ? 'Connect' : 'Read'} timeout on endpoint URL: "${url}"`);
  }
  const tlsFailure = describeTlsFailure(sdkError, url);
  if (tlsFailure) return generalError(`SSL validation failed for ${url} ${tlsFailure}`);
  return new CliError(withoutSdkHints(sdkError.message ?? String(error)), ExitCode.other, 'General');
}

/** The SDK's advice to its own callers (`inspect the hidden field {error}.$response`) is not for users. */
function withoutSdkHints(message: string): string {
  return message.replace(/\n?Deserialization error: to see the raw response.*$/s, '');
}

/**
 * A TLS failure in Python's words, without the `(_ssl.c:NNN)` source location Python appends:
 * `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate`,
 * `[SSL: WRONG_VERSION_NUMBER] wrong version number`.
 */
function describeTlsFailure(sdkError: SdkError, url: string): string | undefined {
  const code = sdkError.code ?? '';
  const verifyFailed = '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const host = URL.canParse(url) ? new URL(url).hostname.replace(/^\[|\]$/g, '') : '';
    return `${verifyFailed} ${isIP(host) ? 'IP address' : 'Hostname'} mismatch, certificate is not valid for '${host}'.`;
  }
  if (CERTIFICATE_ERROR_CODES.has(code)) return `${verifyFailed} ${sdkError.message ?? code}`;
  // Other handshake failures carry OpenSSL's error string: `…:SSL routines:<function>:<reason>:…`.
  const reason = /:SSL routines:[^:]*:([^:]+):/.exec(sdkError.message ?? '')?.[1];
  return reason ? `[SSL: ${reason.toUpperCase().replace(/ /g, '_')}] ${reason}` : undefined;
}

/**
 * An error response whose body names no error code (moto's HTML 500, a bare 404): botocore
 * reports the status code as the code and the reason phrase as the message. The SDK marks
 * these as `UnknownError`, or fails to parse the body at all (no `$fault`).
 */
function hasErrorCode(sdkError: SdkError): boolean {
  return sdkError.$fault !== undefined && sdkError.message !== 'UnknownError' && sdkError.name !== undefined;
}

function serviceFailure(sdkError: SdkError, status: number, context: RequestContext): CliError {
  const code = hasErrorCode(sdkError) ? (sdkError.Code ?? sdkError.name!) : String(status);
  const message = hasErrorCode(sdkError) ? (sdkError.message ?? '') : (HTTP_REASONS[status] ?? '');
  const attempts = sdkError.$metadata?.attempts ?? context.attempts;
  const exhausted =
    isRetryableStatus(status, code) && attempts >= context.maxAttempts ? ` (reached max retries: ${attempts - 1})` : '';
  return serviceError(
    `An error occurred (${code}) when calling the ${context.operation} operation${exhausted}: ${message}`,
    code,
    message,
  );
}
