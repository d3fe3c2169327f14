/**
 * The parallel recipe of the README: one big file sent as parts of `--split-size`, one s3api
 * process per part, at most N at a time (`xargs -P N`), against the same file sent as a single
 * upload-part. Wall time from the first process started to the last one ended; each run gets a
 * new upload, aborted afterwards (moto keeps parts in memory, and a 1 GiB completion would time
 * moto's concatenation, not the upload).
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import { localS3Client } from '../local-client.mjs';
import { startMoto } from '../moto.mjs';
import { median } from './measure.mjs';
import { formatTable } from './table.mjs';
import { s3apiTool } from './tools.mjs';
import { createSparseFile } from './upload.mjs';

const run = promisify(execFile);
const BUCKET = 'bench-parallel';
const KEY = 'bench/parallel.bin';
const MIB = 1024 * 1024;
const PART_MIB = 128;
const PROCESS_COUNTS = [1, 2, 4];

/** Runs `jobs` (functions returning promises) with at most `limit` running at once. */
async function runPooled(jobs, limit) {
  const queue = [...jobs];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) await queue.shift()();
  });
  await Promise.all(workers);
}

/**
 * Times the single-part upload and the split upload with each process count in `processCounts`.
 * `tool` is bench's s3apiTool(); `bodyPath` a file of `fileMiB` MiB. Returns one row per case.
 */
async function benchParallel({ tool, env, workdir, bodyPath, fileMiB, partMiB, processCounts, runs }) {
  const moto = await startMoto();
  try {
    const client = localS3Client(moto.endpoint);
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const partCount = Math.ceil(fileMiB / partMiB);

    const timeOnce = async (processes) => {
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: KEY }));
      const uploadPart = (partNumber, slice) => () =>
        run(
          tool.command,
          [...tool.commandArgs, ...tool.operationArgs(moto.endpoint, 'upload-part', [
            '--bucket', BUCKET, '--key', KEY, '--upload-id', UploadId,
            '--part-number', String(partNumber), '--body', bodyPath, ...slice,
          ])],
          { env, cwd: workdir, maxBuffer: MIB },
        );
      const jobs =
        processes === undefined
          ? [uploadPart(1, [])]
          : Array.from({ length: partCount }, (_, index) => uploadPart(index + 1, ['--split-size', `${partMiB}MiB`]));
      const started = process.hrtime.bigint();
      try {
        await runPooled(jobs, processes ?? 1);
        return Number(process.hrtime.bigint() - started) / 1e6;
      } finally {
        await client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: KEY, UploadId }));
      }
    };

    const cases = [
      { case: `1 part of ${fileMiB} MiB`, processes: undefined },
      ...processCounts.map((processes) => ({ case: `${partCount} parts of ${partMiB} MiB`, processes })),
    ];
    const rows = [];
    for (const { case: name, processes } of cases) {
      const samples = [];
      for (let round = 0; round < runs; round++) samples.push(await timeOnce(processes));
      rows.push({
        case: name,
        processes: processes ?? 1,
        wallMs: { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples },
      });
    }
    return rows;
  } finally {
    moto.stop();
  }
}

function formatParallelRows(rows, fileBytes) {
  const single = rows[0].wallMs.median;
  const columns = [
    { title: 'case', align: 'left' },
    { title: 'processes', align: 'right' },
    { title: 'median ms', align: 'right' },
    { title: 'min', align: 'right' },
    { title: 'max', align: 'right' },
    { title: 'MB/s', align: 'right' },
    { title: 'vs 1 part', align: 'right' },
  ];
  const lines = rows.map((row) => [
    row.case,
    String(row.processes),
    row.wallMs.median.toFixed(0),
    row.wallMs.min.toFixed(0),
    row.wallMs.max.toFixed(0),
    (fileBytes / 1e6 / (row.wallMs.median / 1e3)).toFixed(0),
    `${(single / row.wallMs.median).toFixed(2)}x`,
  ]);
  return formatTable(columns, lines);
}

/** bench.mjs's `parallel` section: a sparse file of `fileMiB`, printed and returned for --json. */
export async function runParallelSection({ fileMiB, runs, env, workdir }) {
  const bodyPath = join(workdir, 'parallel.bin');
  await createSparseFile(bodyPath, fileMiB * MIB);
  try {
    const rows = await benchParallel({
      tool: s3apiTool(), env, workdir, bodyPath, fileMiB, partMiB: PART_MIB, processCounts: PROCESS_COUNTS, runs,
    });
    console.log(
      `\nParallel parts: ${fileMiB} MiB sparse file, upload-part --split-size ${PART_MIB}MiB, one s3api process per part, ` +
        `at most N at a time (xargs -P N), against moto_server; ${runs} runs per case, no warm-up`,
    );
    console.log(formatParallelRows(rows, fileMiB * MIB));
    console.log(`  ${cpus().length} CPUs: moto_server and the s3api processes share them.`);
    return { partMiB: PART_MIB, rows };
  } finally {
    rmSync(bodyPath, { force: true });
  }
}
