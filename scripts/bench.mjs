/**
 * npm run bench: s3api next to the AWS CLI v2 (when installed) on start-up, a 1 KiB upload-part,
 * checksum throughput and a large upload-part, each figure the median of several runs.
 *
 *   node scripts/bench.mjs [--runs 10] [--size-mib 128] [--checksum-runs 3] [--upload-mib 1024]
 *                          [--upload-runs 3] [--skip-aws] [--only startup|checksums|upload]... [--json out.json]
 *
 * Measures the compiled CLI, so build first (npm run bench does).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchChecksums, formatChecksumRows } from './bench/checksums.mjs';
import { PEAK_RSS_SOURCE } from './bench/measure.mjs';
import { benchStartup } from './bench/startup.mjs';
import { formatTable } from './bench/table.mjs';
import { benchEnvironment, findAwsCliV2, s3apiTool } from './bench/tools.mjs';
import { benchUploadPart, createSmallFile, createSparseFile } from './bench/upload.mjs';

const SECTIONS = ['startup', 'checksums', 'upload'];
const SMALL_UPLOAD_BYTES = 1024;
const MIB = 1024 * 1024;

const USAGE = `usage: node scripts/bench.mjs [options]
  --runs N            runs per tool for start-up and the 1 KiB upload-part (default 10)
  --size-mib N        checksum buffer size in MiB (default 128)
  --checksum-runs N   runs per checksum algorithm (default 3)
  --upload-mib N      size of the large upload-part in MiB (default 1024)
  --upload-runs N     runs per tool for the large upload-part (default 3)
  --skip-aws          measure s3api only
  --only SECTION      startup, checksums or upload; repeat or comma-separate for several
  --json PATH         also write every figure and sample as JSON`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      'size-mib': { type: 'string', default: '128' },
      'checksum-runs': { type: 'string', default: '3' },
      'upload-mib': { type: 'string', default: '1024' },
      'upload-runs': { type: 'string', default: '3' },
      'skip-aws': { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positiveInteger = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
    return value;
  };
  const sections = values.only ? values.only.flatMap((text) => text.split(',')) : SECTIONS;
  const unknown = sections.filter((section) => !SECTIONS.includes(section));
  if (unknown.length > 0) throw new Error(`unknown --only section: ${unknown.join(', ')}\n${USAGE}`);
  return {
    runs: positiveInteger('runs'),
    checksumSizeMiB: positiveInteger('size-mib'),
    checksumRuns: positiveInteger('checksum-runs'),
    uploadMiB: positiveInteger('upload-mib'),
    uploadRuns: positiveInteger('upload-runs'),
    skipAws: values['skip-aws'],
    sections: new Set(sections),
    jsonPath: values.json,
  };
}

/** aws/s3api per case, for wall time and peak RSS: above 1 means s3api is faster or smaller. */
function ratiosByCase(rows) {
  const ratios = new Map();
  for (const row of rows.filter((candidate) => candidate.tool === 'aws')) {
    const ours = rows.find((candidate) => candidate.tool === 's3api' && candidate.case === row.case);
    ratios.set(row.case, {
      wall: row.wallMs.median / ours.wallMs.median,
      peakRss: row.peakRssMiB !== undefined && ours.peakRssMiB !== undefined ? row.peakRssMiB / ours.peakRssMiB : undefined,
    });
  }
  return ratios;
}

const milliseconds = (value) => value.toFixed(0);
const mebibytes = (value) => (value === undefined ? 'n/a' : value.toFixed(0));
const ratio = (value) => (value === undefined ? '' : `${value.toFixed(1)}x`);

function formatToolRows(rows, { extraColumns = [] } = {}) {
  const ratios = ratiosByCase(rows);
  const ratioColumns = ratios.size > 0;
  const columns = [
    { title: 'case', align: 'left' },
    { title: 'tool', align: 'left' },
    { title: 'median ms', align: 'right' },
    { title: 'min', align: 'right' },
    { title: 'max', align: 'right' },
    { title: 'peak RSS MiB', align: 'right' },
    ...extraColumns.map(({ title, align }) => ({ title, align })),
    ...(ratioColumns ? [{ title: 'wall aws/s3api', align: 'right' }, { title: 'RSS aws/s3api', align: 'right' }] : []),
  ];
  const lines = rows.map((row) => {
    const rowRatios = row.tool === 'aws' ? ratios.get(row.case) : undefined;
    return [
      row.case,
      row.tool,
      milliseconds(row.wallMs.median),
      milliseconds(row.wallMs.min),
      milliseconds(row.wallMs.max),
      mebibytes(row.peakRssMiB),
      ...extraColumns.map(({ cell }) => cell(row)),
      ...(ratioColumns ? [ratio(rowRatios?.wall), ratio(rowRatios?.peakRss)] : []),
    ];
  });
  return formatTable(columns, lines);
}

const responseChecksumColumn = {
  title: 'response checksum',
  align: 'left',
  cell: (row) => (row.responseChecksums.length > 0 ? row.responseChecksums.join(',') : 'none'),
};

