/**
 * Sends the rows of a bulk create within m3ter's limit of 50 requests per second per organisation
 * (docs/m3ter-api.md §2.6), shared with everyone else using the org: at most `concurrency` requests in flight and
 * at most one new request every `minIntervalMs`.
 *
 * A 429 means the POST was not applied, so that row is sent again after a back-off, and every worker
 * pauses with it (the limit is per organisation, not per request). Any other failure is final for the
 * row and never retried: a retried POST after a timeout could create a second mapping.
 *
 * Stop takes effect between requests: no new request starts, requests already sent finish and are
 * reported as they ended, so the report says exactly what m3ter received.
 */
import { describeError, NetworkError, RateLimitedError, type ExternalMapping } from '../../api';
import type { BulkOutcome } from './bulk-rows';

export interface BulkJob<T> {
  /** The row number the outcome is reported under. */
  row: number;
  item: T;
}

/** Live state of one row while the run is going. */
export type BulkRowProgress =
  { status: 'sending' } | { status: 'waiting'; attempt: number; untilMs: number } | BulkOutcome;

interface BulkRunOptions {
  /** Requests in flight at once. Default 5. */
  concurrency?: number;
  /** Least time between two request starts. Default 50 ms (≤ 20 per second). */
  minIntervalMs?: number;
  /** How often one row is sent again after a 429 before it is reported as failed. Default 5. */
  maxRateLimitRetries?: number;
  /** Back-off after the n-th 429 of a row (1-based). Default: Retry-After if sent, else 1 s, 2 s, 4 s… ≤ 16 s, with jitter. */
  backoffMs?: (attempt: number, error: RateLimitedError) => number;
  /** Stops the run between requests (the Stop button). */
  signal?: AbortSignal;
  onProgress?: (row: number, progress: BulkRowProgress) => void;
  /** Clock and timer, replaceable in unit tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface BulkRunResult {
  outcomes: Map<number, BulkOutcome>;
  /** True when Stop ended the run before every row was sent. */
  stopped: boolean;
}

function defaultBackoffMs(attempt: number, error: RateLimitedError): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, 30_000);
  const cap = Math.min(16_000, 1_000 * 2 ** (attempt - 1));
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The reason a row failed, as the report shows it. */
function failureMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    // No response: m3ter may or may not have applied the POST.
    return `${describeError(error).title}: no answer from m3ter, so this mapping may or may not have been created. Look it up before sending it again.`;
  }
  const { title, detail } = describeError(error);
  return detail ? `${title}: ${detail}` : title;
}

export const STOPPED_MESSAGE = 'Not sent: the run was stopped before this row.';

/**
 * Sends every job with `send` and resolves when all have an outcome (or Stop ended the run: the rest
 * are `not-sent`). Never rejects for a row's failure.
 */
export async function runBulkCreate<T>(
  jobs: readonly BulkJob<T>[],
  send: (item: T, signal?: AbortSignal) => Promise<ExternalMapping>,
  options: BulkRunOptions = {},
): Promise<BulkRunResult> {
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const minInterval = Math.max(0, options.minIntervalMs ?? 50);
  const maxRetries = options.maxRateLimitRetries ?? 5;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  const { signal } = options;
  const report = options.onProgress ?? (() => {});

  const outcomes = new Map<number, BulkOutcome>();
  const queue: Array<{ job: BulkJob<T>; attempt: number }> = jobs.map((job) => ({
    job,
    attempt: 0,
  }));
  let nextStartAt = 0;
  let pausedUntil = 0;

  const settle = (row: number, outcome: BulkOutcome) => {
    outcomes.set(row, outcome);
    report(row, outcome);
  };

  /** Waits for the next start slot; false when stopped meanwhile. */
  const acquireSlot = async (): Promise<boolean> => {
    for (;;) {
      if (signal?.aborted) return false;
      const at = Math.max(nextStartAt, pausedUntil);
      const current = now();
      if (at <= current) {
        nextStartAt = current + minInterval;
        return true;
      }
      await sleep(at - current, signal);
    }
  };

  const worker = async () => {
    for (;;) {
      if (queue.length === 0) return;
      if (!(await acquireSlot())) return;
      const next = queue.shift();
      if (!next) return;
      const { job } = next;
      report(job.row, { status: 'sending' });
      try {
        // The Stop signal is not passed on: an aborted POST leaves m3ter's state unknown.
        const mapping = await send(job.item);
        settle(job.row, { status: 'created', mapping });
      } catch (error) {
        if (error instanceof RateLimitedError && next.attempt < maxRetries) {
          const attempt = next.attempt + 1;
          const wait = backoff(attempt, error);
          pausedUntil = Math.max(pausedUntil, now() + wait);
          queue.unshift({ job, attempt });
          report(job.row, { status: 'waiting', attempt, untilMs: pausedUntil });
        } else if (error instanceof RateLimitedError) {
          settle(job.row, {
            status: 'failed',
            message: `Rate limited by m3ter ${next.attempt + 1} times; not created. Send it again later.`,
          });
        } else {
          settle(job.row, { status: 'failed', message: failureMessage(error) });
        }
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, () => worker()));

  const stopped = outcomes.size < jobs.length;
  for (const job of jobs) {
    if (!outcomes.has(job.row)) settle(job.row, { status: 'not-sent', message: STOPPED_MESSAGE });
  }
  return { outcomes, stopped };
}
