// Re-records test/fixtures/wire/: the requests the newest AWS CLI sends for each command line
// of test/e2e/wire-aws-cli.test.ts, captured by its recording proxy in front of a fresh
// moto_server. Usage: npm run record-wire [-- /path/to/aws]
// (default: $AWS_CLI_ORACLE, else `aws` on PATH).
import { spawnSync } from 'node:child_process';

const awsCli = process.argv[2] ?? process.env.AWS_CLI_ORACLE ?? 'aws';
const result = spawnSync('npx', ['vitest', 'run', 'test/e2e/wire-aws-cli.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, WIRE_RECORD_WITH: awsCli, S3API_TEST_ENDPOINT: '' },
});
process.exit(result.status ?? 1);
