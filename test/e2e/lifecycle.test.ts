/**
 * A multipart upload from start to finish against a real S3 server, every step an s3api
 * command: create, parts from a file and from a byte range of another object, list-parts page by
 * page with a resumed NextToken, complete (with JSON built from that listing, and with
 * --parts-from-server), then the object S3 assembled. And the other ending: abort.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runInProcess } from '../support/cli.js';
import { readGolden } from '../support/golden.js';
import { createUniqueBucket, putObject, testClient } from '../support/s3-fixture.js';
import { ON_MOTO } from '../support/server.js';

const MiB = 1024 * 1024;
/** S3 (and moto) refuse to complete when a part other than the last is under 5 MiB. */
const FILE_PART = randomBytes(5 * MiB);
const SOURCE_OBJECT = randomBytes(6 * MiB);
const COPY_FIRST = 1024;
const COPY_LAST = COPY_FIRST + 5 * MiB - 1;
const LAST_PART = Buffer.from('the short last part\n');

let client: S3Client;
let endpoint: string;
let bucket: string;
let workdir: string;

beforeAll(async () => {
  endpoint = inject('s3Endpoint');
  client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'lifecycle');
  await putObject(client, bucket, 'source/object.bin', SOURCE_OBJECT);
  workdir = mkdtempSync(join(tmpdir(), 's3api-lifecycle-'));
  writeFileSync(join(workdir, 'part1.bin'), FILE_PART);
  writeFileSync(join(workdir, 'last.bin'), LAST_PART);
});

