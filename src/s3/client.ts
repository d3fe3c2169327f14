/**
 * The one place that talks to the AWS SDK. Loaded lazily: `--help`, `--version` and skeletons
 * never import it. Everything the AWS CLI does differently from the SDK's defaults is set here,
 * and every setting the CLI resolves is passed explicitly, so the SDK does not read the
 * environment or the config files a second time with rules of its own.
 */
import { requireCjs } from './load-cjs.js';
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { assertValidEndpointUrl, type ClientSettings } from '../config/settings.js';
import { generalError } from '../errors/errors.js';
import { AwsChunkedBody, FileBody } from './body.js';
import { credentialsFromProcess } from '../config/credential-process.js';
import type { DebugLog } from '../output/debug-log.js';
import { asRetryableFailure, toCliError, type RequestContext } from './errors.js';
import { awsCliRequestPath } from './request-path.js';


export interface S3Port {
  send(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** SDK members the CLI prepares itself; restored after SDK middleware that would rewrite them. */
const CLI_OWNED_MEMBERS = ['SSECustomerKey', 'SSECustomerKeyMD5', 'CopySourceSSECustomerKey', 'CopySourceSSECustomerKeyMD5'];

/** Python's errno texts, as the AWS CLI shows them when the CA bundle cannot be read. */
const ERRNO_TEXTS: Readonly<Record<string, string>> = {
  ENOENT: '[Errno 2] No such file or directory',
  EACCES: '[Errno 13] Permission denied',
  EISDIR: '[Errno 21] Is a directory',
};

type CaBundle = { readonly pem: Buffer } | { readonly unreadable: string };

function readCaBundle(path: string): CaBundle {
  try {
    return { pem: readFileSync(path) };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { unreadable: (code && ERRNO_TEXTS[code]) ?? message };
  }
}

/**
 * The AWS CLI's backoff in both retry modes: `random() * min(2 ** retries, 20)` seconds, with a
 * 1 s base for every kind of error (the SDK's own default base is 50 ms). The random source is
 * a parameter so a test can pin the delays.
 */
export class CliBackoff {
  constructor(
    private readonly log: DebugLog,
    private readonly random: () => number = Math.random,
  ) {}

  computeNextBackoffDelay(retries: number): number {
    const delayMs = Math.floor(this.random() * Math.min(1000 * 2 ** retries, 20_000));
    this.log.debug('botocore.retries.standard', `Retry needed, retrying request after delay of: ${delayMs / 1000}`);
    return delayMs;
  }

  /** The SDK asks for a longer base after throttling errors; the AWS CLI's base is the same for all. */
  setDelayBase(): void {}
}

export async function createSdkPort(settings: ClientSettings): Promise<S3Port> {
  if (settings.endpoint !== undefined) assertValidEndpointUrl(settings.endpoint);
  // stderr carries only what the AWS CLI prints: the SDK's own switch for its Node.js
  // support notice keeps that notice out of it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const sdk = requireCjs('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const { NodeHttpHandler } = requireCjs('@smithy/node-http-handler') as typeof import('@smithy/node-http-handler');
  const { AdaptiveRetryStrategy, StandardRetryStrategy } = requireCjs('@smithy/core/retry') as typeof import('@smithy/core/retry');
  const { log } = settings;
  // Read now, reported with the request URL when a TLS connection needs it: the AWS CLI opens
  // the bundle only for https, so an http endpoint works with a missing bundle.
  const caBundle = settings.verifySsl && settings.caBundle ? readCaBundle(settings.caBundle) : undefined;
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: settings.connectTimeoutMs,
    socketTimeout: settings.readTimeoutMs,
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({
      keepAlive: true,
      rejectUnauthorized: settings.verifySsl,
      ca: caBundle && 'pem' in caBundle ? caBundle.pem : undefined,
    }),
  });
  const backoff = new CliBackoff(log);
  const retryStrategy =
    settings.retryMode === 'adaptive'
      ? new AdaptiveRetryStrategy(settings.maxAttempts, { backoff })
      : new StandardRetryStrategy({ maxAttempts: settings.maxAttempts, backoff });
  const config: S3ClientConfig = {
    // The AWS CLI sends S3 requests without a region to the global endpoint (s3.amazonaws.com).
    region: settings.region ?? 'aws-global',
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    useAccelerateEndpoint: settings.useAccelerateEndpoint,
    useDualstackEndpoint: settings.useDualstackEndpoint,
    useFipsEndpoint: settings.useFipsEndpoint,
    useArnRegion: settings.useArnRegion,
    disableMultiregionAccessPoints: settings.disableMultiregionAccessPoints,
    disableS3ExpressSessionAuth: settings.disableS3ExpressSessionAuth,
    profile: settings.profile,
    credentials: settings.environmentCredentials,
    requestHandler,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    retryStrategy,
    // `Expect: 100-continue` is set per request (below), on file bodies only, as the AWS CLI does.
    expectContinueHeader: false,
    // Request checksums are the CLI's (pipeline/steps.ts applies botocore's rules and computes
    // them): the SDK adds one only where the model requires one and none was given.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Also receives the credential chain's warnings, which the AWS CLI does not print.
    logger: log.sdkLogger(),
  };
  if (settings.noSignRequest) {
    // Unsigned requests need no credentials: a placeholder keeps the provider chain from
    // running, and the signature is removed after signing (below).
    config.credentials = { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' };
  } else if (!config.credentials && settings.credentialProcess) {
    const commandLine = settings.credentialProcess;
    config.credentials = () => credentialsFromProcess(commandLine);
  } else if (!config.credentials) {
    // The client hands its whole configuration to the default credential chain, whose
    // config-file providers read these two paths: the files the CLI itself resolved.
    Object.assign(config, { filepath: settings.configFiles.credentialsFile, configFilepath: settings.configFiles.configFile });
  }
  const client = new sdk.S3Client(config);

  return {
    async send(operation, input) {
      const CommandClass = (sdk as unknown as Record<string, new (input: unknown) => SdkCommand>)[`${operation}Command`];
      const context: RequestContext = { operation, url: undefined, attempts: 0, maxAttempts: settings.maxAttempts };
      const cliOwned = Object.fromEntries(CLI_OWNED_MEMBERS.filter((name) => name in input).map((name) => [name, input[name]]));
      const body = input.Body instanceof FileBody ? input.Body : undefined;
      const chunked = input.Body instanceof AwsChunkedBody ? input.Body : undefined;
      // The body travels through the SDK as a FileBody, not a stream: the SDK refuses to retry
      // a request whose body is a stream, and the AWS CLI retries parts.
      const length = body?.length ?? chunked?.decodedLength;
      const sdkInput = length !== undefined ? { ...input, ContentLength: input.ContentLength ?? length } : input;
      // The SDK would frame a body whose ChecksumAlgorithm it sees in an aws-chunked encoding of
      // its own, read once; this body frames itself and re-reads its file range on every
      // attempt, so the SDK does not see the algorithm, and its header is set below instead.
      if (chunked) delete sdkInput.ChecksumAlgorithm;
      const command = new CommandClass(sdkInput);

      // The SDK's SSE-C middleware re-encodes keys and recomputes MD5s; the AWS CLI sends a key
      // with a user-given MD5 untouched, so the values prepared by the CLI are put back.
      // A member the CLI left out stays out: botocore adds no key MD5 to ListParts, whose
      // SSE-C key it sends as typed.
      command.middlewareStack.add(
        (next) => async (args) => {
          const restored: Record<string, unknown> = { ...(args.input as object), ...cliOwned };
          for (const name of CLI_OWNED_MEMBERS) if (!(name in cliOwned)) delete restored[name];
          return next({ ...args, input: restored });
        },
        { step: 'initialize', priority: 'low', name: 's3apiRestoreCliOwnedMembers' },
      );
      // Before anything else reads the path: a bucket named `.` or `..` put back (request-path.ts).
      command.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as SdkHttpRequest;
          request.path = awsCliRequestPath(request.path, settings.endpoint, input.Bucket);
          return next(args);
        },
        { step: 'build', priority: 'high', name: 's3apiExactRequestPath' },
      );
      command.middlewareStack.add(
        (next) => async (args) => {
          asBotocoreSends(args.request as SdkHttpRequest, 'ContentType' in input);
          return next(args);
        },
        { step: 'build', priority: 'low', name: 's3apiBotocoreHeadersAndBody' },
      );
      // The request URL as the AWS CLI builds it: the JS SDK tags requests with an `x-id` query
      // parameter, and ends the path of a bucket-level operation with a slash after an endpoint
      // path (`/bkt/?uploads`) where botocore joins them without one (`/bkt?uploads`).
      command.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as SdkHttpRequest;
          delete request.query?.['x-id'];
          if (!('Key' in input) && request.path.length > 1 && request.path.endsWith('/')) {
            request.path = request.path.slice(0, -1);
          }
          return next(args);
        },
        { step: 'build', name: 's3apiAwsCliUrl' },
      );
      if (chunked) {
        command.middlewareStack.add(
          (next) => async (args) => {
            const request = args.request as SdkHttpRequest;
            // botocore's add_expect_header looks at the body before the trailer wraps it: a file.
            if (chunked.source instanceof FileBody) request.headers.Expect = '100-continue';
            const contentLength = headerName(request.headers, 'content-length');
            if (contentLength) delete request.headers[contentLength];
            Object.assign(request.headers, chunked.headers(), { 'x-amz-sdk-checksum-algorithm': chunked.algorithm });
            return next(args);
          },
          { step: 'build', name: 's3apiAwsChunkedBody' },
        );
      }
      if (body) {
        command.middlewareStack.add(
          (next) => async (args) => {
            const request = args.request as SdkHttpRequest;
            // botocore's add_expect_header, for every file body whatever its size: a server that
            // refuses the request (unknown upload id, bad signature) answers before the part is sent.
            request.headers.Expect = '100-continue';
            if (!settings.noSignRequest && signsPayload(request, input)) {
              request.headers['x-amz-content-sha256'] = await payloadSha256(body);
            }
            return next(args);
          },
          { step: 'build', name: 's3apiFileBody' },
        );
      }
      // Inside the retry loop, around the SDK's parser: failures botocore retries and the SDK
      // does not become the errors the retry strategy retries (s3/errors.ts).
      command.middlewareStack.add(
        (next) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            throw asRetryableFailure(error);
          }
        },
        { step: 'deserialize', priority: 'high', name: 's3apiRetryableFailures' },
      );
      // Runs once per attempt, just before the request goes out (inside the retry loop).
      command.middlewareStack.add(
        (next) => async (args) => {
          context.attempts += 1;
          const request = args.request as SdkHttpRequest;
          context.url = requestUrl(request);
          if (request.protocol === 'https:') checkTls(request, context.url);
          // Each attempt opens the file range again, so a retried part carries the same bytes.
          if (body) request.body = body.open();
          if (chunked) request.body = await chunked.open();
          log.debug(
            'botocore.endpoint',
            `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${context.url}, headers=${log.formatHeaders(request.headers)}>`,
          );
          try {
            const result = (await next(args)) as { response: SdkHttpResponse };
            logResponse(request, result.response);
            return result;
          } catch (error) {
            log.debug('botocore.endpoint', `Exception received when sending HTTP request: ${describeError(error)}`);
            throw error;
          }
        },
        { step: 'deserialize', priority: 'low', name: 's3apiPerAttempt' },
      );
      command.middlewareStack.addRelativeTo(
        (next) => async (args) => {
          withEmptyContentLength(args.request as SdkHttpRequest);
          return next(args);
        },
        { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 's3apiEmptyContentLength' },
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
        // A server that answers before reading the body leaves that upload's socket busy until
        // the read timeout; the command ends with this error, so its connections end too.
        requestHandler.destroy();
        throw toCliError(error, context);
      }
    },
  };

  function checkTls(request: SdkHttpRequest, url: string): void {
    if (caBundle && 'unreadable' in caBundle) throw generalError(`SSL validation failed for ${url} ${caBundle.unreadable}`);
    if (!settings.verifySsl) log.warnUnverifiedHttps(request.hostname);
  }

  /** urllib3's status line and botocore's response headers line. */
  function logResponse(request: SdkHttpRequest, response: SdkHttpResponse): void {
    const port = request.port ?? (request.protocol === 'https:' ? 443 : 80);
    const length = response.headers['content-length'] ?? 'None';
    log.debug(
      'urllib3.connectionpool',
      `${request.protocol}//${request.hostname}:${port} "${request.method} ${requestTarget(request)} HTTP/1.1" ${response.statusCode} ${length}`,
    );
    log.debug('botocore.parsers', `Response headers: ${log.formatHeaders(response.headers)}`);
  }
}

