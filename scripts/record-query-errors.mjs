// Re-records test/fixtures/query/oracle-errors.json: what the AWS CLI prints for each --query
// expression listed there (stderr and exit code of `list-parts … --query EXPR`). The CLI
// compiles the query before it sends anything, so no server is needed: the endpoint is a closed
// port, and an expression the CLI accepts ends in "Could not connect" (exit 255).
// Usage: node scripts/record-query-errors.mjs [/path/to/aws]   (default: $AWS_CLI_ORACLE, else aws)
// To add a case, add {"kind", "expression"} to the fixture and run this again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = new URL('../test/fixtures/query/oracle-errors.json', import.meta.url);
const awsCli = process.argv[2] ?? process.env.AWS_CLI_ORACLE ?? 'aws';
const home = mkdtempSync(join(tmpdir(), 'record-query-'));
// A clean environment, as the goldens were recorded: no profile, no pager, not a terminal.
const env = {
  PATH: '/usr/bin:/bin',
  HOME: home,
  TMPDIR: tmpdir(),
  LANG: 'C.UTF-8',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
};
const run = (args) => spawnSync(awsCli, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const recordedWith = run(['--version']).stdout.trim();
  const cases = fixture.cases.map(({ kind, expression }) => {
    const result = run(['--endpoint-url', 'http://127.0.0.1:1', 's3api', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--query', expression]);
    return { kind, expression, exitCode: result.status, stderr: result.stderr };
  });
  writeFileSync(FIXTURE, `${JSON.stringify({ recordedWith, cases }, null, 2)}\n`);
  console.log(`${cases.length} cases recorded with ${recordedWith}`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
