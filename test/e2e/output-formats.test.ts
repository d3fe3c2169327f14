/**
 * upload-part and upload-part-copy in every output format against a real S3 server, compared
 * with the bytes the AWS CLI printed for the same calls (the recorded goldens), and the error
 * formats of --cli-error-format.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess, spawnCli } from '../support/cli.js';
import { asS3api, readGolden } from '../support/golden.js';
import { createUniqueBucket, createUpload, putObject, testClient } from '../support/s3-fixture.js';
import { ON_MOTO } from '../support/server.js';

let endpoint: string;
let bucket: string;
let uploadId: string;
let workdir: string;

beforeAll(async () => {
  endpoint = inject('s3Endpoint');
  const client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'formats');
  await putObject(client, bucket, 'src/source.bin', Buffer.alloc(2048, 'z'));
  uploadId = await createUpload(client, bucket, 'dir/obj.txt');
  workdir = mkdtempSync(join(tmpdir(), 's3api-formats-'));
  writeFileSync(join(workdir, 'part1.bin'), 'hello world part one\n');
});

function uploadPartArgs(format: string): string[] {
  return ['--endpoint-url', endpoint, '--output', format, 'upload-part', '--bucket', bucket, '--key', 'dir/obj.txt',
    '--part-number', '1', '--upload-id', uploadId, '--body', 'part1.bin'];
}

function uploadPartCopyArgs(format: string): string[] {
  return ['--endpoint-url', endpoint, '--output', format, 'upload-part-copy', '--bucket', bucket, '--key', 'dir/obj.txt',
    '--part-number', '2', '--upload-id', uploadId, '--copy-source', `${bucket}/src/source.bin`, '--copy-source-range', 'bytes=0-1023'];
}

describe('upload-part prints the AWS CLI bytes in every format', () => {
  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO).each([
    ['json', 'head_upload_part_json'],
    ['text', 'head_upload_part_text'],
    ['table', 'head_upload_part_table'],
    ['yaml', 'head_upload_part_yaml'],
    ['off', 'head_upload_part_off'],
  ])('--output %s', async (format, golden) => {
    const result = await runInProcess(uploadPartArgs(format), { cwd: workdir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readGolden(golden).stdout);
  });

  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO)('--output yaml-stream: one document, the page as a one-element sequence', async () => {
    const result = await runInProcess(uploadPartArgs('yaml-stream'), { cwd: workdir });
    expect(result.stdout).toBe('- ChecksumCRC64NVME: K18kJBvWuxY=\n  ETag: \'"3278263a70e49679e82b47bf6b54baf6"\'\n');
  });

  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO)('the built binary prints the same bytes as the in-process CLI', () => {
    const result = spawnCli(uploadPartArgs('table'), { cwd: workdir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readGolden('head_upload_part_table').stdout);
  });
});

describe('upload-part-copy prints the AWS CLI layout in every format', () => {
  // The recorded run copied other bytes at another time: put this run's ETag and time into it.
  async function expectGoldenLayout(format: string, golden: string) {
    const json = JSON.parse((await runInProcess(uploadPartCopyArgs('json'))).stdout);
    const { ETag: etag, LastModified: lastModified } = json.CopyPartResult;
    const recorded = readGolden(golden).stdout;
    const recordedEtag = /"\\?"?([0-9a-f]{32})/.exec(recorded)![1];
    const recordedTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00/.exec(recorded)![0];
    const result = await runInProcess(uploadPartCopyArgs(format));
    expect(result.exitCode).toBe(0);
    // Same second: a copy of the same range has the same ETag; re-run on a second boundary.
    const current = JSON.parse((await runInProcess(uploadPartCopyArgs('json'))).stdout).CopyPartResult;
    expect(current.ETag).toBe(etag);
    const expected = recorded.replace(recordedEtag, etag.slice(1, -1)).replace(recordedTime, lastModified);
    const alternate = recorded.replace(recordedEtag, etag.slice(1, -1)).replace(recordedTime, current.LastModified);
    expect([expected, alternate]).toContain(result.stdout);
  }

  it.each([
    ['json', 'upload_part_copy_json'],
    ['text', 'upload_part_copy_text'],
    ['table', 'upload_part_copy_table'],
    ['yaml', 'upload_part_copy_yaml'],
  ])('--output %s', async (format, golden) => {
    await expectGoldenLayout(format, golden);
  });

  it('--output off prints nothing but still copies', async () => {
    const result = await runInProcess(uploadPartCopyArgs('off'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.calls).toHaveLength(1);
  });
});

describe('--cli-error-format on a service error', () => {
  const listParts = () => ['--endpoint-url', endpoint, 'list-parts', '--bucket', bucket, '--key', 'dir/obj.txt', '--upload-id', 'no-such-upload'];

  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO).each([
    ['enhanced', 'head_err_format_enhanced_service'],
    ['legacy', 'head_err_format_legacy_service'],
    ['json', 'head_err_format_json_service'],
    ['yaml', 'head_err_format_yaml_service'],
    ['text', 'head_err_format_text_service'],
    ['table', 'head_err_format_table_service'],
  ])('%s', async (format, golden) => {
    const recorded = readGolden(golden);
    const result = await runInProcess(['--cli-error-format', format, ...listParts()]);
    const expected = asS3api(recorded.stderr);
    expect(result.stderr).toBe(format === 'yaml' ? unfolded(expected) : expected);
    expect(result.exitCode).toBe(recorded.exitCode);
    expect(result.stdout).toBe('');
  });

  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO)('AWS_CLI_ERROR_FORMAT selects the format when the flag is absent', async () => {
    const recorded = readGolden('head_err_format_env_json_service');
    const result = await runInProcess(listParts(), { env: { ...TEST_CREDENTIALS, AWS_CLI_ERROR_FORMAT: 'json' } });
    expect(result.stderr).toBe(recorded.stderr);
    expect(result.exitCode).toBe(254);
  });
});

/**
 * libyaml folded the long Message at the first space past column 80; js-yaml keeps a scalar on
 * one line (README, "Differences from aws s3api"). In this flat document every line indented
 * by two spaces continues the line above it.
 */
