/**
 * The retry backoff, pinned with an injected random source instead of wall-clock bounds: the
 * AWS CLI waits `random() * min(2 ** retries, 20)` seconds before each retry, with a 1 s base
 * for every error kind (botocore's standard and adaptive retry modes), where the SDK's own
 * default base is 50 ms (500 ms after throttling).
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DebugLog } from '../../../src/output/debug-log.js';
import { CliBackoff } from '../../../src/s3/client.js';

function backoffWith(random: number, debug = false) {
  const lines: string[] = [];
  const log = new DebugLog({ write: (chunk: string) => lines.push(chunk) }, debug, {});
  return { backoff: new CliBackoff(log, () => random), lines };
}

describe('CliBackoff.computeNextBackoffDelay', () => {
  it.each<[random: number, retries: number, delayMs: number]>([
    [0, 0, 0],
    [0, 4, 0],
    [0.5, 0, 500],
    [0.5, 1, 1000],
    [0.5, 2, 2000],
    [0.5, 3, 4000],
    [0.5, 4, 8000],
    // 2 ** 5 s is capped at 20 s.
    [0.5, 5, 10_000],
    [0.5, 10, 10_000],
    [0.9999, 0, 999],
    [0.9999, 1, 1999],
    [0.9999, 4, 15_998],
    [0.9999, 5, 19_998],
    [0.25, 0, 250],
    [0.0015, 0, 1],
  ])('random() = %d, after %d retries: %d ms', (random, retries, delayMs) => {
    expect(backoffWith(random).backoff.computeNextBackoffDelay(retries)).toBe(delayMs);
  });

  it('logs the delay in seconds as botocore.retries.standard does', () => {
    const { backoff, lines } = backoffWith(0.25, true);
    backoff.computeNextBackoffDelay(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ - MainThread - botocore\.retries\.standard - DEBUG - Retry needed, retrying request after delay of: 0\.5\n$/);
  });
});

describe("the SDK's retry strategy waits the CLI's delay", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(['TRANSIENT', 'THROTTLING'] as const)('after a %s error: random() * 1 s, then * 2 s', async (errorType) => {
    vi.useFakeTimers();
    const { backoff } = backoffWith(0.75);
    const strategy = new StandardRetryStrategy({ maxAttempts: 5, backoff });
    const first = await strategy.acquireInitialRetryToken('s3');

    const retry = async (token: typeof first) => {
      let settled = false;
      const next = strategy.refreshRetryTokenForRetry(token, { errorType }).finally(() => (settled = true));
      // Not a millisecond before the delay has passed, and right after it.
      await vi.advanceTimersByTimeAsync(0);
      const expectedMs = 750 * 2 ** token.getRetryCount();
      await vi.advanceTimersByTimeAsync(expectedMs - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      return next;
    };

    const second = await retry(first);
    expect(second.getRetryCount()).toBe(1);
    const third = await retry(second);
    expect(third.getRetryCount()).toBe(2);
  });
});
