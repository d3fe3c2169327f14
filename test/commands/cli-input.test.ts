/**
 * --cli-input-json and --cli-input-yaml replayed from the AWS CLI's recordings: argv in, stderr,
 * exit code and the input handed to the SDK out. The recorded commands ran in
 * test/fixtures/golden/inputs (in_up.json, in_up_b64.json, part1.bin, cfg/).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsChunkedBody, FileBody } from '../../src/s3/body.js';
import { TEST_CREDENTIALS, runInProcess, sentChecksum } from '../support/cli.js';
import { GOLDEN_DIR, asS3api, readGolden } from '../support/golden.js';
import { goldenArguments, goldenMessage } from '../unit/input/support.js';

const INPUTS = resolve(GOLDEN_DIR, 'inputs');
const UPLOAD_ID = '3ycBWp9xlGwBmIWzCYu48YIPUKgwljtnuShkYGJjE7SLmxj5C8lZ4iudA';

/** The S3 answer recorded in a golden (its ETag), so stdout can be compared byte for byte. */
function recordedUploadPart(name: string) {
  return { UploadPart: { ETag: (JSON.parse(readGolden(name).stdout) as { ETag: string }).ETag } };
}

function inInputs(argv: readonly string[], fakeResponses: Record<string, Record<string, unknown>> = {}, env: Record<string, string> = {}) {
  return runInProcess(argv, { cwd: INPUTS, fakeResponses, env: { ...TEST_CREDENTIALS, ...env } });
}

/** A 2.9 error (`\nMESSAGE\n`) in the target layout, labelled like every 252 error. */
function v29ErrorAsHead(name: string): string {
  const label = readGolden(name).exitCode === 252 ? 'An error occurred (ParamValidation): ' : '';
  return `\ns3api: [ERROR]: ${label}${goldenMessage(name)}\n`;
}

/** The recorded command line after `aws s3api`, without the capture's endpoint and --debug. */
function recordedArgv(name: string): string[] {
  const args = goldenArguments(name);
  const command = args.slice(args.indexOf('s3api') + 1);
  expect(args.slice(0, args.indexOf('s3api'))).toEqual(['--endpoint-url', 'http://127.0.0.1:5055', '--debug']);
  return command;
}

