import { describe, expect, it } from 'vitest';
import { createHttpError, NetworkError, RateLimitedError } from '../api/errors';
import { retryDelay, shouldRetryRead } from './query-client';

const at = { path: '/integrationruns', method: 'GET' as const };
const status = (code: number) =>
  createHttpError({ status: code, message: 'm', headers: new Headers(), ...at });

describe('read retries', () => {
  it('tries a failed read three more times on 5xx, 429 and network failures', () => {
    for (const error of [status(503), status(429), new NetworkError({ message: 'x', ...at })]) {
      expect([0, 1, 2, 3].map((failures) => shouldRetryRead(failures, error))).toEqual([
        true,
        true,
        true,
        false,
      ]);
    }
  });

  it('tries a timed-out read only once more, so the error comes after two timeouts', () => {
    const timedOut = new NetworkError({ message: 'timed out', timedOut: true, ...at });
    expect(shouldRetryRead(0, timedOut)).toBe(true);
    expect(shouldRetryRead(1, timedOut)).toBe(false);
  });

  it('never retries an answer that asking again will not change', () => {
    for (const code of [400, 403, 404, 409]) expect(shouldRetryRead(0, status(code))).toBe(false);
  });

  it('backs off exponentially with jitter, and waits as long as Retry-After says (up to 30 s)', () => {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const cap = Math.min(8_000, 500 * 2 ** attempt);
      const delay = retryDelay(attempt, status(503));
      expect(delay).toBeGreaterThanOrEqual(cap / 2);
      expect(delay).toBeLessThanOrEqual(cap);
    }
    const limited = (ms: number) =>
      new RateLimitedError({ status: 429, message: 'slow down', retryAfterMs: ms, ...at });
    expect(retryDelay(0, limited(12_000))).toBe(12_000);
    expect(retryDelay(0, limited(120_000))).toBe(30_000);
  });
});
