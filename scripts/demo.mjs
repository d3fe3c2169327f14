// npm run demo: the whole multipart flow (create, upload, copy, list, complete, abort) against
// a local moto_server, with s3api alone
// (the bucket and the copy source are set up with the SDK first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMoto } from './moto.mjs';

// The SDK used here to set up the bucket would otherwise print its Node.js support notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
const { localS3Client } = await import('./local-client.mjs');

const MIB = 1024 * 1024;
const bin = resolve(import.meta.dirname, '../bin/s3api.js');
const workdir = mkdtempSync(join(tmpdir(), 's3api-demo-'));
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'demo',
  AWS_SECRET_ACCESS_KEY: 'demo',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(workdir, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(workdir, 'no-credentials'),
};

const moto = await startMoto();
try {
  const bucket = 'demo-bucket';
  const client = localS3Client(moto.endpoint, 'demo');
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'source.bin', Body: Buffer.alloc(6 * MIB, 's') }));
  writeFileSync(join(workdir, 'part1.bin'), Buffer.alloc(5 * MIB, 'a'));
  writeFileSync(join(workdir, 'part3.bin'), 'the last part may be small\n');

  const s3api = (...args) => {
    console.log(`$ s3api ${args.join(' ')}`);
    const output = execFileSync(process.execPath, [bin, '--endpoint-url', moto.endpoint, ...args], {
      cwd: workdir,
      env,
      encoding: 'utf8',
    });
    process.stdout.write(output);
    console.log();
    return output;
  };

  const created = JSON.parse(s3api('create-multipart-upload', '--bucket', bucket, '--key', 'demo/object.bin'));
  const uploadId = created.UploadId;
  const common = ['--bucket', bucket, '--key', 'demo/object.bin', '--upload-id', uploadId];
  s3api('upload-part', ...common, '--part-number', '1', '--body', 'part1.bin');
  s3api('upload-part-copy', ...common, '--part-number', '2', '--copy-source', `${bucket}/source.bin`, '--copy-source-range', `bytes=0-${5 * MIB - 1}`);
  s3api('upload-part', ...common, '--part-number', '3', '--body', 'part3.bin');
  const parts = s3api('list-parts', ...common, '--query', 'Parts[].{PartNumber: PartNumber, ETag: ETag}');
  writeFileSync(join(workdir, 'parts.json'), JSON.stringify({ Parts: JSON.parse(parts) }));
  s3api('complete-multipart-upload', ...common, '--multipart-upload', 'file://parts.json');
  const abandoned = JSON.parse(s3api('create-multipart-upload', '--bucket', bucket, '--key', 'demo/abandoned.bin'));
  s3api('list-multipart-uploads', '--bucket', bucket, '--query', 'Uploads[].Key');
  s3api('abort-multipart-upload', '--bucket', bucket, '--key', 'demo/abandoned.bin', '--upload-id', abandoned.UploadId);
  s3api('list-multipart-uploads', '--bucket', bucket);
} finally {
  moto.stop();
  rmSync(workdir, { recursive: true, force: true });
}
