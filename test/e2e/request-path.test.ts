/**
 * No value a user types moves a request to another bucket or object: through a recording proxy
 * in front of a real S3 server, a bucket named `.` or `..` reaches the wire as the AWS CLI sends
 * it (`/../victim`, which S3 answers NoSuchBucket), an empty key is refused before anything is
 * sent, and dot segments in keys are sent as typed. Afterwards the victims are still there.
 */
import { HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createUniqueBucket, createUpload, putObject, testClient } from '../support/s3-fixture.js';

let proxy: RecordingProxy;
let client: S3Client;
/** An empty bucket: `DELETE /<it>?uploadId=x` is DeleteBucket on moto. */
let victimBucket: string;
/** A bucket holding `victimKey`: `/<bucket>/<key>` reached by mistake would be that object. */
let objectBucket: string;
const victimKey = 'victim-object';
let victimETag: string | undefined;
let uploadId: string;

beforeAll(async () => {
  const endpoint = inject('s3Endpoint');
  proxy = await startRecordingProxy(endpoint);
  client = testClient(endpoint);
  victimBucket = await createUniqueBucket(client, 'victim');
  objectBucket = await createUniqueBucket(client, 'victim-objects');
  await putObject(client, objectBucket, victimKey, 'precious\n');
  victimETag = (await client.send(new HeadObjectCommand({ Bucket: objectBucket, Key: victimKey }))).ETag;
  uploadId = await createUpload(client, objectBucket, victimKey);
});

afterAll(async () => {
  await proxy.close();
});

function s3api(argv: readonly string[]) {
  return runInProcess(['--endpoint-url', proxy.url, ...argv], { env: { ...TEST_CREDENTIALS } });
}

/** The path of each request as it reached the wire: raw, never parsed (a URL would resolve dots). */
function wirePaths(from: number): string[] {
  return proxy.requests.slice(from).map((request) => request.url.split('?')[0]);
}

async function expectVictimsIntact(): Promise<void> {
  await expect(client.send(new HeadBucketCommand({ Bucket: victimBucket }))).resolves.toBeDefined();
  const head = await client.send(new HeadObjectCommand({ Bucket: objectBucket, Key: victimKey }));
  expect(head.ETag).toBe(victimETag);
}

/** Each command with a Key, its other required flags after `--bucket B --key K`. */
const KEYED: readonly (readonly [string, () => readonly string[]])[] = [
  ['abort-multipart-upload', () => ['--upload-id', uploadId]],
  ['complete-multipart-upload', () => ['--upload-id', uploadId, '--multipart-upload', 'Parts=[{ETag=e,PartNumber=1}]']],
  ['create-multipart-upload', () => []],
  ['list-parts', () => ['--upload-id', uploadId]],
  ['upload-part', () => ['--upload-id', uploadId, '--part-number', '1']],
  ['upload-part-copy', () => ['--upload-id', uploadId, '--part-number', '1', '--copy-source', `${objectBucket}/${victimKey}`]],
];

const DOT_BUCKETS = ['.', '..'] as const;

describe('a bucket named . or .. stays in the path', () => {
  const cases = KEYED.flatMap(([command, rest]) =>
    DOT_BUCKETS.flatMap((bucket) => [
      [command, bucket, 'the victim bucket', rest, () => victimBucket] as const,
      [command, bucket, 'the victim object', rest, () => `${objectBucket}/${victimKey}`] as const,
    ]),
  );

  it.each(cases)('%s --bucket %s --key <%s>', async (command, bucket, _victim, rest, key) => {
    const from = proxy.requests.length;
    const result = await s3api([command, '--bucket', bucket, '--key', key(), ...rest()]);
    expect(result.stderr).toContain('(NoSuchBucket)');
    expect(result.exitCode).toBe(254);
    expect(new Set(wirePaths(from))).toEqual(new Set([`/${bucket}/${key()}`]));
    await expectVictimsIntact();
  });

  it.each(DOT_BUCKETS)('list-multipart-uploads --bucket %s', async (bucket) => {
    const from = proxy.requests.length;
    const result = await s3api(['list-multipart-uploads', '--bucket', bucket]);
    expect(result.stderr).toContain('(NoSuchBucket)');
    expect(result.exitCode).toBe(254);
    expect(new Set(wirePaths(from))).toEqual(new Set([`/${bucket}`]));
    await expectVictimsIntact();
  });

  it('keeps an endpoint path in front of the bucket, as botocore joins them', async () => {
    const from = proxy.requests.length;
    await s3api(['--endpoint-url', `${proxy.url}/prefix/sub`, 'abort-multipart-upload', '--bucket', '..', '--key', victimBucket, '--upload-id', uploadId]);
    expect(wirePaths(from)[0]).toBe(`/prefix/sub/../${victimBucket}`);
    await expectVictimsIntact();
  });
});

describe('an empty key never reaches the server', () => {
  it.each(KEYED)('%s --key=', async (command, rest) => {
    const from = proxy.requests.length;
    const result = await s3api([command, '--bucket', victimBucket, '--key=', ...rest()]);
    expect(result.stderr).toContain('Invalid length for parameter Key, value: 0, valid min length: 1');
    expect(result.exitCode).toBe(252);
    expect(proxy.requests.length).toBe(from);
    await expectVictimsIntact();
  });

  it('list-multipart-uploads --bucket= is an invalid bucket name, not ListBuckets', async () => {
    const from = proxy.requests.length;
    const result = await s3api(['list-multipart-uploads', '--bucket=']);
    expect(result.stderr).toContain('Invalid bucket name ""');
    expect(result.exitCode).toBe(252);
    expect(proxy.requests.length).toBe(from);
  });
});

describe('keys reach the wire exactly as the AWS CLI sends them', () => {
  // Recorded from aws-cli 2.36.7 --debug: `url=http://…/<bucket><path>?uploads`.
  it.each([
    ['../x', '/../x'],
    ['./x', '/./x'],
    ['a/../b', '/a/../b'],
    ['//', '///'],
    ['%2e%2e', '/%252e%252e'],
    ['..', '/..'],
    ['a b+c', '/a%20b%2Bc'],
  ])('create-multipart-upload --key %s', async (key, path) => {
    const from = proxy.requests.length;
    const result = await s3api(['create-multipart-upload', '--bucket', objectBucket, '--key', key]);
    expect(result.stderr).toBe('');
    expect(wirePaths(from)).toEqual([`/${objectBucket}${path}`]);
    await expectVictimsIntact();
  });
});
