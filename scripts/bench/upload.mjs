/** upload-part against a fresh moto_server, with each tool's default checksum behaviour. */
import { randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import { localS3Client } from '../local-client.mjs';
import { startMoto } from '../moto.mjs';
import { compareTools } from './measure.mjs';
import { runTool } from './tools.mjs';

// The SDK client here only sets up moto; its Node 20 end-of-support notice would clutter the report.
// (The tools run in benchEnvironment, which drops every AWS_* variable, this one included.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BUCKET = 'bench-bucket';
const KEY = 'bench/part.bin';
const MIB = 1024 * 1024;
const MARKER_SPACING_BYTES = 64 * MIB;

/** Random bytes: a small body read from disk like any other file. */
export async function createSmallFile(path, byteCount) {
  await writeFile(path, randomBytes(byteCount));
}

/**
 * A sparse file costs no disk writes or space, so even a 1 GiB body is ready in milliseconds. Its
 * holes read back as zeros from memory; the random 4 KiB blocks every 64 MiB keep the body from
 * being all zeros, so no side can take a shortcut on trivial content.
 */
export async function createSparseFile(path, byteCount) {
  const file = await open(path, 'w');
  try {
    await file.truncate(byteCount);
    const marker = randomBytes(4096);
    for (let offset = 0; offset < byteCount; offset += MARKER_SPACING_BYTES) {
      await file.write(marker, 0, Math.min(marker.length, byteCount - offset), offset);
    }
  } finally {
    await file.close();
  }
}

/**
 * Starts a moto_server of its own, so no state or memory from another section (moto keeps parts
 * in memory) affects these figures, and times `upload-part --body bodyPath` for each tool.
 * Every measured call gets a new, empty multipart upload, aborted afterwards to free moto's memory.
 * Returns compareTools' rows plus the checksum members of each tool's last response.
 */
export async function benchUploadPart({ tools, runs, warmUp, env, workdir, bodyPath }) {
  const moto = await startMoto();
  try {
    const client = localS3Client(moto.endpoint);
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));

    const responseChecksums = new Map();
    const uploadOnce = async (tool) => {
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: KEY }));
      try {
        const parameters = ['--bucket', BUCKET, '--key', KEY, '--upload-id', UploadId, '--part-number', '1', '--body', bodyPath];
        const measurement = await runTool(tool, tool.operationArgs(moto.endpoint, 'upload-part', parameters), {
          env,
          workdir,
          captureStdout: true,
        });
        const response = JSON.parse(measurement.stdout);
        if (!response.ETag) throw new Error(`${tool.name} upload-part printed no ETag: ${measurement.stdout}`);
        responseChecksums.set(tool.name, Object.keys(response).filter((member) => member.startsWith('Checksum')));
        return measurement;
      } finally {
        await client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: KEY, UploadId }));
      }
    };

    const rows = await compareTools({ tools, runs, warmUp, runOnce: uploadOnce });
    client.destroy();
    return rows.map((row) => ({ ...row, responseChecksums: responseChecksums.get(row.tool) }));
  } finally {
    moto.stop();
  }
}
