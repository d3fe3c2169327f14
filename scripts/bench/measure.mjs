/**
 * Runs commands and measures their wall time and peak resident set size, and compares tools
 * over repeated runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const VM_HWM_POLL_MS = 5;
const GNU_TIME_SOURCE = 'GNU time -v';
const POLLING_SOURCE = `VmHWM polled every ${VM_HWM_POLL_MS} ms`;

/**
 * GNU time takes the peak RSS from wait4(), so it is exact; BSD time has no -v, hence the probe.
 * Without it, VmHWM is polled, which can miss growth in the last few milliseconds of a process.
 */
export const PEAK_RSS_SOURCE =
  spawnSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0
    ? GNU_TIME_SOURCE
    : existsSync('/proc/self/status')
      ? POLLING_SOURCE
      : 'unavailable';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function readVmHwmKiB(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    // The process has exited: the caller keeps the last value seen.
    return undefined;
  }
}

/**
 * Runs `command args` once. stdout goes to /dev/null unless captured; the GNU time report goes to
 * a file in `workdir` so it never mixes with the command's own stderr.
 * Returns { wallMs, peakRssKiB and cpuMs (user + system; both undefined without GNU time), stdout }.
 */
export async function runMeasured(command, args, { env, workdir, captureStdout = false }) {
  const timeReportPath = join(workdir, 'time-report.txt');
  const useGnuTime = PEAK_RSS_SOURCE === GNU_TIME_SOURCE;
  const [executable, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', timeReportPath, command, ...args]] : [command, args];

  const started = process.hrtime.bigint();
  const child = spawn(executable, argv, { env, cwd: workdir, stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'] });
  let polledPeakKiB;
  const poller =
    PEAK_RSS_SOURCE === POLLING_SOURCE
      ? setInterval(() => (polledPeakKiB = readVmHwmKiB(child.pid) ?? polledPeakKiB), VM_HWM_POLL_MS)
      : undefined;
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const exitCode = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(poller);

  if (exitCode !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited with ${exitCode}:\n${stderr.trim()}`);
  }
  let peakRssKiB = polledPeakKiB;
  let cpuMs;
  if (useGnuTime) {
    const report = await readFile(timeReportPath, 'utf8');
    peakRssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)[1]);
    const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(report)[1]);
    cpuMs = (seconds('User') + seconds('System')) * 1000;
  }
  return { wallMs, peakRssKiB, cpuMs, stdout };
}

/**
 * Times `runOnce(tool)` `runs` times per tool. Runs interleave and the first tool rotates, so a
 * burst of background load or a warming cache hits every tool alike. `warmUp` untimed runs per
 * tool first fill the page cache and the interpreters' compile caches.
 * Returns one row per tool: { tool, runs, wallMs: {median, min, max, samples}, cpuMs: {median, samples},
 * peakRssMiB (median), maxPeakRssMiB }.
 */
export async function compareTools({ tools, runs, warmUp, runOnce }) {
  for (let round = 0; round < warmUp; round++) {
    for (const tool of tools) await runOnce(tool);
  }
  const results = new Map(tools.map((tool) => [tool, []]));
  for (let run = 0; run < runs; run++) {
    const order = tools.map((_, index) => tools[(index + run) % tools.length]);
    for (const tool of order) results.get(tool).push(await runOnce(tool));
  }
  return tools.map((tool) => {
    const measurements = results.get(tool);
    const walls = measurements.map((measurement) => measurement.wallMs);
    const peaks = measurements.map((measurement) => measurement.peakRssKiB).filter((peak) => peak !== undefined);
    const cpu = measurements.map((measurement) => measurement.cpuMs).filter((value) => value !== undefined);
    return {
      tool: tool.name,
      runs,
      wallMs: { median: median(walls), min: Math.min(...walls), max: Math.max(...walls), samples: walls },
      cpuMs: cpu.length > 0 ? { median: median(cpu), samples: cpu } : undefined,
      peakRssMiB: peaks.length > 0 ? median(peaks) / 1024 : undefined,
      maxPeakRssMiB: peaks.length > 0 ? Math.max(...peaks) / 1024 : undefined,
    };
  });
}
