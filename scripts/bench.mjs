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
import { DROPPED_SLOW_VARIABLES, benchEnvironment, findAwsCliV2, s3apiTool } from './bench/tools.mjs';
import { benchUploadPart, createSmallFile, createSparseFile } from './bench/upload.mjs';
import { benchDiscardUpload, curlTool, prepareDiscardServer } from './bench/wire.mjs';
import { runParallelSection } from './bench/parallel.mjs';

const SECTIONS = ['startup', 'checksums', 'upload', 'wire', 'parallel'];
/** Part sizes of --rss-sweep: peak RSS must stay flat from the smallest part to the largest. */
const RSS_SWEEP_BYTES = [1024, 1024 * 1024, 16 * 1024 * 1024, 63 * 1024 * 1024, 65 * 1024 * 1024, 256 * 1024 * 1024, 1024 * 1024 * 1024];
const FIVE_GIB = 5 * 1024 * 1024 * 1024;
const SMALL_UPLOAD_BYTES = 1024;
const MIB = 1024 * 1024;

const USAGE = `usage: node scripts/bench.mjs [options]
  --runs N            runs per tool for start-up and the 1 KiB upload-part (default 10)
  --size-mib N        checksum buffer size in MiB (default 128)
  --checksum-runs N   runs per checksum algorithm (default 3)
  --upload-mib N      size of the large upload-part in MiB (default 1024)
  --upload-runs N     runs per tool for the large upload-part (default 3)
  --wire-mib N        large part for the discard-server section, http and https (default 1024)
  --wire-runs N       runs per tool in the discard-server section (default 5)
  --rss-sweep         also s3api's peak RSS at part sizes from 1 KiB to 1 GiB (discard server)
  --with-5gib         add a 5 GiB sparse part to --rss-sweep
  --skip-aws          measure s3api only
  --only SECTION      startup, checksums, upload, wire or parallel; repeat or comma-separate for several
  --json PATH         also write every figure and sample as JSON`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      'size-mib': { type: 'string', default: '128' },
      'checksum-runs': { type: 'string', default: '3' },
      'upload-mib': { type: 'string', default: '1024' },
      'upload-runs': { type: 'string', default: '3' },
      'wire-mib': { type: 'string', default: '1024' },
      'wire-runs': { type: 'string', default: '5' },
      'rss-sweep': { type: 'boolean', default: false },
      'with-5gib': { type: 'boolean', default: false },
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
    wireMiB: positiveInteger('wire-mib'),
    wireRuns: positiveInteger('wire-runs'),
    rssSweep: values['rss-sweep'],
    with5GiB: values['with-5gib'],
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
    { title: 'CPU ms', align: 'right' },
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
      row.cpuMs === undefined ? 'n/a' : milliseconds(row.cpuMs.median),
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

const cpuColumn = { title: 'CPU ms', align: 'right', cell: (row) => (row.cpuMs === undefined ? 'n/a' : milliseconds(row.cpuMs.median)) };

async function benchWire({ options, tools, env, workdir, report }) {
  const server = prepareDiscardServer(workdir);
  if (server.unavailable) {
    console.log(`\nDiscard-server section skipped: ${server.unavailable}`);
    return;
  }
  const curl = curlTool();
  const smallBody = join(workdir, 'wire-small.bin');
  await createSmallFile(smallBody, SMALL_UPLOAD_BYTES);
  const largeBytes = options.wireMiB * MIB;
  const largeBody = join(workdir, 'wire-large.bin');
  await createSparseFile(largeBody, largeBytes);
  const mediumBytes = 64 * MIB;
  const mediumBody = join(workdir, 'wire-medium.bin');
  await createSparseFile(mediumBody, mediumBytes);
  const cases = [
    { name: 'upload-part 1 KiB http', protocol: 'http', bodyPath: smallBody, runs: options.runs, warmUp: 1, bytes: SMALL_UPLOAD_BYTES },
    { name: 'upload-part 64 MiB http', protocol: 'http', bodyPath: mediumBody, runs: options.wireRuns, warmUp: 1, bytes: mediumBytes },
    { name: `upload-part ${options.wireMiB} MiB http`, protocol: 'http', bodyPath: largeBody, runs: options.wireRuns, warmUp: 1, bytes: largeBytes },
    { name: `upload-part ${options.wireMiB} MiB https`, protocol: 'https', bodyPath: largeBody, runs: options.wireRuns, warmUp: 1, bytes: largeBytes },
  ];
  report.wire = {};
  console.log('\nupload-part against a server that discards the body (scripts/bench/discard-server.c), default checksum');
  for (const wireCase of cases) {
    const rows = (await benchDiscardUpload({ server, tools, curl, ...wireCase, env, workdir })).map((row) => ({ case: wireCase.name, ...row }));
    report.wire[wireCase.name] = withRatios(rows);
    console.log(formatToolRows(rows, { extraColumns: [throughputColumn(wireCase.bytes)] }));
  }
  console.log(
    '  s3api sends CRC64NVME over http in a header (computed first, on two threads above 64 MiB), over https in an\n' +
      '  aws-chunked trailer computed while the body is sent (as the newest AWS CLI does), the body UNSIGNED-PAYLOAD;\n' +
      '  aws 2.9.19 computes Content-MD5 and, over http, the SHA-256 it signs; curl sends the bytes and nothing else.',
  );

  if (options.rssSweep) {
    const sizes = options.with5GiB ? [...RSS_SWEEP_BYTES, FIVE_GIB] : RSS_SWEEP_BYTES;
    const s3api = tools.find((tool) => tool.name === 's3api');
    const sweepRows = [];
    for (const bytes of sizes) {
      const bodyPath = join(workdir, 'sweep.bin');
      await createSparseFile(bodyPath, bytes);
      const [row] = await benchDiscardUpload({ server, tools: [s3api], curl: undefined, protocol: 'http', bodyPath, runs: 3, warmUp: 0, env, workdir });
      rmSync(bodyPath);
      sweepRows.push({ case: `${bytes >= MIB ? `${bytes / MIB} MiB` : `${bytes / 1024} KiB`}`, ...row });
    }
    report.rssSweep = sweepRows;
    console.log('\nPeak RSS of s3api by part size (http, discard server, 3 runs each; the max column is the worst run)');
    console.log(
      formatTable(
        [{ title: 'part', align: 'left' }, { title: 'median ms', align: 'right' }, cpuColumn, { title: 'peak RSS MiB', align: 'right' }, { title: 'max peak RSS MiB', align: 'right' }],
        sweepRows.map((row) => [row.case, milliseconds(row.wallMs.median), cpuColumn.cell(row), mebibytes(row.peakRssMiB), mebibytes(row.maxPeakRssMiB)]),
      ),
    );
  }
  rmSync(largeBody);
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

  const dropped = DROPPED_SLOW_VARIABLES.filter((name) => process.env[name] !== undefined);
  console.log(
    'Tools run in a clean environment (PATH, HOME and test credentials only, as env -i gives)' +
      (dropped.length > 0 ? `; dropped from yours: ${dropped.join(', ')} (NODE_EXTRA_CA_CERTS adds ~70 ms to every Node start).` : '.'),
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
      console.log('  s3api reads its compiled code from a V8 code cache (~/.cache/s3api) that the warm-up run writes; "no code cache" starts each run without one.');
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

    if (options.sections.has('wire')) await benchWire({ options, tools, env, workdir, report });
    if (options.sections.has('parallel')) report.parallel = await runParallelSection({ fileMiB: options.uploadMiB, runs: options.uploadRuns, env, workdir });
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