async function s3api(...argv: string[]) {
  const result = await runInProcess(['--endpoint-url', endpoint, ...argv], { cwd: workdir });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

async function s3apiJson(...argv: string[]): Promise<Record<string, unknown>> {
  return JSON.parse(await s3api(...argv)) as Record<string, unknown>;
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

/** S3's ETag of a multipart object: the MD5 of the parts' binary MD5s, then `-<part count>`. */
function multipartEtag(parts: readonly Buffer[]): string {
  return `"${md5(Buffer.concat(parts.map(md5))).toString('hex')}-${parts.length}"`;
}

async function objectBytes(key: string): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

/** create-multipart-upload, then the three parts: a file, a copied byte range, a short file. */
async function uploadThreeParts(key: string): Promise<{ uploadId: string; etags: string[] }> {
  const created = await s3apiJson('create-multipart-upload', '--bucket', bucket, '--key', key);
  expect(created).toMatchObject({ Bucket: bucket, Key: key });
  const uploadId = created.UploadId as string;
  const target = ['--bucket', bucket, '--key', key, '--upload-id', uploadId];
  const first = await s3apiJson('upload-part', ...target, '--part-number', '1', '--body', 'part1.bin');
  const copied = await s3apiJson(
    'upload-part-copy',
    ...target,
    '--part-number',
    '2',
    '--copy-source',
    `${bucket}/source/object.bin`,
    '--copy-source-range',
    `bytes=${COPY_FIRST}-${COPY_LAST}`,
  );
  const last = await s3apiJson('upload-part', ...target, '--part-number', '3', '--body', 'last.bin');
  const copyResult = copied.CopyPartResult as Record<string, unknown>;
  return { uploadId, etags: [first.ETag as string, copyResult.ETag as string, last.ETag as string] };
}

const EXPECTED_PARTS = [FILE_PART, SOURCE_OBJECT.subarray(COPY_FIRST, COPY_LAST + 1), LAST_PART];
/** complete-multipart-upload's keys as the AWS CLI printed them for moto (header VersionId first). */
const COMPLETE_KEYS = Object.keys(JSON.parse(readGolden('complete_mpu_json').stdout) as object);

/**
 * complete-multipart-upload with `partList` (how the parts are named), then what S3 made of the
 * three parts: the AWS CLI's output keys, the multipart ETag, and the parts' bytes in order.
 */
async function expectCompletedObject(key: string, uploadId: string, partList: readonly string[]): Promise<void> {
  const completed = await s3apiJson('complete-multipart-upload', '--bucket', bucket, '--key', key, '--upload-id', uploadId, ...partList);
  expect(Object.keys(completed)).toEqual(COMPLETE_KEYS);
  expect(completed).toMatchObject({ Bucket: bucket, Key: key, ETag: multipartEtag(EXPECTED_PARTS) });
  expect((await objectBytes(key)).equals(Buffer.concat(EXPECTED_PARTS))).toBe(true);
}

describe('a multipart upload from create to complete', () => {
  // Moto only: moto's CompleteMultipartUpload answer (VersionId) and NoSuchUpload text; Swift's differ.
  it.skipIf(!ON_MOTO)('completes with a part list built from list-parts, read one part per page and resumed from a NextToken', async () => {
    const key = 'assembled/listed.bin';
    const { uploadId, etags } = await uploadThreeParts(key);
    expect(etags).toEqual(EXPECTED_PARTS.map((part) => `"${md5(part).toString('hex')}"`));

    const listing = ['list-parts', '--bucket', bucket, '--key', key, '--upload-id', uploadId, '--page-size', '1'];
    const firstTwo = await s3apiJson(...listing, '--max-items', '2');
    const nextToken = firstTwo.NextToken as string;
    expect(nextToken).toEqual(expect.any(String));
    const rest = await s3apiJson(...listing, '--starting-token', nextToken);
    expect(rest.NextToken).toBeUndefined();
    const parts = [...(firstTwo.Parts as Record<string, unknown>[]), ...(rest.Parts as Record<string, unknown>[])];
    expect(parts.map((part) => part.PartNumber)).toEqual([1, 2, 3]);
    expect(parts.map((part) => part.Size)).toEqual(EXPECTED_PARTS.map((part) => part.length));

    const multipartUpload = { Parts: parts.map((part) => ({ ETag: part.ETag, PartNumber: part.PartNumber })) };
    writeFileSync(join(workdir, 'parts.json'), JSON.stringify(multipartUpload));
    await expectCompletedObject(key, uploadId, ['--multipart-upload', 'file://parts.json']);
  });

  // Moto only: moto's CompleteMultipartUpload answer (VersionId) and NoSuchUpload text; Swift's differ.
  it.skipIf(!ON_MOTO)('completes a second upload with --parts-from-server, no JSON written', async () => {
    const key = 'assembled/from-server.bin';
    const { uploadId } = await uploadThreeParts(key);
    await expectCompletedObject(key, uploadId, ['--parts-from-server']);
  });
});

describe('a multipart upload that is aborted', () => {
  /** A 2.9 error printed as `\n<message>\n`, in the layout of the target version. */
  const asTargetError = (name: string) => `\ns3api: [ERROR]: ${readGolden(name).stderr.slice(1)}`;

  // Moto only: moto's CompleteMultipartUpload answer (VersionId) and NoSuchUpload text; Swift's differ.
  it.skipIf(!ON_MOTO)('disappears from list-multipart-uploads, and its upload ID is then unknown to S3', async () => {
    const key = 'abort/me';
    const { UploadId: uploadId } = await s3apiJson('create-multipart-upload', '--bucket', bucket, '--key', key);
    const target = ['--bucket', bucket, '--key', key, '--upload-id', uploadId as string];
    const listedIds = async () => {
      const listing = await s3apiJson('list-multipart-uploads', '--bucket', bucket);
      return ((listing.Uploads ?? []) as Record<string, unknown>[]).map((upload) => upload.UploadId);
    };
    expect(await listedIds()).toContain(uploadId);

    // abort-multipart-upload answers with an empty result: nothing printed (abort_empty_json).
    expect(await s3api('abort-multipart-upload', ...target)).toBe(readGolden('abort_empty_json').stdout);
    expect(await listedIds()).not.toContain(uploadId);

    for (const [command, golden] of [
      ['abort-multipart-upload', 'err_service_nosuchupload_abort'],
      ['list-parts', 'err_service_nosuchupload'],
    ]) {
      const again = await runInProcess(['--endpoint-url', endpoint, command, ...target]);
      expect(again.stderr).toBe(asTargetError(golden));
      expect(again.exitCode).toBe(readGolden(golden).exitCode);
      expect(again.stdout).toBe('');
    }
  });
});
