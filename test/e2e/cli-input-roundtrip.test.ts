/**
 * The skeleton workflow against a real S3 server: generate a template, fill it in, run the
 * command with --cli-input-json or --cli-input-yaml, and check what the server stored.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';

let endpoint: string;
let client: S3Client;
let bucket: string;
let workdir: string;

beforeAll(async () => {
  endpoint = inject('s3Endpoint');
  client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'cli-input');
  workdir = mkdtempSync(join(tmpdir(), 's3api-cli-input-'));
});

function s3api(argv: readonly string[]) {
  return runInProcess(['--endpoint-url', endpoint, ...argv], { cwd: workdir, env: { ...TEST_CREDENTIALS } });
}

async function template(command: string, kind: 'input' | 'yaml-input'): Promise<string> {
  const result = await s3api([command, '--generate-cli-skeleton', kind]);
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

/** Keeps the template's members named in `values`, filled with them; drops the others. */
function fillJson(text: string, values: Record<string, unknown>): string {
  const skeleton = JSON.parse(text) as Record<string, unknown>;
  for (const member of Object.keys(values)) expect(skeleton).toHaveProperty(member);
  return JSON.stringify(Object.fromEntries(Object.keys(skeleton).filter((member) => member in values).map((member) => [member, values[member]])));
}

/**
 * Edits the YAML template as a user would: top-level lines of the members named in `values`
 * get the value after the colon (comments kept), the other top-level members are deleted.
 */
function fillYaml(text: string, values: Record<string, string>): string {
  const kept: string[] = [];
  let keeping = false;
  for (const line of text.split('\n')) {
    const topLevel = /^(\w+):/.exec(line);
    if (topLevel) {
      keeping = topLevel[1] in values;
      if (keeping) kept.push(line.replace(/^(\w+):[^#]*?(\s+#)/, `$1: ${values[topLevel[1]]}$2`));
    } else if (keeping && line !== '') {
      kept.push(line);
    }
  }
  return `${kept.join('\n')}\n`;
}

function writeInput(name: string, text: string): string {
  writeFileSync(join(workdir, name), text);
  return `file://${name}`;
}

function md5(bytes: Buffer): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

async function storedObject(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

describe('skeleton -> filled document -> command', () => {
  it('--cli-input-json: upload-part, then complete-multipart-upload', async () => {
    const key = 'json/object.bin';
    const uploadId = await createUpload(client, bucket, key);
    const data = Buffer.from('part uploaded from a JSON document\n');

    const partDocument = fillJson(await template('upload-part', 'input'), {
      Bucket: bucket,
      Key: key,
      PartNumber: 1,
      UploadId: uploadId,
      Body: data.toString('base64'),
    });
    const part = await s3api(['upload-part', '--cli-input-json', writeInput('part.json', partDocument)]);
    expect(part.stderr).toBe('');
    expect(part.exitCode).toBe(0);
    const { ETag } = JSON.parse(part.stdout) as { ETag: string };
    expect(ETag).toBe(md5(data));
    const listed = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(listed.Parts?.map((stored) => [stored.PartNumber, stored.ETag, stored.Size])).toEqual([[1, ETag, data.length]]);

    const completeDocument = fillJson(await template('complete-multipart-upload', 'input'), {
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: [{ ETag, PartNumber: 1 }] },
    });
    const complete = await s3api(['complete-multipart-upload', '--cli-input-json', writeInput('complete.json', completeDocument)]);
    expect(complete.stderr).toBe('');
    expect(complete.exitCode).toBe(0);
    expect(JSON.parse(complete.stdout)).toMatchObject({ Bucket: bucket, Key: key });
    expect(await storedObject(key)).toEqual(data);
  });

  it('--cli-input-yaml: upload-part with !!binary, then complete-multipart-upload', async () => {
    const key = 'yaml/object.bin';
    const uploadId = await createUpload(client, bucket, key);
    const data = Buffer.from([0, 1, 2, 0xfe, 0xff, ...Buffer.from(' bytes from a YAML document')]);

    const partDocument = fillYaml(await template('upload-part', 'yaml-input'), {
      Body: `!!binary ${data.toString('base64')}`,
      Bucket: bucket,
      Key: `'${key}'`,
      PartNumber: '1',
      UploadId: `'${uploadId}'`,
    });
    expect(partDocument).toContain('# [REQUIRED] ');
    const part = await s3api(['upload-part', '--cli-input-yaml', writeInput('part.yaml', partDocument)]);
    expect(part.stderr).toBe('');
    expect(part.exitCode).toBe(0);
    const { ETag } = JSON.parse(part.stdout) as { ETag: string };
    expect(ETag).toBe(md5(data));

    const completeTemplate = await template('complete-multipart-upload', 'yaml-input');
    // The nested part entry: ETag and PartNumber filled in, its checksum lines deleted.
    const withPart = completeTemplate
      .replace(/^ {2}- ETag: ''/m, `  - ETag: '${ETag}'`)
      .replace(/^ {4}Checksum\w+: '' #.*\n/gm, '')
      .replace(/^ {4}PartNumber: 0/m, '    PartNumber: 1');
    const completeDocument = fillYaml(withPart, { Bucket: bucket, Key: `'${key}'`, UploadId: `'${uploadId}'`, MultipartUpload: '' });
    const complete = await s3api(['complete-multipart-upload', '--cli-input-yaml', writeInput('complete.yaml', completeDocument)]);
    expect(complete.stderr).toBe('');
    expect(complete.exitCode).toBe(0);
    expect(JSON.parse(complete.stdout)).toMatchObject({ Bucket: bucket, Key: key });
    expect(await storedObject(key)).toEqual(data);
  });
});
