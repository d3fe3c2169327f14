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

export function uniqueBucketName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function createBucket(client: S3Client, name: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: name }));
}

export async function putObject(client: S3Client, bucket: string, key: string, body: Buffer | string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

export async function createUpload(client: S3Client, bucket: string, key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...extra }));
  return result.UploadId!;
}
