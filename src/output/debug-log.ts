/**
 * What s3api writes to stderr besides errors: warnings, and with --debug a log in the AWS CLI's
 * layout (`%(asctime)s - MainThread - <logger> - DEBUG - <message>`), under the logger names the
 * AWS CLI uses for the same events, so filters written for `aws --debug` output keep working.
 *
 * Unlike the AWS CLI, the log never shows a secret. Masked everywhere: the secret access key
 * and session token from the environment, the values of sensitive parameters (SSE-C keys, the
 * SSE-KMS encryption context) in their given and base64 forms, the request signature, session
 * token headers, SSE-C key headers and query-string credentials (`X-Amz-Credential`, …). Kept
 * visible on purpose: the access key ID in the Authorization header (it names the credentials in
 * use and is not a secret) and the SSE-C key MD5s (a fingerprint the AWS CLI prints in normal
 * output, needed to tell which key a request used).
 *
 * This module must stay free of SDK imports: it is loaded before any request is prepared.
 */
import { inspect } from 'node:util';
import { pythonRepr } from '../python/repr.js';
import { OPERATIONS } from '../operations/index.js';
import { memberToFlag } from '../spec/flag-name.js';
import { GLOBAL_OPTIONS, OPERATION_EXTRA_OPTIONS, PAGINATION_OPTIONS } from '../spec/globals.js';

export const REDACTED = '<redacted>';

interface TextSink {
  write(chunk: string): unknown;
}

/** Request and response headers whose values are secrets. */
const SECRET_HEADERS = new Set([
  'x-amz-security-token',
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
  'x-amz-server-side-encryption-context',
]);

