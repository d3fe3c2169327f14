/**
 * The progress line: when it is wanted, what it says, and that it is drawn only after about a
 * second and erased at the end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine, formatBytes, formatDuration, formatProgressLine, progressWanted } from '../../../src/output/progress.js';

const TTY = { write: () => true, isTTY: true };

describe('progressWanted', () => {
  it.each([
    [{ stderr: TTY, env: {}, debug: false, profileSetting: undefined }, true],
    [{ stderr: TTY, env: { S3API_NO_PROGRESS: '0' }, debug: false, profileSetting: 'true' }, true],
    [{ stderr: { write: () => true }, env: {}, debug: false, profileSetting: undefined }, false],
    [{ stderr: { write: () => true, isTTY: false }, env: {}, debug: false, profileSetting: undefined }, false],
    [{ stderr: TTY, env: { CI: 'true' }, debug: false, profileSetting: undefined }, false],
    [{ stderr: TTY, env: { CI: '1' }, debug: false, profileSetting: undefined }, false],
    [{ stderr: TTY, env: {}, debug: true, profileSetting: undefined }, false],
    [{ stderr: TTY, env: { S3API_NO_PROGRESS: '1' }, debug: false, profileSetting: undefined }, false],
    [{ stderr: TTY, env: {}, debug: false, profileSetting: 'false' }, false],
    [{ stderr: TTY, env: {}, debug: false, profileSetting: ' False ' }, false],
  ])('%j -> %s', (settings, wanted) => {
    expect(progressWanted(settings)).toBe(wanted);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [64 * 1024 ** 2, '64.0 MiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, '0:00'],
    [0.2, '0:01'],
    [59, '0:59'],
    [61, '1:01'],
    [3725, '1:02:05'],
  ])('formatDuration(%d) = %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [{ phase: 'Uploading', done: 16 * 1024 ** 2, total: 64 * 1024 ** 2, elapsedMs: 4000 }, 120, 'Uploading  16.0 MiB / 64.0 MiB  25%  4.0 MiB/s  0:12 left'],
    [{ phase: 'CRC64NVME checksum', done: 0, total: 10, elapsedMs: 0 }, 120, 'CRC64NVME checksum  0 B / 10 B  0%  0 B/s'],
    [{ phase: 'Uploading', done: 10, total: 10, elapsedMs: 1000 }, 120, 'Uploading  10 B / 10 B  100%  10 B/s  waiting for S3'],
    [{ phase: 'Reading standard input', done: 3 * 1024 ** 2, elapsedMs: 1000 }, 120, 'Reading standard input  3.0 MiB  3.0 MiB/s'],
    [{ phase: 'Uploading', done: 16 * 1024 ** 2, total: 64 * 1024 ** 2, elapsedMs: 4000 }, 21, 'Uploading  16.0 MiB '],
  ])('%j in %d columns', (state, columns, line) => {
    expect(formatProgressLine(state, columns)).toBe(line);
  });
});

describe('ProgressLine', () => {
  // Fake timers also drive Date.now, the line's clock.
  let written: string[];
  const stderr = { write: (chunk: string) => written.push(chunk), isTTY: true, columns: 80 };

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    written = [];
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => vi.advanceTimersByTime(ms);

  it('draws nothing for a part done within a second, and erases nothing', () => {
    const line = new ProgressLine(stderr);
    line.update('Uploading', 0, 100);
    advance(900);
    line.update('Uploading', 100, 100);
    line.clear();
    advance(2000);
    expect(written).toEqual([]);
  });

  it('redraws in place after a second and erases the line at the end', () => {
    const line = new ProgressLine(stderr);
    line.update('Uploading', 0, 100);
    advance(1000);
    line.update('Uploading', 50, 100);
    advance(250);
    line.clear();
    advance(1000);
    expect(written).toEqual([
      '\r\x1b[2KUploading  0 B / 100 B  0%  0 B/s',
      '\r\x1b[2KUploading  50 B / 100 B  50%  40 B/s  0:02 left',
      '\r\x1b[2K',
    ]);
  });

  it('restarts the rate when a retried attempt starts again from 0', () => {
    const line = new ProgressLine(stderr);
    line.update('Uploading', 90, 100);
    advance(1000);
    line.update('Uploading', 10, 100);
    advance(250);
    expect(written.at(-1)).toBe('\r\x1b[2KUploading  10 B / 100 B  10%  40 B/s  0:03 left');
    line.clear();
  });
});
