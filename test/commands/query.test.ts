/**
 * --query through the whole command: lexer and parser errors as the newest AWS CLI prints them
 * (recorded in test/fixtures/query/oracle-errors.json), hostile expressions stop before anything
 * is sent, and the jmespath package is loaded only by commands that use --query.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInProcess, spawnWithoutSdk } from '../support/cli.js';
import { asS3api } from '../support/golden.js';

const LIST_PARTS = ['list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u'];
const LIST_PARTS_RESPONSE = { ListParts: { Bucket: 'bkt', Parts: [{ PartNumber: 1, ETag: '"e1"', Size: 1 }], IsTruncated: false } };

interface OracleCase {
  readonly kind: string;
  readonly expression: string;
  readonly exitCode: number;
  readonly stderr: string;
}

/** Recorded by scripts/record-query-errors.mjs with aws-cli 2.36.7 (list-parts, a closed port). */
const ORACLE: { readonly cases: readonly OracleCase[] } = JSON.parse(
  readFileSync(new URL('../fixtures/query/oracle-errors.json', import.meta.url), 'utf8'),
);
const label = (expression: string) => JSON.stringify(expression.length > 60 ? `${expression.slice(0, 60)}…` : expression);
const rejected = ORACLE.cases.filter((oracleCase) => oracleCase.exitCode === 252).map((oracleCase) => [oracleCase.kind, label(oracleCase.expression), oracleCase] as const);
const accepted = ORACLE.cases.filter((oracleCase) => oracleCase.exitCode !== 252).map((oracleCase) => [oracleCase.kind, label(oracleCase.expression), oracleCase] as const);

describe('lexer and parser errors as the AWS CLI prints them (exit 252, nothing sent)', () => {
  it('the fixture holds both kinds', () => {
    expect(rejected.length).toBeGreaterThan(50);
    expect(accepted.length).toBeGreaterThan(3);
  });

  it.each(rejected)('%s: %s', async (_kind, _label, oracleCase) => {
    const result = await runInProcess([...LIST_PARTS, '--query', oracleCase.expression], { fakeResponses: LIST_PARTS_RESPONSE });
    expect(result.stderr).toBe(asS3api(oracleCase.stderr));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  // The AWS CLI compiled these and went on to send (to a closed port: "Could not connect").
  it.each(accepted)('%s: %s compiles and runs', async (_kind, _label, oracleCase) => {
    expect(oracleCase.stderr).toContain('Could not connect to the endpoint URL');
    const result = await runInProcess([...LIST_PARTS, '--query', oracleCase.expression], { fakeResponses: LIST_PARTS_RESPONSE });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.calls).toHaveLength(1);
  });
});

describe('hostile queries (issue 9)', () => {
  // The AWS CLI prints this for 487 nested parentheses and more (Python's RecursionError).
  const tooDeep = (query: string) =>
    `\ns3api: [ERROR]: An error occurred (ParamValidation): Bad value for --query ${query}: maximum recursion depth exceeded\n`;

  it.each([
    ['5,000 nested parentheses', `${'('.repeat(5000)}Bucket${')'.repeat(5000)}`],
    ['487 nested parentheses', `${'('.repeat(487)}Bucket${')'.repeat(487)}`],
    ['a 20,000-step pipe', Array(20000).fill('Bucket').join(' | ')],
    ['5,000 nested brackets', `${'['.repeat(5000)}Bucket${']'.repeat(5000)}`],
  ])('%s: exit 252 with the AWS CLI text, nothing sent', async (_name, query) => {
    const result = await runInProcess([...LIST_PARTS, '--query', query], { fakeResponses: LIST_PARTS_RESPONSE });
    expect(result.stderr).toBe(tooDeep(query));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
    expect(result.stdout).toBe('');
  });

  it('486 nested parentheses still run, as with the AWS CLI', async () => {
    const query = `${'('.repeat(486)}Parts${')'.repeat(486)}`;
    const result = await runInProcess([...LIST_PARTS, '--query', query], { fakeResponses: LIST_PARTS_RESPONSE });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(LIST_PARTS_RESPONSE.ListParts.Parts);
  });

  it('a 20,000-segment sub-expression is one flat step, so it runs as with the AWS CLI', async () => {
    const query = ['Parts', ...Array(20000).fill('Missing')].join('.');
    const result = await runInProcess([...LIST_PARTS, '--query', query], { fakeResponses: LIST_PARTS_RESPONSE });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('null\n');
    expect(result.exitCode).toBe(0);
  });
});

describe('the jmespath package is loaded only for --query', () => {
  it.each([
    [['--version']],
    [['upload-part', '--generate-cli-skeleton']],
    [['help']],
  ])('%j runs with jmespath refused', (argv) => {
    const result = spawnWithoutSdk(argv, '^jmespath$');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('the hook does stop a command with --query', () => {
    const result = spawnWithoutSdk(['--endpoint-url', 'http://127.0.0.1:9', ...LIST_PARTS, '--query', 'Parts'], '^jmespath$');
    expect(result.stderr).toContain('SDK import refused: jmespath');
    expect(result.exitCode).toBe(255);
  });
});