/** S3's ETag of a part is the MD5 of the bytes sent: what the SDK was given must hash to it. */
function md5Etag(bytes: Buffer | undefined): string {
  if (bytes === undefined) throw new Error('no body was sent');
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

describe('errors recorded from AWS CLI 2.9, in the target layout', () => {
  it.each([
    ['cij_and_yaml', ['upload-part', '--cli-input-json', '{}', '--cli-input-yaml', '{}']],
    ['cij_file_missing', ['upload-part', '--cli-input-json', 'file://nope.json']],
    ['cij_invalid_json', ['upload-part', '--cli-input-json', '{"Bucket": ']],
    ['cij_not_map', ['upload-part', '--cli-input-json', '[1, 2]']],
    ['cij_missing_required', ['upload-part', '--cli-input-json', '{"Bucket": "bkt"}']],
    ['cij_wrong_type', ['upload-part', '--cli-input-json', '{"Bucket": "bkt", "Key": "k", "PartNumber": "one", "UploadId": "u"}']],
    ['ciy_invalid', ['upload-part', '--cli-input-yaml', 'Bucket: bkt\n~: x\n']],
  ])('%s', async (name, argv) => {
    const result = await inInputs(argv);
    expect(result.stderr).toBe(v29ErrorAsHead(name));
    expect(result.exitCode).toBe(readGolden(name).exitCode);
    expect(result.stdout).toBe('');
    expect(result.calls).toEqual([]);
  });

  it('cij_upload_part_body_literal: Body must be base64 by default (exit 255)', async () => {
    const golden = readGolden('cij_upload_part_body_literal');
    const result = await inInputs(recordedArgv('cij_upload_part_body_literal'));
    expect(golden.stderr.endsWith('\nInvalid base64: "literal body text"\n')).toBe(true);
    expect(result.stderr).toBe('\ns3api: [ERROR]: Invalid base64: "literal body text"\n');
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it('cfg_binary_format_flag_overrides: --cli-binary-format beats the profile', async () => {
    const result = await inInputs(
      ['--profile', 'p1', '--cli-binary-format', 'base64', 'upload-part', '--cli-input-json', 'file://in_up.json'],
      {},
      { AWS_CONFIG_FILE: join(INPUTS, 'cfg/config_profiles') },
    );
    expect(result.stderr).toBe(v29ErrorAsHead('cfg_binary_format_flag_overrides'));
    expect(result.exitCode).toBe(255);
  });
});

describe('errors recorded from AWS CLI v2 head', () => {
  it.each([
    ['head_cij_body_literal', ['upload-part', '--cli-input-json', 'file://in_up.json']],
    [
      'head_cij_unknown_key',
      ['upload-part', '--cli-input-json', `{"Bucket": "bkt", "Key": "k", "PartNumber": 1, "UploadId": "u", "Foo": 1}`],
    ],
  ])('%s', async (name, argv) => {
    const golden = readGolden(name);
    const result = await inInputs(argv);
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });
});

describe('what reaches the SDK', () => {
  it('cij_body_base64: Body is decoded from base64 and sent as data', async () => {
    const result = await inInputs(['upload-part', '--cli-input-json', 'file://in_up_b64.json'], recordedUploadPart('cij_body_base64'));
    expect(result.stdout).toBe(readGolden('cij_body_base64').stdout);
    expect(result.exitCode).toBe(0);
    const { input } = result.calls[0];
    expect(input).toMatchObject({ Bucket: 'bkt', Key: 'dir/obj.txt', PartNumber: 6, UploadId: UPLOAD_ID });
    expect(result.calls[0].sentBody?.toString()).toBe('hello world');
    expect(md5Etag(result.calls[0].sentBody)).toBe(recordedUploadPart('cij_body_base64').UploadPart.ETag);
  });

  it('cij_body_raw_in_base64_out: the text itself, as UTF-8 bytes', async () => {
    const result = await inInputs(
      ['--cli-binary-format', 'raw-in-base64-out', 'upload-part', '--cli-input-json', 'file://in_up.json'],
      recordedUploadPart('cij_body_raw_in_base64_out'),
    );
    expect(result.stdout).toBe(readGolden('cij_body_raw_in_base64_out').stdout);
    expect(md5Etag(result.calls[0].sentBody)).toBe(recordedUploadPart('cij_body_raw_in_base64_out').UploadPart.ETag);
  });

  it('cfg_binary_format_profile: cli_binary_format from the profile', async () => {
    const result = await inInputs(
      ['--profile', 'p1', '--output', 'json', 'upload-part', '--cli-input-json', 'file://in_up.json'],
      recordedUploadPart('cfg_binary_format_profile'),
      { AWS_CONFIG_FILE: join(INPUTS, 'cfg/config_profiles') },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readGolden('cfg_binary_format_profile').stdout);
    expect(md5Etag(result.calls[0].sentBody)).toBe(recordedUploadPart('cfg_binary_format_profile').UploadPart.ETag);
  });

  it('ciy_body_binary_tag: a YAML !!binary value is bytes, sent unchanged', async () => {
    const yaml = `Bucket: bkt\nKey: dir/obj.txt\nPartNumber: 6\nUploadId: ${UPLOAD_ID}\nBody: !!binary aGVsbG8gd29ybGQ=\n`;
    const result = await inInputs(['upload-part', '--cli-input-yaml', yaml], recordedUploadPart('ciy_body_binary_tag'));
    expect(result.stdout).toBe(readGolden('ciy_body_binary_tag').stdout);
    expect(result.calls[0].input).toMatchObject({ Bucket: 'bkt', PartNumber: 6, UploadId: UPLOAD_ID });
    expect(md5Etag(result.calls[0].sentBody)).toBe(recordedUploadPart('ciy_body_binary_tag').UploadPart.ETag);
  });

  it('cij_override_cli_wins: options on the command line win over the document', async () => {
    const result = await inInputs(recordedArgv('cij_override_cli_wins'), recordedUploadPart('cij_override_cli_wins'));
    expect(result.stdout).toBe(readGolden('cij_override_cli_wins').stdout);
    const { input } = result.calls[0];
    expect(input).toMatchObject({ Bucket: 'bkt', Key: 'dir/obj.txt', PartNumber: 7, UploadId: UPLOAD_ID });
    expect((input.Body as AwsChunkedBody).source).toBeInstanceOf(FileBody);
    expect(md5Etag(result.calls[0].sentBody)).toBe(recordedUploadPart('cij_override_cli_wins').UploadPart.ETag);
  });

  it('checksums a Body given as bytes like the same bytes given as a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3api-cij-'));
    writeFileSync(join(dir, 'hello.bin'), 'hello world');
    const required = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--part-number', '1', '--upload-id', 'u'];
    const fake = { UploadPart: { ETag: '"e"' } };
    const fromFile = await runInProcess([...required, '--body', 'hello.bin'], { cwd: dir, fakeResponses: fake });
    const fromInput = await runInProcess([...required, '--cli-input-json', '{"Body": "aGVsbG8gd29ybGQ="}'], { fakeResponses: fake });
    expect(sentChecksum(fromInput.calls[0], 'CRC64NVME')).toBe(sentChecksum(fromFile.calls[0], 'CRC64NVME'));
    expect(sentChecksum(fromInput.calls[0], 'CRC64NVME')).not.toBe(
      sentChecksum((await runInProcess(required, { fakeResponses: fake })).calls[0], 'CRC64NVME'),
    );
  });

  it('sends timestamps from the document as instants', async () => {
    const document = { Bucket: 'bkt', Key: 'k', PartNumber: 2, UploadId: 'u', CopySource: 'src/a b', CopySourceIfModifiedSince: '2020-01-01T10:20:30Z' };
    const result = await runInProcess(['upload-part-copy', '--cli-input-json', JSON.stringify(document)], {
      fakeResponses: { UploadPartCopy: {} },
    });
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].input.CopySourceIfModifiedSince).toEqual(new Date('2020-01-01T10:20:30Z'));
    // The document's values still go through the operation's steps.
    expect(result.calls[0].input.CopySource).toBe('src/a%20b');
  });

  it('a paging member in the document turns auto-pagination off, like the option', async () => {
    const response = { Bucket: 'bkt', Key: 'k', UploadId: 'u', MaxParts: 1, IsTruncated: false, Parts: [] };
    const document = '{"Bucket": "bkt", "Key": "k", "UploadId": "u", "MaxParts": 1}';
    const result = await runInProcess(['list-parts', '--cli-input-json', document], { fakeResponses: { ListParts: response } });
    expect(result.calls.map((call) => call.input.MaxParts)).toEqual([1]);
    expect(result.stdout).toContain('"IsTruncated": false');
  });
});