function unfolded(recordedYaml: string): string {
  const joined = recordedYaml.replace(/\n {2}/g, ' ');
  expect(joined).not.toBe(recordedYaml);
  return joined;
}

/** The recorded JSON error, with our usage block inside its Message. */
function structuredWithOurUsage(recorded: string): string {
  const error = JSON.parse(recorded) as { Code: string; Message: string };
  return `${JSON.stringify({ ...error, Message: asS3api(error.Message) }, null, 4)}\n`;
}

describe('--cli-error-format on a usage error', () => {
  it.each([
    ['json', 'head_err_format_json_paramvalidation'],
    ['legacy', 'head_err_format_legacy_paramvalidation'],
  ])('%s', async (format, golden) => {
    const recorded = readGolden(golden);
    const result = await runInProcess(['--cli-error-format', format, 'upload-part', '--bucket', 'bkt'], { fakeResponses: {} });
    const expected = format === 'json' ? structuredWithOurUsage(recorded.stderr) : asS3api(recorded.stderr);
    expect(result.stderr).toBe(expected);
    expect(result.exitCode).toBe(252);
  });
});

describe('output format precedence: --output > AWS_DEFAULT_OUTPUT > profile output > json', () => {
  function withConfig(env: Record<string, string>) {
    const configFile = join(workdir, 'config');
    writeFileSync(configFile, '[default]\noutput = yaml\n\n[profile badout]\noutput = xml\n');
    return { ...TEST_CREDENTIALS, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: join(workdir, 'none'), ...env };
  }
  // Moto only: the recorded output includes the CRC64NVME checksum and the NoSuchUpload text moto sends; Swift echoes no flexible checksum and words NoSuchUpload differently.
  it.skipIf(!ON_MOTO)('the profile decides when nothing else does', async () => {
    const args = uploadPartArgs('json').filter((arg, index, all) => arg !== '--output' && all[index - 1] !== '--output');
    const result = await runInProcess([...args, '--query', 'ETag'], { env: withConfig({}), cwd: workdir });
    // yaml prints a top-level scalar as JSON.
    expect(result.stdout).toBe('"\\"3278263a70e49679e82b47bf6b54baf6\\""\n');
    const table = await runInProcess(args, { env: withConfig({}), cwd: workdir });
    expect(table.stdout).toBe('ChecksumCRC64NVME: K18kJBvWuxY=\nETag: \'"3278263a70e49679e82b47bf6b54baf6"\'\n');
  });

  it('AWS_DEFAULT_OUTPUT beats the profile, --output beats both', async () => {
    const args = uploadPartArgs('json').filter((arg, index, all) => arg !== '--output' && all[index - 1] !== '--output');
    const fromEnv = await runInProcess([...args, '--query', 'ETag'], { env: withConfig({ AWS_DEFAULT_OUTPUT: 'text' }), cwd: workdir });
    expect(fromEnv.stdout).toBe('"3278263a70e49679e82b47bf6b54baf6"\n');
    const fromFlag = await runInProcess([...args, '--query', 'ETag', '--output', 'json'], { env: withConfig({ AWS_DEFAULT_OUTPUT: 'text' }), cwd: workdir });
    expect(fromFlag.stdout).toBe('"\\"3278263a70e49679e82b47bf6b54baf6\\""\n');
  });

  it('an invalid format from the environment fails after the request, exit 255', async () => {
    const recorded = readGolden('cfg_output_env_invalid');
    const args = uploadPartArgs('json').filter((arg, index, all) => arg !== '--output' && all[index - 1] !== '--output');
    const result = await runInProcess(args, { env: withConfig({ AWS_DEFAULT_OUTPUT: 'xml' }), cwd: workdir });
    expect(result.stderr).toBe('\ns3api: [ERROR]: Unknown output type: xml\n');
    expect(recorded.stderr).toBe('\nUnknown output type: xml\n');
    expect(result.exitCode).toBe(255);
    expect(result.calls).toHaveLength(1);
  });
});
