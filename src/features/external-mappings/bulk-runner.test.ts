import { describe, expect, it } from 'vitest';
import {
  RateLimitedError,
  ServerError,
  NetworkError,
  ValidationError,
  type ExternalMapping,
} from '../../api';
import { runBulkCreate, STOPPED_MESSAGE, type BulkJob } from './bulk-runner';

/** A virtual clock: `sleep` advances time instead of waiting. */
function virtualTime() {
  let t = 0;
  return {
    now: () => t,
    sleep: (ms: number) => {
      t += ms;
      return Promise.resolve();
    },
  };
}

const jobs = (n: number): BulkJob<string>[] =>
  Array.from({ length: n }, (_, i) => ({ row: i + 1, item: `item-${i + 1}` }));

const mapping = (id: string): ExternalMapping => ({
  id,
  m3terEntity: 'Account',
  m3terId: '00000000-0000-0000-0000-000000000001',
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: id,
});

const http = { path: '/externalmappings', method: 'POST' as const };

describe('runBulkCreate', () => {
  it('creates every row and never has more than the limit in flight or starts faster than the pace', async () => {
    const clock = virtualTime();
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];
    const send = async (item: string) => {
      starts.push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await clock.sleep(120);
      inFlight--;
      return mapping(item);
    };
    const result = await runBulkCreate(jobs(12), send, {
      concurrency: 3,
      minIntervalMs: 50,
      ...clock,
    });
    expect(result.stopped).toBe(false);
    expect([...result.outcomes.values()].every((o) => o.status === 'created')).toBe(true);
    expect(result.outcomes.size).toBe(12);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(50);
    }
  });

  it('sends a row again after a 429 and pauses before the next start', async () => {
    const clock = virtualTime();
    const calls: Array<{ item: string; at: number }> = [];
    let limited = false;
    const send = (item: string) => {
      calls.push({ item, at: clock.now() });
      if (item === 'item-2' && !limited) {
        limited = true;
        return Promise.reject(new RateLimitedError({ ...http, status: 429, message: 'slow down' }));
      }
      return Promise.resolve(mapping(item));
    };
    const result = await runBulkCreate(jobs(3), send, {
      concurrency: 1,
      minIntervalMs: 0,
      backoffMs: () => 1_000,
      ...clock,
    });
    expect(result.outcomes.get(2)).toMatchObject({ status: 'created' });
    expect(calls.map((c) => c.item)).toEqual(['item-1', 'item-2', 'item-2', 'item-3']);
    expect(calls[2]?.at).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up on a row after the retry limit and says so', async () => {
    const clock = virtualTime();
    const send = () =>
      Promise.reject(new RateLimitedError({ ...http, status: 429, message: 'slow down' }));
    const result = await runBulkCreate(jobs(1), send, {
      maxRateLimitRetries: 2,
      backoffMs: () => 10,
      ...clock,
    });
    expect(result.outcomes.get(1)).toEqual({
      status: 'failed',
      message: expect.stringMatching(/Rate limited by m3ter 3 times/) as string,
    });
  });

  it('reports any other failure for its row without retrying it, and carries on', async () => {
    const clock = virtualTime();
    const sent: string[] = [];
    const send = (item: string) => {
      sent.push(item);
      if (item === 'item-2')
        return Promise.reject(new ServerError({ ...http, status: 500, message: 'boom' }));
      if (item === 'item-3')
        return Promise.reject(
          new ValidationError({ ...http, status: 400, message: 'externalId: bad' }),
        );
      if (item === 'item-4')
        return Promise.reject(new NetworkError({ ...http, message: 'offline' }));
      return Promise.resolve(mapping(item));
    };
    const result = await runBulkCreate(jobs(5), send, { concurrency: 2, ...clock });
    expect(sent.filter((s) => s === 'item-2')).toHaveLength(1);
    expect(result.outcomes.get(1)?.status).toBe('created');
    expect(result.outcomes.get(2)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/500/) as string,
    });
    expect(result.outcomes.get(3)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/externalId: bad/) as string,
    });
    expect(result.outcomes.get(4)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/may or may not have been created/) as string,
    });
    expect(result.outcomes.get(5)?.status).toBe('created');
  });

  it('stops starting rows on Stop, lets sent ones finish, and marks the rest not sent', async () => {
    const clock = virtualTime();
    const controller = new AbortController();
    const send = async (item: string) => {
      if (item === 'item-2') controller.abort();
      await clock.sleep(10);
      return mapping(item);
    };
    const result = await runBulkCreate(jobs(6), send, {
      concurrency: 1,
      signal: controller.signal,
      ...clock,
    });
    expect(result.stopped).toBe(true);
    expect(result.outcomes.get(1)?.status).toBe('created');
    expect(result.outcomes.get(2)?.status).toBe('created');
    for (const row of [3, 4, 5, 6]) {
      expect(result.outcomes.get(row)).toEqual({ status: 'not-sent', message: STOPPED_MESSAGE });
    }
  });
});
