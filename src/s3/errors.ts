/**
 * SDK failures turned into the AWS CLI's error lines and exit codes (SPEC §5).
 */
import { CliError, ExitCode, configurationError, generalError, serviceError } from '../errors/errors.js';

export interface RequestContext {
  readonly operation: string;
  url: string | undefined;
  attempts: number;
  readonly maxAttempts: number;
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE']);

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
  if (sdkError.name === 'TimeoutError') {
    const connect = /establish a connection/.test(sdkError.message ?? '');
    return generalError(`${connect ? 'Connect' : 'Read'} timeout on endpoint URL: "${url}"`);
  }
  const status = sdkError.$metadata?.httpStatusCode ?? sdkError.$response?.statusCode;
  if (status !== undefined && status >= 300) return serviceFailure(sdkError, status, context);
  if (sdkError.code && CONNECTION_ERROR_CODES.has(sdkError.code)) {
    return generalError(`Could not connect to the endpoint URL: "${url}"`);
  }
  if (sdkError.code && /CERT|SSL|TLS|SELF_SIGNED/.test(sdkError.code)) {
    return generalError(`SSL validation failed for ${url} ${sdkError.message ?? sdkError.code}`);
  }
  return new CliError(sdkError.message ?? String(error), ExitCode.other, 'General');
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