describe('the document skips CLI argument processing', () => {
  it.each([
    [
      'shorthand is not parsed',
      ['complete-multipart-upload', '--cli-input-json', '{"Bucket": "b", "Key": "k", "UploadId": "u", "MultipartUpload": "Parts=[{ETag=e,PartNumber=1}]"}'],
      "Invalid type for parameter MultipartUpload, value: Parts=[{ETag=e,PartNumber=1}], type: <class 'str'>, valid types: <class 'dict'>",
    ],
    [
      'a JSON null is a value of the wrong type',
      ['upload-part', '--cli-input-json', '{"Bucket": "b", "Key": "k", "PartNumber": 1, "UploadId": "u", "Body": null}'],
      "Invalid type for parameter Body, value: None, type: <class 'NoneType'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object",
    ],
    [
      'a YAML float is not an integer',
      ['upload-part', '--cli-input-yaml', '{Bucket: b, Key: k, PartNumber: 1.0, UploadId: u}'],
      "Invalid type for parameter PartNumber, value: 1.0, type: <class 'float'>, valid types: <class 'int'>",
    ],
    [
      'nested members are validated with their path',
      ['complete-multipart-upload', '--cli-input-json', '{"Bucket": "b", "Key": "k", "UploadId": "u", "MultipartUpload": {"Parts": [{"PartNumber": "1"}]}}'],
      "Invalid type for parameter MultipartUpload.Parts[0].PartNumber, value: 1, type: <class 'str'>, valid types: <class 'int'>",
    ],
  ])('%s', async (_title, argv, line) => {
    const result = await runInProcess(argv, { fakeResponses: {} });
    expect(result.stderr).toBe(`\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${line}\n`);
    expect(result.exitCode).toBe(252);
  });
});

describe('unknown members', () => {
  it('a `__proto__` key is a member like any other, reported as unknown', async () => {
    const result = await runInProcess(['abort-multipart-upload', '--cli-input-json', '{"Bucket": "b", "Key": "k", "UploadId": "u", "__proto__": {}}'], {
      fakeResponses: {},
    });
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n' +
        'Unknown parameter in input: "__proto__", must be one of: Bucket, Key, UploadId, RequestPayer, ExpectedBucketOwner, IfMatchInitiatedTime\n',
    );
    expect(result.exitCode).toBe(252);
  });
});

describe('YAML documents', () => {
  it.each([
    ['invalid YAML', 'Bucket: [b', "Error parsing parameter 'cli-input-yaml': Invalid YAML received."],
    ['several documents', '--- {Bucket: a}\n--- {Bucket: b}\n', "Error parsing parameter 'cli-input-yaml': Invalid YAML received."],
    ['a sequence', '- Bucket: b\n', "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>"],
    ['an empty document', '', "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>"],
  ])('%s', async (_title, yaml, message) => {
    const result = await runInProcess(['upload-part', '--cli-input-yaml', yaml], { fakeResponses: {} });
    expect(result.stderr).toBe(`\ns3api: [ERROR]: An error occurred (ParamValidation): ${message}\n`);
    expect(result.exitCode).toBe(252);
  });

  it('reads the yaml-input skeleton back once it is filled in', async () => {
    const template = (await runInProcess(['upload-part', '--generate-cli-skeleton', 'yaml-input'], { fakeResponses: {} })).stdout;
    const filled = template
      .split('\n')
      .filter((line) => /^(Body|Bucket|Key|PartNumber|UploadId):/.test(line))
      .map((line) => line.replace("Bucket: ''", 'Bucket: bkt').replace("Key: ''", 'Key: k').replace('PartNumber: 0', 'PartNumber: 3').replace("UploadId: ''", 'UploadId: u'))
      .join('\n');
    const result = await runInProcess(['upload-part', '--cli-input-yaml', filled], { fakeResponses: { UploadPart: { ETag: '"e"' } } });
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].input).toMatchObject({ Bucket: 'bkt', Key: 'k', PartNumber: 3, UploadId: 'u' });
    expect(result.calls[0].sentBody).toEqual(Buffer.alloc(0));
  });
});
