/**
 * SDK failures as the AWS CLI reports them: the message line and the exit code, for errors
 * that are hard to provoke against a real server (connect timeouts, every TLS failure kind,
 * long retry runs).
 */
import { describe, expect, it } from 'vitest';
import { readGolden } from '../../support/golden.js';
import { toCliError, type RequestContext } from '../../../src/s3/errors.js';

const URL = 'http://127.0.0.1:5999/bkt/k?uploadId=u';

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return { operation: 'UploadPart', url: URL, attempts: 1, maxAttempts: 3, ...overrides };
}

function nodeError(code: string, message: string, name = 'Error'): Error {
  return Object.assign(new Error(message), { code, name });
}

describe('toCliError', () => {
  it('retry_max_attempts_4: a 500 after four attempts reports three retries (254)', () => {
    const error = Object.assign(new Error('UnknownError'), { name: 'Error', $metadata: { httpStatusCode: 500, attempts: 4 } });
    const converted = toCliError(error, context({ maxAttempts: 4, attempts: 4 }));
    expect(`\n${converted.message}\n`).toBe(readGolden('retry_max_attempts_4').stderr);
    expect(converted.exitCode).toBe(254);
  });

  it('a service error that was not retried has no retry count', () => {
    const error = Object.assign(new Error('The specified upload does not exist.'), {
      name: 'NoSuchUpload',
      $fault: 'client',
      $metadata: { httpStatusCode: 404, attempts: 1 },
    });
    expect(toCliError(error, context()).message).toBe(
      'An error occurred (NoSuchUpload) when calling the UploadPart operation: The specified upload does not exist.',
    );
  });

  it.each([
    ['ECONNREFUSED', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999'), `Could not connect to the endpoint URL: "${URL}"`],
    ['ENOTFOUND', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND bkt.s3.amazonaws.com'), `Could not connect to the endpoint URL: "${URL}"`],
    // The SDK renames a reset connection TimeoutError; botocore calls it ConnectionClosedError.
    ['ECONNRESET', nodeError('ECONNRESET', 'socket hang up', 'TimeoutError'), `Connection was closed before we received a valid response from endpoint URL: "${URL}".`],
    ['EPIPE', nodeError('EPIPE', 'write EPIPE', 'TimeoutError'), `Connection was closed before we received a valid response from endpoint URL: "${URL}".`],
    [
      'a socket timeout',
      Object.assign(new Error('the request socket timed out after 1000 ms of inactivity'), { name: 'TimeoutError' }),
      `Read timeout on endpoint URL: "${URL}"`,
    ],
    [
      'a connection timeout',
      Object.assign(new Error('the request socket did not establish a connection with the server within the configured timeout of 1000 ms.'), { name: 'TimeoutError' }),
      `Connect timeout on endpoint URL: "${URL}"`,
    ],
  ])('%s (255)', (_title, error, message) => {
    const converted = toCliError(error, context());
    expect(converted.message).toBe(message);
    expect(converted.exitCode).toBe(255);
  });

  it.each([
    [
      'a self-signed certificate',
      'https://127.0.0.1:5443/sbkt?uploads',
      nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate',
    ],
    [
      'an unknown issuer',
      'https://h.example/b?uploads',
      nodeError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'),
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate',
    ],
    [
      'a host name the certificate does not name',
      'https://h.example/b?uploads',
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'h.example'.",
    ],
    [
      'an IP address the certificate does not name',
      'https://127.0.0.2:5443/b?uploads',
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, certificate is not valid for '127.0.0.2'.",
    ],
    [
      'https to a plain http port',
      'https://127.0.0.1:5055/b?uploads',
      nodeError('EPROTO', 'write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl3_record.c:350:'),
      '[SSL: WRONG_VERSION_NUMBER] wrong version number',
    ],
  ])('TLS: %s (255)', (_title, url, error, reason) => {
    const converted = toCliError(error, context({ url }));
    expect(converted.message).toBe(`SSL validation failed for ${url} ${reason}`);
    expect(converted.exitCode).toBe(255);
  });

  it('no credentials from any provider (253)', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const converted = toCliError(error, context());
    expect(converted.message).toBe('Unable to locate credentials. You can configure credentials by running "aws login".');
    expect(converted.exitCode).toBe(253);
  });
});
