/**
 * Several statuses from an API that takes one status per call.
 *
 * m3ter filters runs by a single `status`. For a multi-status filter the console opens one cursor
 * stream per status and merges them k-way in the list's order (dtStarted, as m3ter's runs are sorted),
 * so the merged list has exactly the runs of those statuses, each once, in order, and "load more"
 * pulls from the streams only as far as needed. A run is emitted only when every stream that could
 * still hold an earlier run has a buffered head to compare with: a stream with an empty buffer and
 * more pages is fetched first. That is what keeps page boundaries correct.
 *
 * Pure and immutable: a cursor can be handed to React Query as a page param and re-used on a retry.
 */
import type { IntegrationRun, InvalidRow, Page, RunOrder } from '../api';

interface StreamState {
  /** The status this stream asks m3ter for; undefined = every status (a single stream). */
  status: string | undefined;
  /** Fetched but not yet emitted, in list order. */
  buffer: readonly IntegrationRun[];
  /** The cursor for the stream's next page; undefined before the first page and after the last. */
  nextToken: string | undefined;
  /** Whether the first page has been fetched. */
  started: boolean;
}

export interface MergeCursor {
  streams: readonly StreamState[];
}

export type FetchStreamPage = (
  status: string | undefined,
  nextToken: string | undefined,
) => Promise<Page<IntegrationRun>>;

export interface MergedPage {
  runs: IntegrationRun[];
  /** Undefined when every stream is drained: there are no more runs. */
  next: MergeCursor | undefined;
  /** Runs of the pages fetched for this one that did not parse (`Page.invalid`); absent when none. */
  invalid?: InvalidRow[];
}

/** One stream per status; no status selected = one unfiltered stream. */
export function initialCursor(statuses: readonly string[]): MergeCursor {
  const list = statuses.length === 0 ? [undefined] : [...new Set(statuses)];
  return {
    streams: list.map((status) => ({ status, buffer: [], nextToken: undefined, started: false })),
  };
}

/** The time m3ter sorts on: dtStarted, or dtCreated for a run that has not started. */
export function runSortTime(run: IntegrationRun): number {
  const ms = Date.parse(run.dtStarted ?? run.dtCreated ?? '');
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** The list order: by sort time, ties by id, reversed for DESC (as m3ter reverses its ascending list). */
export function compareRuns(a: IntegrationRun, b: IntegrationRun, order: RunOrder): number {
  const ta = runSortTime(a);
  const tb = runSortTime(b);
  const byTime = ta === tb ? 0 : ta < tb ? -1 : 1;
  const ascending = byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return order === 'ASC' ? ascending : -ascending;
}

const hasMore = (s: StreamState) => !s.started || s.nextToken !== undefined;

/** Safety net against a server that keeps answering empty pages with a token. */
const MAX_EMPTY_PAGES_IN_A_ROW = 20;

/**
 * Up to `count` runs in order from `cursor`, fetching stream pages as needed (streams that need a
 * page are fetched in parallel). Errors from `fetchPage` propagate and leave `cursor` untouched.
 */
export async function pullMerged(
  cursor: MergeCursor,
  count: number,
  order: RunOrder,
  fetchPage: FetchStreamPage,
): Promise<MergedPage> {
  const streams = cursor.streams.map((s) => ({ ...s, buffer: [...s.buffer] }));
  const heads = streams.map(() => 0);
  const runs: IntegrationRun[] = [];
  const emptyPages = streams.map(() => 0);
  const invalid: InvalidRow[] = [];

  const refill = async () => {
    const needy = streams
      .map((s, i) => ({ s, i }))
      .filter(({ s, i }) => heads[i] === s.buffer.length && hasMore(s));
    if (needy.length === 0) return;
    const pages = await Promise.all(needy.map(({ s }) => fetchPage(s.status, s.nextToken)));
    needy.forEach(({ s, i }, k) => {
      const page = pages[k] as Page<IntegrationRun>;
      if (page.invalid) invalid.push(...page.invalid);
      // Drop what was consumed before appending, so buffers stay small.
      s.buffer = [...s.buffer.slice(heads[i]), ...page.data];
      heads[i] = 0;
      s.started = true;
      s.nextToken = page.nextToken || undefined;
      emptyPages[i] = page.data.length === 0 ? (emptyPages[i] ?? 0) + 1 : 0;
      if ((emptyPages[i] ?? 0) >= MAX_EMPTY_PAGES_IN_A_ROW) s.nextToken = undefined;
    });
  };

  while (runs.length < count) {
    // Refill until every stream either has a head or is drained.
    while (streams.some((s, i) => heads[i] === s.buffer.length && hasMore(s))) await refill();
    let best = -1;
    for (let i = 0; i < streams.length; i++) {
      const head = (streams[i] as StreamState).buffer[heads[i] as number];
      if (head === undefined) continue;
      const current = best < 0 ? undefined : streams[best]?.buffer[heads[best] as number];
      if (current === undefined || compareRuns(head, current, order) < 0) best = i;
    }
    if (best < 0) break;
    runs.push((streams[best] as StreamState).buffer[heads[best] as number] as IntegrationRun);
    heads[best] = (heads[best] as number) + 1;
  }

  const remaining = streams.map((s, i) => ({ ...s, buffer: s.buffer.slice(heads[i]) }));
  const done = remaining.every((s) => s.buffer.length === 0 && !hasMore(s));
  return {
    runs,
    next: done ? undefined : { streams: remaining },
    ...(invalid.length > 0 ? { invalid } : {}),
  };
}