function throughputColumn(byteCount) {
  return { title: 'MB/s', align: 'right', cell: (row) => (byteCount / 1e6 / (row.wallMs.median / 1e3)).toFixed(0) };
}

function withRatios(rows) {
  return { rows, ratiosAwsOverS3api: Object.fromEntries(ratiosByCase(rows)) };
}

async function main() {
  const options = parseOptions();
  const s3api = s3apiTool();
  const aws = options.skipAws ? undefined : findAwsCliV2();
  const tools = aws ? [s3api, aws] : [s3api];
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadavg()[0] },
    tools: { s3api: s3api.version, aws: aws ? `${aws.version} (${aws.command})` : null },
    options: { ...options, sections: [...options.sections] },
    peakRssSource: PEAK_RSS_SOURCE,
  };

  console.log(`s3api: ${s3api.version}`);
  console.log(`aws:   ${aws ? `${aws.version} (${aws.command})` : options.skipAws ? 'skipped (--skip-aws)' : 'AWS CLI v2 not found; s3api figures only'}`);
  console.log(
    `${report.machine.cpus} CPUs, load average ${report.machine.loadAverageAtStart.toFixed(2)} at start. ` +
      'Figures are medians; runs alternate between tools so background load hits both; peak RSS from ' +
      `${PEAK_RSS_SOURCE}.`,
  );

  const workdir = mkdtempSync(join(tmpdir(), 's3api-bench-'));
  // Ctrl-C reaches the tools and moto_server too (same process group); only the files need removing.
  process.once('SIGINT', () => {
    rmSync(workdir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const home = join(workdir, 'home');
    mkdirSync(home);
    const env = benchEnvironment(home);

    if (options.sections.has('startup')) {
      const rows = await benchStartup({ tools, runs: options.runs, env, workdir });
      report.startup = withRatios(rows);
      console.log(`\nStart-up: wall time, ${options.runs} runs per tool after 1 warm-up, stdout to /dev/null`);
      console.log(formatToolRows(rows));
      console.log(`  commands: ${[...new Set(rows.map((row) => row.commandLine))].join(' | ')}`);
      console.log('  help differs: s3api prints its text as is; aws renders reStructuredText through docutils and groff (PAGER=cat).');
    }

    if (options.sections.has('upload')) {
      const smallBody = join(workdir, 'small.bin');
      await createSmallFile(smallBody, SMALL_UPLOAD_BYTES);
      const rows = (
        await benchUploadPart({ tools, runs: options.runs, warmUp: 1, env, workdir, bodyPath: smallBody })
      ).map((row) => ({ case: 'upload-part 1 KiB', ...row }));
      report.uploadSmall = withRatios(rows);
      console.log(`\nupload-part, 1 KiB body, against moto_server: ${options.runs} runs per tool after 1 warm-up`);
      console.log(formatToolRows(rows, { extraColumns: [responseChecksumColumn] }));
    }

    if (options.sections.has('checksums')) {
      const rows = await benchChecksums({ sizeMiB: options.checksumSizeMiB, runs: options.checksumRuns });
      report.checksums = { sizeMiB: options.checksumSizeMiB, runs: options.checksumRuns, rows };
      console.log(
        `\nChecksum throughput in this process, ${options.checksumSizeMiB} MiB in 1 MiB chunks, ` +
          `median of ${options.checksumRuns} runs (MB/s = 10^6 bytes/s; SDK = @aws-sdk/checksums, not the aws CLI)`,
      );
      console.log(formatChecksumRows(rows));
    }

    if (options.sections.has('upload')) {
      const largeBytes = options.uploadMiB * MIB;
      const largeBody = join(workdir, 'large.bin');
      await createSparseFile(largeBody, largeBytes);
      const caseName = `upload-part ${options.uploadMiB} MiB`;
      const rows = (
        await benchUploadPart({ tools, runs: options.uploadRuns, warmUp: 0, env, workdir, bodyPath: largeBody })
      ).map((row) => ({ case: caseName, ...row }));
      rmSync(largeBody);
      report.uploadLarge = withRatios(rows);
      console.log(
        `\nupload-part, ${options.uploadMiB} MiB sparse file, default checksum, against moto_server: ` +
          `${options.uploadRuns} runs per tool, no warm-up`,
      );
      console.log(formatToolRows(rows, { extraColumns: [throughputColumn(largeBytes), responseChecksumColumn] }));
      console.log(
        '  Default checksums differ: s3api hashes the body once (CRC64NVME) and sends it UNSIGNED-PAYLOAD; aws 2.9.19\n' +
          '  hashes it twice, for Content-MD5 and for the SHA-256 it signs on an http:// endpoint, and sends no CRC64NVME,\n' +
          '  so its response carries no checksum. Peak RSS is the CLI process alone: moto_server keeps parts in memory,\n' +
          '  which is the server\'s RSS, not ours. The file\'s holes read as zeros from memory: disk speed plays no part.',
      );
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }

  report.machine.loadAverageAtEnd = loadavg()[0];
  console.log(`\nload average ${report.machine.loadAverageAtEnd.toFixed(2)} at end`);
  if (options.jsonPath) {
    await writeFile(options.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`JSON written to ${options.jsonPath}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
}