/**
 * botocore signs the body's SHA-256 over http and sends UNSIGNED-PAYLOAD over https. Where a
 * flexible checksum travels with the part we keep UNSIGNED-PAYLOAD over http too: the checksum
 * protects the bytes, and a second pass over a large part would double its upload time
 * (README, Differences).
 */
function signsPayload(request: SdkHttpRequest, input: Record<string, unknown>): boolean {
  return request.protocol === 'http:' && !Object.keys(input).some((member) => member.startsWith('Checksum') && member !== 'ChecksumAlgorithm' && input[member] !== undefined);
}

async function payloadSha256(body: FileBody): Promise<string> {
  const { checksumFile } = await import('./checksums.js');
  const base64 = body.length === 0 ? EMPTY_SHA256_BASE64 : await checksumFile(body.path, 'SHA256', { start: body.start, end: body.start + body.length - 1 });
  return Buffer.from(base64, 'base64').toString('hex');
}

/** SHA-256 of no bytes: checksumFile takes inclusive ranges, which cannot be empty. */
const EMPTY_SHA256_BASE64 = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

interface SdkCommand {
  middlewareStack: {
    add(middleware: (next: (args: { input: unknown; request?: unknown }) => Promise<unknown>) => (args: { input: unknown; request?: unknown }) => Promise<unknown>, options: Record<string, unknown>): void;
    addRelativeTo(middleware: (next: (args: { input: unknown; request?: unknown }) => Promise<unknown>) => (args: { input: unknown; request?: unknown }) => Promise<unknown>, options: Record<string, unknown>): void;
  };
}

interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The header named `name` in any case, as the SDK and middleware may spell it differently. */
function headerName(headers: Record<string, string>, name: string): string | undefined {
  return Object.keys(headers).find((header) => header.toLowerCase() === name);
}

/**
 * The request's headers and body as botocore builds them: no Content-Type the user did not give
 * (the SDK labels XML bodies `application/xml`, which Swift then stores on the completed object),
 * and an XML body without the declaration the SDK prepends.
 */
function asBotocoreSends(request: SdkHttpRequest, contentTypeGiven: boolean): void {
  const { headers, body } = request;
  const contentType = headerName(headers, 'content-type');
  if (contentType && !contentTypeGiven) delete headers[contentType];
  if (typeof body === 'string' && body.startsWith(XML_DECLARATION)) {
    const xml = body.slice(XML_DECLARATION.length);
    request.body = xml;
    const contentLength = headerName(headers, 'content-length');
    if (contentLength) headers[contentLength] = String(Buffer.byteLength(xml));
  }
}

/**
 * Python's requests sends `Content-Length: 0` with a bodiless request other than GET and HEAD;
 * Node adds it itself to PUT and POST but not to DELETE. Added after signing, as requests adds
 * it after botocore signs.
 */
function withEmptyContentLength(request: SdkHttpRequest): void {
  const bodiless = request.body === undefined || request.body === '';
  if (bodiless && request.method === 'DELETE' && !headerName(request.headers, 'content-length')) {
    request.headers['content-length'] = '0';
  }
}

/** Headers the AWS CLI leaves out of a request made with --no-sign-request. */
const UNSIGNED_DROPPED_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);

/** Path and query string of a request. */
function requestTarget(request: SdkHttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => (value === null || value === '' ? name : `${name}=${encodeURIComponent(String(value))}`))
    .join('&');
  return `${request.path}${query ? `?${query}` : ''}`;
}

/** The full request URL, query string included, as the AWS CLI shows it in connection errors. */
function requestUrl(request: SdkHttpRequest): string {
  const port = request.port ? `:${request.port}` : '';
  return `${request.protocol}//${request.hostname}${port}${requestTarget(request)}`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return `${error.name}${code ? ` (${code})` : ''}: ${error.message}`;
}
