/**
 * The --debug log's layout and its redaction rules: which values are masked, in which forms, and
 * which are kept on purpose.
 */
import { describe, expect, it } from 'vitest';
import { DebugLog, REDACTED } from '../../../src/output/debug-log.js';

function capture(enabled = true, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const log = new DebugLog({ write: (chunk: string) => lines.push(chunk) }, enabled, env);
  return { log, text: () => lines.join('') };
}

function argumentsLine(argv: readonly string[]): string {
  const { log, text } = capture();
  log.logArguments(argv);
  return text().replace(/^.* - DEBUG - Arguments entered to CLI: /, '').trimEnd();
}

describe('the line layout', () => {
  it('is `%(asctime)s - MainThread - <logger> - DEBUG - <message>` with local time', () => {
    const { log, text } = capture();
    const localTime = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ` +
      `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    const before = localTime(new Date());
    log.debug('awscli.clidriver', 'CLI version: x');
    const after = localTime(new Date());
    expect(text()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - awscli\.clidriver - DEBUG - CLI version: x\n$/);
    // The same text order as time order: the stamp lies between the two readings of the clock.
    expect(text().slice(0, 16) >= before && text().slice(0, 16) <= after).toBe(true);
  });

  it('writes nothing without --debug, but warnings always, once per host', () => {
    const { log, text } = capture(false);
    log.debug('x', 'hidden');
    log.logArguments(['--debug']);
    log.warnUnverifiedHttps('127.0.0.1');
    log.warnUnverifiedHttps('127.0.0.1');
    expect(text()).toBe(
      "s3api: InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised.\n",
    );
  });
});

describe('Arguments entered to CLI', () => {
  it.each([
    ['a sensitive option value', ['--sse-customer-key', 'k1', '--bucket', 'b'], `['--sse-customer-key', '${REDACTED}', '--bucket', 'b']`],
    ['the --flag=value form', ['--copy-source-sse-customer-key=k2'], `['--copy-source-sse-customer-key=${REDACTED}']`],
    ['an unambiguous abbreviation', ['--ssekms-encryption-c', 'ctx'], `['--ssekms-encryption-c', '${REDACTED}']`],
    ['not the key MD5 options', ['--sse-customer-key-md5', 'bWQ1'], "['--sse-customer-key-md5', 'bWQ1']"],
    ['not --copy-source, an option of its own', ['--copy-source', 'b/k'], "['--copy-source', 'b/k']"],
    ['an inline --cli-input-json that names a key', ['--cli-input-json', '{"SSECustomerKey": "k1"}'], `['--cli-input-json', '${REDACTED}']`],
    ['an inline --cli-input-yaml that names a key', ['--cli-input-yaml=CopySourceSSECustomerKey: k2'], `['--cli-input-yaml=${REDACTED}']`],
    ['not an input document without keys', ['--cli-input-json', '{"Bucket": "b"}'], `['--cli-input-json', '{"Bucket": "b"}']`],
    ['not an input file path', ['--cli-input-json', 'file://in.json'], "['--cli-input-json', 'file://in.json']"],
  ])('masks %s', (_title, argv, expected) => {
    expect(argumentsLine(argv)).toBe(expected);
  });

  it('masks the environment secrets wherever they appear', () => {
    const { log, text } = capture(true, { AWS_SECRET_ACCESS_KEY: 'topsecret', AWS_SESSION_TOKEN: 'tokenvalue' });
    log.logArguments(['--bucket', 'topsecret', '--key', 'a-tokenvalue-b']);
    expect(text()).toContain(`['--bucket', '${REDACTED}', '--key', 'a-${REDACTED}-b']`);
  });
});

describe('redact', () => {
  it('masks registered values and their base64 forms, longest first', () => {
    const { log } = capture();
    log.addSecrets(['0123456789abcdef', Buffer.from([0xff, 0x00, 0x10]), '', undefined]);
    log.addSensitiveMembers({ SSECustomerKey: 'secret-key-text', Bucket: 'bkt' });
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    expect(log.redact('a 0123456789abcdef b')).toBe(`a ${REDACTED} b`);
    expect(log.redact(base64('0123456789abcdef'))).toBe(REDACTED);
    expect(log.redact('/wAQ')).toBe(REDACTED);
    expect(log.redact(`k=${base64('secret-key-text')}`)).toBe(`k=${REDACTED}`);
    expect(log.redact('bkt')).toBe('bkt');
  });

  it('masks signatures and token-like query values by their shape', () => {
    const { log } = capture();
    expect(log.redact('Credential=AKID/20260101/us-east-1/s3/aws4_request, Signature=0123456789abcdef0123')).toBe(
      `Credential=AKID/20260101/us-east-1/s3/aws4_request, Signature=${REDACTED}`,
    );
    expect(log.redact('?X-Amz-Security-Token=abc%2Fdef&X-Amz-Signature=00ff&x=1')).toBe(
      `?X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}&x=1`,
    );
  });
});

describe('formatHeaders', () => {
  it('masks secret headers in any case and keeps the key MD5s', () => {
    const { log } = capture();
    expect(
      log.formatHeaders({
        'X-Amz-Security-Token': 'token',
        'x-amz-server-side-encryption-customer-key': 'a2V5',
        'x-amz-server-side-encryption-customer-key-md5': 'bWQ1',
        'x-amz-copy-source-server-side-encryption-customer-key': 'a2V5Mg==',
        'x-amz-server-side-encryption-context': 'e30=',
        'content-length': '3',
        skipped: undefined,
      }),
    ).toBe(
      `{'X-Amz-Security-Token': '${REDACTED}', 'x-amz-server-side-encryption-customer-key': '${REDACTED}', ` +
        `'x-amz-server-side-encryption-customer-key-md5': 'bWQ1', 'x-amz-copy-source-server-side-encryption-customer-key': '${REDACTED}', ` +
        `'x-amz-server-side-encryption-context': '${REDACTED}', 'content-length': '3'}`,
    );
  });
});

describe('sdkLogger', () => {
  it('prints the SDK\'s objects, circular ones included, through the same redaction', () => {
    const { log, text } = capture(true, { AWS_SECRET_ACCESS_KEY: 'topsecret' });
    const circular: Record<string, unknown> = { secret: 'topsecret' };
    circular.self = circular;
    log.sdkLogger().info({ circular }, new Error('boom'));
    expect(text()).toContain(' - aws-sdk-js - DEBUG - ');
    expect(text()).toContain('Error: boom');
    expect(text()).not.toContain('topsecret');
  });

  it('is silent without --debug, warnings included', () => {
    const { log, text } = capture(false);
    log.sdkLogger().warn('Multiple credential sources detected');
    expect(text()).toBe('');
  });
});