/** Secrets with a recognisable shape, wherever they appear in a line (signatures, tokens in URLs). */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/(Signature=)[0-9a-f]{16,}/gi, `$1${REDACTED}`],
  [/(X-Amz-(?:Signature|Security-Token|Credential)=)[^&\s'"]+/gi, `$1${REDACTED}`],
];

const SENSITIVE_MEMBERS = [
  ...new Set(OPERATIONS.flatMap((operation) => operation.params.filter((param) => param.sensitive).map((param) => param.member))),
];
const SENSITIVE_FLAGS = SENSITIVE_MEMBERS.map(memberToFlag);
const CLI_INPUT_FLAGS = ['--cli-input-json', '--cli-input-yaml'];
const EXACT_FLAGS = new Set([
  ...OPERATIONS.flatMap((operation) => operation.params.map((param) => memberToFlag(param.member))),
  ...[...GLOBAL_OPTIONS, ...OPERATION_EXTRA_OPTIONS, ...PAGINATION_OPTIONS].map((option) => option.flag),
]);

type OptionKind = 'sensitive' | 'cliInput';

/**
 * argparse accepts any unambiguous prefix of an option, so `--ssekms-encryption-c` names the
 * encryption context too; a prefix shared with other options fails parsing anyway, and masking
 * its value then costs nothing.
 */
function optionKind(name: string): OptionKind | undefined {
  // An exact option name wins over prefixes: `--copy-source` is not `--copy-source-sse-customer-key`.
  if (EXACT_FLAGS.has(name)) return SENSITIVE_FLAGS.includes(name) ? 'sensitive' : CLI_INPUT_FLAGS.includes(name) ? 'cliInput' : undefined;
  const abbreviates = (flags: readonly string[]) => name.length > 2 && flags.some((flag) => flag.startsWith(name));
  if (abbreviates(SENSITIVE_FLAGS)) return 'sensitive';
  return abbreviates(CLI_INPUT_FLAGS) ? 'cliInput' : undefined;
}

/** `2026-11-22 01:29:47,802`: Python logging's asctime, in local time. */
function asctime(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())},${pad(date.getMilliseconds(), 3)}`
  );
}

export class DebugLog {
  private readonly secrets = new Set<string>();
  private readonly warnedHosts = new Set<string>();

  constructor(
    private readonly stderr: TextSink,
    /** --debug was given: without it only warnings are written. */
    readonly enabled: boolean,
    env: Readonly<Record<string, string | undefined>>,
  ) {
    this.addSecrets([env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]);
  }

  /** Values never to be printed, as text or bytes; their base64 forms are masked too. */
  addSecrets(values: Iterable<unknown>): void {
    for (const value of values) {
      if (typeof value === 'string' && value !== '') {
        this.secrets.add(value);
        this.secrets.add(Buffer.from(value, 'utf8').toString('base64'));
      } else if (value instanceof Uint8Array && value.length > 0) {
        this.secrets.add(Buffer.from(value).toString('base64'));
      }
    }
  }

  /** The values of an operation's sensitive parameters in its SDK input. */
  addSensitiveMembers(input: Readonly<Record<string, unknown>>): void {
    this.addSecrets(SENSITIVE_MEMBERS.map((member) => input[member]));
  }

  redact(text: string): string {
    let redacted = text;
    // Longest first, so a secret that contains another one is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      redacted = redacted.split(secret).join(REDACTED);
    }
    for (const [pattern, replacement] of SECRET_PATTERNS) redacted = redacted.replace(pattern, replacement);
    return redacted;
  }

  debug(logger: string, message: string): void {
    if (!this.enabled) return;
    this.stderr.write(`${asctime(new Date())} - MainThread - ${logger} - DEBUG - ${this.redact(message)}\n`);
  }

  /**
   * The AWS CLI's one warning per host for `--no-verify-ssl` (urllib3's InsecureRequestWarning),
   * without the Python source location and the urllib3 documentation link that follow it there.
   */
  warnUnverifiedHttps(host: string): void {
    if (this.warnedHosts.has(host)) return;
    this.warnedHosts.add(host);
    this.stderr.write(
      `s3api: InsecureRequestWarning: Unverified HTTPS request is being made to host '${host}'. ` +
        'Adding certificate verification is strongly advised.\n',
    );
  }

  /** `Arguments entered to CLI: [...]` with the values of sensitive options masked. */
  logArguments(argv: readonly string[]): void {
    if (!this.enabled) return;
    const shown: string[] = [];
    let pendingValue: OptionKind | undefined;
    for (const token of argv) {
      if (pendingValue) {
        shown.push(this.maskedValue(token, pendingValue));
        pendingValue = undefined;
        continue;
      }
      const equals = token.indexOf('=');
      const name = equals === -1 ? token : token.slice(0, equals);
      const kind = token.startsWith('--') ? optionKind(name) : undefined;
      if (kind === undefined) shown.push(this.redact(token));
      else if (equals === -1) {
        shown.push(token);
        pendingValue = kind;
      } else shown.push(`${name}=${this.maskedValue(token.slice(equals + 1), kind)}`);
    }
    this.debug('awscli.clidriver', `Arguments entered to CLI: ${pythonRepr(shown)}`);
  }

  /**
   * A sensitive option's value is masked whole; an inline --cli-input-json/yaml document only
   * when it names a sensitive member (a file:// path is shown: the secret stays in the file).
   */
  private maskedValue(value: string, kind: OptionKind): string {
    if (kind === 'sensitive') return REDACTED;
    const inline = !/^fileb?:\/\//.test(value);
    return inline && SENSITIVE_MEMBERS.some((member) => value.includes(member)) ? REDACTED : this.redact(value);
  }

  /** Headers as a Python dict, secret values masked. */
  formatHeaders(headers: Readonly<Record<string, string | undefined>>): string {
    const shown: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      shown[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : this.redact(value);
    }
    return pythonRepr(shown);
  }

  /** The SDK's `logger` option: its messages (credential chain, call summaries) join the log. */
  sdkLogger(): SdkLogger {
    const write = (...content: unknown[]) => {
      if (this.enabled) this.debug('aws-sdk-js', content.map(sdkLogText).join(' '));
    };
    return { debug: write, info: write, warn: write, error: write };
  }
}

export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

function sdkLogText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  // inspect, not JSON: SDK objects can be circular (TLS certificates) and hold bytes.
  return inspect(value, { depth: 6, breakLength: Infinity, maxStringLength: 2000 });
}
