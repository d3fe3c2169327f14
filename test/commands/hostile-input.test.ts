/**
 * Hostile --cli-input-* documents stay bounded. A YAML "billion laughs" (each alias naming nine
 * of the previous) is answered as the AWS CLI answers it, from the shared nodes, without
 * expanding them; one that a used member would have to expand is refused (252). Large JSON
 * documents are parsed in time and memory linear in their size.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, spawnCli } from '../support/cli.js';

const NO_NETWORK = { fakeResponses: {} };
const LIST_PARTS_MEMBERS =
  'Bucket, Key, MaxParts, PartNumberMarker, UploadId, RequestPayer, ExpectedBucketOwner, SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5';
const LIST_PARTS = ['list-parts', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

/** Ten levels of nine aliases each: 9^10 (3.4 billion) strings once expanded. */
function billionLaughs(usedBy: string): string {
  const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level++) levels.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  return `${levels.join('\n')}\n${usedBy}: *a9\n`;
}

function validationFailure(...lines: string[]): string {
  return `\ns3api: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${lines.join('\n')}\n`;
}

let workdir: string;
beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 's3api-hostile-'));
});

function withFile(name: string, text: string): string {
  const path = join(workdir, name);
  writeFileSync(path, text);
  return `file://${path}`;
}

describe('YAML aliases are never expanded into memory', () => {
  it('a billion laughs in members the command line overrides: the AWS CLI reply (recorded from 2.36.7)', async () => {
    const result = await runInProcess([...LIST_PARTS, '--cli-input-yaml', withFile('laughs.yaml', billionLaughs('Bucket'))], NO_NETWORK);
    const unknown = Array.from({ length: 10 }, (_, level) => `Unknown parameter in input: "a${level}", must be one of: ${LIST_PARTS_MEMBERS}`);
    expect(result.stderr).toBe(validationFailure(...unknown));
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('a billion laughs is answered in a small heap', () => {
    const result = spawnCli([...LIST_PARTS, '--cli-input-yaml', withFile('laughs-small-heap.yaml', billionLaughs('Bucket'))], { env: SMALL_HEAP });
    expect(result.stderr).toContain('Unknown parameter in input: "a9"');
    expect(result.exitCode).toBe(252);
  });

  it('a billion laughs in a member the command uses is refused', async () => {
    const result = await runInProcess([...LIST_PARTS, '--cli-input-yaml', withFile('laughs-used.yaml', billionLaughs('MaxParts'))], NO_NETWORK);
    expect(result.stderr).toBe(
      "\ns3api: [ERROR]: An error occurred (ParamValidation): Error parsing parameter 'cli-input-yaml': " +
        'Invalid YAML received: the aliases in MaxParts expand to more than 1000000 values.\n',
    );
    expect(result.exitCode).toBe(252);
    expect(result.calls).toEqual([]);
  });

  it('a member that contains itself is refused', async () => {
    const result = await runInProcess([...LIST_PARTS, '--cli-input-yaml', 'MaxParts: &loop [*loop]'], NO_NETWORK);
    expect(result.stderr).toContain('Invalid YAML received: the aliases in MaxParts expand to more than 1000000 values.');
    expect(result.exitCode).toBe(252);
  });

  it('a few aliases are fine and mean their value', async () => {
    const result = await runInProcess(
      ['complete-multipart-upload', '--cli-input-yaml', 'Bucket: &b bkt\nKey: *b\nUploadId: u\nMultipartUpload:\n  Parts:\n  - &p {ETag: e, PartNumber: 1}\n'],
      { fakeResponses: { CompleteMultipartUpload: {} } },
    );
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input)).toEqual([
      { Bucket: 'bkt', Key: 'bkt', UploadId: 'u', MultipartUpload: { Parts: [{ ETag: 'e', PartNumber: 1 }] } },
    ]);
  });
});

/** A heap far smaller than the gigabytes quadratic parsing took: running out of it is a crash, not exit 252. */
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=160' };

describe('large JSON documents', () => {
  const TWENTY_MB = 20 * 1024 * 1024;

  it('a 20 MB document is parsed in a small heap', () => {
    const text = JSON.stringify({ Padding: 'x'.repeat(TWENTY_MB) });
    const result = spawnCli([...LIST_PARTS, '--cli-input-json', withFile('padding-small-heap.json', text)], { env: SMALL_HEAP });
    expect(result.stderr).toBe(validationFailure(`Unknown parameter in input: "Padding", must be one of: ${LIST_PARTS_MEMBERS}`));
    expect(result.exitCode).toBe(252);
  });

  it('a 20 MB document of escapes is parsed in a small heap', () => {
    const text = JSON.stringify({ Padding: 'a\n'.repeat(TWENTY_MB / 3) });
    const result = spawnCli([...LIST_PARTS, '--cli-input-json', withFile('escapes-small-heap.json', text)], { env: SMALL_HEAP });
    expect(result.stderr).toBe(validationFailure(`Unknown parameter in input: "Padding", must be one of: ${LIST_PARTS_MEMBERS}`));
    expect(result.exitCode).toBe(252);
  });

  it('a 20 MB unknown member is reported by name', async () => {
    const text = JSON.stringify({ Padding: 'x'.repeat(TWENTY_MB) });
    const result = await runInProcess([...LIST_PARTS, '--cli-input-json', withFile('padding.json', text)], NO_NETWORK);
    expect(result.stderr).toBe(validationFailure(`Unknown parameter in input: "Padding", must be one of: ${LIST_PARTS_MEMBERS}`));
    expect(result.exitCode).toBe(252);
  });

  it('a 20 MB list of parts reaches the SDK whole', async () => {
    const parts = Array.from({ length: 10_000 }, (_, index) => ({ ETag: `"${String(index).padStart(2100, '0')}"`, PartNumber: index + 1 }));
    const text = JSON.stringify({ Bucket: 'b', Key: 'k', UploadId: 'u', MultipartUpload: { Parts: parts } });
    expect(text.length).toBeGreaterThan(TWENTY_MB);
    const result = await runInProcess(['complete-multipart-upload', '--cli-input-json', withFile('parts.json', text)], {
      fakeResponses: { CompleteMultipartUpload: {} },
    });
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input.MultipartUpload)).toEqual([{ Parts: parts }]);
  });

  it('a 20 MB string value arrives intact', async () => {
    const key = 'k'.repeat(TWENTY_MB);
    const result = await runInProcess(
      ['abort-multipart-upload', '--bucket', 'b', '--upload-id', 'u', '--cli-input-json', withFile('key.json', JSON.stringify({ Key: key }))],
      { fakeResponses: { AbortMultipartUpload: {} } },
    );
    expect(result.exitCode).toBe(0);
    expect(result.calls[0].input.Key).toBe(key);
  });
});
