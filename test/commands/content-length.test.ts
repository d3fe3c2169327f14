/**
 * upload-part with a --content-length (or input ContentLength) that is not the body's size: the
 * AWS CLI sends the header as given, so S3 keeps only the first N bytes as the part (exit 0) or
 * waits for bytes that never come. s3api refuses it before sending, exit 252.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';

const MIB = 1024 * 1024;
let workdir: string;

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 's3api-content-length-'));
  writeFileSync(join(workdir, 'part.bin'), Buffer.alloc(MIB, 7));
});

const UPLOAD_PART = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--part-number', '1'];

function mismatch(given: string, actual: number): string {
  return (
    '\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n' +
    `Invalid value for parameter ContentLength, value: ${given}, valid value: ${actual} ` +
    '(the size of the body; leave ContentLength out to send the whole body)\n'
  );
}

function uploadPart(argv: readonly string[]) {
  return runInProcess([...UPLOAD_PART, ...argv], { cwd: workdir, fakeResponses: { UploadPart: { ETag: '"e"' } } });
}

describe('a ContentLength that disagrees with the body is refused, nothing sent', () => {
  it.each<[string, string[], string, number]>([
    ['shorter than the file', ['--body', 'part.bin', '--content-length', '100'], '100', MIB],
    ['longer than the file', ['--body', 'part.bin', '--content-length', String(MIB + 1)], String(MIB + 1), MIB],
    ['without a body', ['--content-length', '5'], '5', 0],
    ['from --cli-input-json', ['--body', 'part.bin', '--cli-input-json', '{"ContentLength": 100}'], '100', MIB],
    ['from --cli-input-json with its own body', ['--cli-input-json', '{"Body": "aGVsbG8=", "ContentLength": 100}'], '100', 5],
    ['from --cli-input-yaml', ['--body', 'part.bin', '--cli-input-yaml', 'ContentLength: 0'], '0', MIB],
  ])('%s', async (_title, argv, given, actual) => {
    const result = await uploadPart(argv);
    expect(result.stderr).toBe(mismatch(given, actual));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('the exact size is sent as given', async () => {
    const result = await uploadPart(['--body', 'part.bin', '--content-length', String(MIB)]);
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input.ContentLength)).toEqual([MIB]);
  });
});
