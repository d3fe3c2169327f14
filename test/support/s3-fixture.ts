/**
 * Setting up server state for end-to-end tests with the SDK directly (buckets, source objects,
 * uploads), so each test exercises only the s3api command under test.
 */
import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { TEST_CREDENTIALS } from './cli.js';

export function testClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: TEST_CREDENTIALS.AWS_DEFAULT_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
}

/** Creates a bucket named `<prefix>-<random hex>`, unique because test files share one server; its name. */
export async function createUniqueBucket(client: S3Client, prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

export async function putObject(
  client: S3Client,
  bucket: string,
  key: string,
  body: Buffer | string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
}

export async function createUpload(client: S3Client, bucket: string, key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...extra }));
  return result.UploadId!;
}
