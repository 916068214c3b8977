import { describe, expect, it } from 'vitest';
import { RUN_STATUSES, type IntegrationRun, type Page, type RunOrder } from '../api';
import { createStore } from '../mocks/store';
import { SEED_IDS } from '../mocks/seed';
import {
  compareRuns,
  initialCursor,
  pullMerged,
  type FetchStreamPage,
  type MergeCursor,
} from './run-merge';

/** Small deterministic PRNG (mulberry32): failures print their seed and replay exactly. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { next, int, pick };
}

const STATUSES = [...RUN_STATUSES, 'SOMETHING_NEW'];

function generateRuns(r: ReturnType<typeof rng>): IntegrationRun[] {
  const count = r.int(0, 250);
  // Few distinct instants, so many runs share a start time and the id tie-break matters.
  const instants = Array.from({ length: r.int(1, 40) }, (_, i) =>
    new Date(Date.UTC(2026, 10, 1) + i * 60_000 * r.int(1, 5)).toISOString(),
  );
  return Array.from({ length: count }, (_, i) => {
    const at = r.pick(instants);
    const waiting = r.next() < 0.1;
    return {
      id: `${r.int(0, 9)}${String(i).padStart(4, '0')}-run`,
      entityType: 'Bill',
      entityId: 'bill-1',
      destination: 'Stripe',
      status: waiting ? 'WAITING' : r.pick(STATUSES),
      ...(waiting ? { dtCreated: at } : { dtStarted: at, dtCreated: at }),
    };
  });
}

/** A fake m3ter list: one status per call, sorted like m3ter, offset cursors, random page sizes. */
function fakeServer(all: readonly IntegrationRun[], order: RunOrder, r: ReturnType<typeof rng>) {
  let calls = 0;
  const fetchPage: FetchStreamPage = (status, nextToken) => {
    calls++;
    const list = all
      .filter((run) => status === undefined || run.status === status)
      .sort((a, b) => compareRuns(a, b, 'ASC'));
    if (order === 'DESC') list.reverse();
    const offset = nextToken ? Number(nextToken) : 0;
    const size = r.int(1, 30);
    const page: Page<IntegrationRun> = { data: list.slice(offset, offset + size) };
    if (offset + size < list.length) page.nextToken = String(offset + size);
    return Promise.resolve(page);
  };
  return { fetchPage, calls: () => calls };
}

async function pullAll(
  statuses: readonly string[],
  order: RunOrder,
  pageSize: number,
  fetchPage: FetchStreamPage,
) {
  const pages: IntegrationRun[][] = [];
  let cursor: MergeCursor | undefined = initialCursor(statuses);
  while (cursor) {
    const page = await pullMerged(cursor, pageSize, order, fetchPage);
    pages.push(page.runs);
    cursor = page.next;
    if (pages.length > 10_000) throw new Error('never ends');
  }
  return pages;
}

describe('multi-status merge', () => {
  it('equals filtering and sorting everything, for generated data (property)', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const all = generateRuns(r);
      const order: RunOrder = r.next() < 0.5 ? 'ASC' : 'DESC';
      const statuses = RUN_STATUSES.filter(() => r.next() < 0.3);
      const pageSize = r.int(1, 60);
      const server = fakeServer(all, order, r);

      const pages = await pullAll(statuses, order, pageSize, server.fetchPage);
      const merged = pages.flat();
      const expected = all
        .filter((run) => statuses.length === 0 || statuses.includes(run.status as never))
        .sort((a, b) => compareRuns(a, b, order));

      const context = `seed ${seed}, order ${order}, statuses ${statuses.join('|') || 'all'}`;
      expect(
        merged.map((run) => run.id),
        context,
      ).toEqual(expected.map((run) => run.id));
      // Every page but the last is full: "load more" never shows a short page while more exist.
      pages.slice(0, -1).forEach((page) => expect(page.length, context).toBe(pageSize));
    }
  });

  it('does not change the cursor it was given, so a failed page can be retried', async () => {
    const r = rng(42);
    const all = generateRuns(r);
    const server = fakeServer(all, 'DESC', r);
    const cursor = initialCursor(['ERROR', 'COMPLETE']);
    const first = await pullMerged(cursor, 5, 'DESC', server.fetchPage);
    const snapshot = JSON.stringify(first.next);
    let failing = true;
    const flaky: FetchStreamPage = (status, token) => {
      if (failing) {
        failing = false;
        return Promise.reject(new Error('503'));
      }
      return server.fetchPage(status, token);
    };
    await expect(pullMerged(first.next!, 50, 'DESC', flaky)).rejects.toThrow('503');
    expect(JSON.stringify(first.next)).toBe(snapshot);
    const retried = await pullMerged(first.next!, 50, 'DESC', flaky);
    expect(retried.runs.length).toBeGreaterThan(0);
  });

  it('merges the failed statuses of the 5,000-run demo Bill exactly like the full history', async () => {
    const store = createStore();
    const failed = ['ERROR', 'AUTH_FAILED', 'TIMEOUT_LIMIT_EXCEEDED'];
    const fetchPage: FetchStreamPage = (status, nextToken) =>
      Promise.resolve(
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, {
          status,
          nextToken,
          pageSize: 200,
          order: 'ASC',
        }),
      );
    const merged = (await pullAll(failed, 'ASC', 200, fetchPage)).flat();
    const everything = (await pullAll([], 'ASC', 200, fetchPage)).flat();
    const expected = everything.filter((run) => failed.includes(run.status));
    expect(expected.length).toBeGreaterThan(500);
    expect(merged.map((run) => run.id)).toEqual(expected.map((run) => run.id));
  });
});
