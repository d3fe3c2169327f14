/**
 * s3api's upload-part additions against a real S3 server, as users run them: a big file
 * uploaded by parallel processes that each send one --split-size part, completed with
 * --parts-from-server; a part piped in as --body -; /proc files; Ctrl-C while stdin is spooled.
 */
import { GetObjectCommand, ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnCli, startCli } from '../support/cli.js';
import { createUniqueBucket, createUpload, testClient } from '../support/s3-fixture.js';

const MIB = 1024 * 1024;

let client: S3Client;
let endpoint: string;
let bucket: string;
let workdir: string;

beforeAll(async () => {
  endpoint = inject('s3Endpoint');
  client = testClient(endpoint);
  bucket = await createUniqueBucket(client, 'slices');
  workdir = mkdtempSync(join(tmpdir(), 's3api-slices-'));
});

async function objectBytes(key: string): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

function partArgs(key: string, uploadId: string, partNumber: number): string[] {
  return ['--endpoint-url', endpoint, 'upload-part', '--bucket', bucket, '--key', key, '--upload-id', uploadId, '--part-number', String(partNumber)];
}

function complete(key: string, uploadId: string) {
  return spawnCli(['--endpoint-url', endpoint, 'complete-multipart-upload', '--bucket', bucket, '--key', key, '--upload-id', uploadId, '--parts-from-server', '--query', 'Key', '--output', 'text']);
}

describe('a big file uploaded by parallel processes, one --split-size part each', () => {
  it('completes to an object whose bytes are the file', async () => {
    // Four parts: three of 5 MiB (S3's smallest part but the last) and a shorter last one.
    const content = randomBytes(15 * MIB + 12_345);
    const file = join(workdir, 'big.bin');
    writeFileSync(file, content);
    const key = 'parallel/big.bin';
    const uploadId = await createUpload(client, bucket, key);

    const runs = [1, 2, 3, 4].map((partNumber) =>
      startCli([...partArgs(key, uploadId, partNumber), '--body', file, '--split-size', '5MiB', '--query', 'ETag', '--output', 'text']),
    );
    const results = await Promise.all(runs.map((run) => run.result));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^"[0-9a-f]{32}"\n$/);
    }
    const listed = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(listed.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 5 * MIB],
      [2, 5 * MIB],
      [3, 5 * MIB],
      [4, 12_345],
    ]);

    const completed = complete(key, uploadId);
    expect(completed.stderr).toBe('');
    expect(completed.stdout).toBe(`${key}\n`);
    expect((await objectBytes(key)).equals(content)).toBe(true);
  });

  it('refuses a part number past the end of the file (exit 252, nothing sent)', async () => {
    const key = 'parallel/past-end.bin';
    const uploadId = await createUpload(client, bucket, key);
    writeFileSync(join(workdir, 'small.bin'), randomBytes(100));
    const result = spawnCli([...partArgs(key, uploadId, 2), '--body', join(workdir, 'small.bin'), '--split-size', '100']);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('--part-number 2 lies past the end of --body');
    const listed = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(listed.Parts ?? []).toEqual([]);
  });

  it('--byte-range sends exactly that slice', async () => {
    const content = randomBytes(4096);
    writeFileSync(join(workdir, 'ranged.bin'), content);
    const key = 'parallel/ranged.bin';
    const uploadId = await createUpload(client, bucket, key);
    const result = spawnCli([...partArgs(key, uploadId, 1), '--body', join(workdir, 'ranged.bin'), '--byte-range', 'bytes=1000-2999']);
    expect(result.exitCode).toBe(0);
    expect(complete(key, uploadId).exitCode).toBe(0);
    expect((await objectBytes(key)).equals(content.subarray(1000, 3000))).toBe(true);
  });
});

describe('--body - and bodies of unknown size', () => {
  it('a part piped in on stdin arrives whole, and no temporary file is left', async () => {
    const content = randomBytes(3 * MIB + 7);
    const key = 'stdin/part.bin';
    const uploadId = await createUpload(client, bucket, key);
    const scratch = join(workdir, 'tmp-stdin');
    mkdirSync(scratch);
    const run = startCli([...partArgs(key, uploadId, 1), '--body', '-'], { env: { TMPDIR: scratch } });
    run.child.stdin!.end(content);
    const result = await run.result;
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
    expect(complete(key, uploadId).exitCode).toBe(0);
    expect((await objectBytes(key)).equals(content)).toBe(true);
  });

  it('/proc/self/status is uploaded with its content, not as an empty part', async () => {
    const key = 'stdin/proc.txt';
    const uploadId = await createUpload(client, bucket, key);
    const result = spawnCli([...partArgs(key, uploadId, 1), '--body', '/proc/self/status']);
    expect(result.exitCode).toBe(0);
    expect(complete(key, uploadId).exitCode).toBe(0);
    expect((await objectBytes(key)).toString()).toMatch(/^Name:\tnode\n/);
  });

  it('Ctrl-C while stdin is being spooled: exit 130, the temporary file removed, nothing sent', async () => {
    const key = 'stdin/interrupted.bin';
    const uploadId = await createUpload(client, bucket, key);
    const scratch = join(workdir, 'tmp-sigint');
    mkdirSync(scratch);
    const run = startCli([...partArgs(key, uploadId, 1), '--body', '-'], { env: { TMPDIR: scratch } });
    // The process is interrupted with part of this still unread: the pipe then breaks.
    run.child.stdin!.on('error', () => undefined);
    run.child.stdin!.write(randomBytes(MIB));
    // The spool exists once stdin is being read.
    await expect.poll(() => readdirSync(scratch).length, { timeout: 10_000 }).toBe(1);
    run.child.kill('SIGINT');
    const result = await run.result;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toBe('\n');
    expect(readdirSync(scratch)).toEqual([]);
    const listed = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(listed.Parts ?? []).toEqual([]);
  });
});
