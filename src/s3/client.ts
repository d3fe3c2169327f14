/**
 * The one place that talks to the AWS SDK. Loaded lazily: `--help`, `--version` and skeletons
 * never import it. Everything the AWS CLI does differently from the SDK's defaults is set here.
 */
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { generalError } from '../errors/errors.js';
import { FileBody } from './body.js';
import { toCliError, type RequestContext } from './errors.js';

export interface ClientSettings {
  readonly region?: string;
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  readonly profile?: string;
  /** Credentials from the environment beat the profile unless --profile was given. */
  readonly environmentCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly noSignRequest: boolean;
  readonly verifySsl: boolean;
  readonly caBundle?: string;
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly checksumCalculation: 'when_supported' | 'when_required';
  readonly maxAttempts: number;
  readonly retryMode: 'standard' | 'adaptive';
}

export interface S3Port {
  send(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** SDK members the CLI prepares itself; restored after SDK middleware that would rewrite them. */
const CLI_OWNED_MEMBERS = ['SSECustomerKey', 'SSECustomerKeyMD5', 'CopySourceSSECustomerKey', 'CopySourceSSECustomerKeyMD5'];

function loadCaBundle(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '[Errno 2] No such file or directory' : String(error);
    throw generalError(`SSL validation failed for ${path} ${reason}`);
  }
}

export async function createSdkPort(settings: ClientSettings): Promise<S3Port> {
  // stderr carries only what the AWS CLI prints: the SDK's own switch for its Node.js
  // support notice keeps that notice out of it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const sdk = await import('@aws-sdk/client-s3');
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const ca = settings.caBundle ? loadCaBundle(settings.caBundle) : undefined;
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: settings.connectTimeoutMs,
    socketTimeout: settings.readTimeoutMs,
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true, rejectUnauthorized: settings.verifySsl, ca }),
  });
  const config: S3ClientConfig = {
    region: settings.region ?? 'us-east-1',
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    profile: settings.profile,
    credentials: settings.environmentCredentials,
    requestHandler,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    requestChecksumCalculation: settings.checksumCalculation === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (settings.noSignRequest) {
    // Unsigned requests need no credentials: a placeholder keeps the provider chain from
    // running, and the signature is removed after signing (below).
    config.credentials = { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' };
  }
  const client = new sdk.S3Client(config);

  return {
    async send(operation, input) {
      const CommandClass = (sdk as unknown as Record<string, new (input: unknown) => SdkCommand>)[`${operation}Command`];
      const context: RequestContext = { operation, url: undefined, attempts: 0, maxAttempts: settings.maxAttempts };
      const cliOwned = Object.fromEntries(CLI_OWNED_MEMBERS.filter((name) => name in input).map((name) => [name, input[name]]));
      const body = input.Body instanceof FileBody ? input.Body : undefined;
      // The body travels through the SDK as a FileBody, not a stream: the SDK refuses to retry
      // a request whose body is a stream, and the AWS CLI retries parts.
      const command = new CommandClass(body ? { ...input, ContentLength: input.ContentLength ?? body.length } : input);

      // The SDK's SSE-C middleware re-encodes keys and recomputes MD5s; the AWS CLI sends a key
      // with a user-given MD5 untouched, so the values prepared by the CLI are put back.
      command.middlewareStack.add(
        (next) => async (args) => next({ ...args, input: { ...(args.input as object), ...cliOwned } }),
        { step: 'initialize', priority: 'low', name: 's3apiRestoreCliOwnedMembers' },
      );
      // The JS SDK tags requests with an `x-id` query parameter the AWS CLI does not send.
      command.middlewareStack.add(
        (next) => async (args) => {
          delete (args.request as SdkHttpRequest).query?.['x-id'];
          return next(args);
        },
        { step: 'build', name: 's3apiDropOperationQuery' },
      );
      // Runs once per attempt, just before the request goes out (inside the retry loop).
      command.middlewareStack.add(
        (next) => async (args) => {
          context.attempts += 1;
          const request = args.request as SdkHttpRequest;
          context.url = requestUrl(request);
          // Each attempt opens the file range again, so a retried part carries the same bytes.
          if (body) request.body = body.open();
          return next(args);
        },
        { step: 'deserialize', priority: 'low', name: 's3apiPerAttempt' },
      );
      if (settings.noSignRequest) {
        command.middlewareStack.addRelativeTo(
          (next) => async (args) => {
            const headers = (args.request as SdkHttpRequest).headers;
            for (const name of Object.keys(headers)) {
              if (UNSIGNED_DROPPED_HEADERS.has(name.toLowerCase())) delete headers[name];
            }
            return next(args);
          },
          { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 's3apiUnsigned' },
        );
      }
      try {
        const output = (await client.send(command as never)) as unknown as Record<string, unknown>;
        const { $metadata: _metadata, ...members } = output;
        return members;
      } catch (error) {
        throw toCliError(error, context);
      }
    },
  };
}

interface SdkCommand {
  middlewareStack: {
    add(middleware: (next: (args: { input: unknown; request?: unknown }) => Promise<unknown>) => (args: { input: unknown; request?: unknown }) => Promise<unknown>, options: Record<string, unknown>): void;
    addRelativeTo(middleware: (next: (args: { input: unknown; request?: unknown }) => Promise<unknown>) => (args: { input: unknown; request?: unknown }) => Promise<unknown>, options: Record<string, unknown>): void;
  };
}

interface SdkHttpRequest {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** Headers the AWS CLI leaves out of a request made with --no-sign-request. */
const UNSIGNED_DROPPED_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);

/** The full request URL, query string included, as the AWS CLI shows it in connection errors. */
function requestUrl(request: SdkHttpRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => (value === null || value === '' ? name : `${name}=${encodeURIComponent(String(value))}`))
    .join('&');
  return `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
}
