// An SDK client for a local S3 server (moto), set up as the demo and the benchmarks need it.
import { S3Client } from '@aws-sdk/client-s3';

/** Path-style, us-east-1, and a fixed key pair: moto takes any. */
export function localS3Client(endpoint, accessKey = 'test') {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: accessKey, secretAccessKey: accessKey },
  });
}
