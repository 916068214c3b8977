/**
 * Integration runs: the one set of query options for every screen that shows runs. Keys go general →
 * specific with the params object last, so `runQueries.lists()` invalidates every history and
 * `runQueries.detail(id)` one run. Runs are read-only in m3ter's API: nothing here writes.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  NotFoundError,
  runsApi,
  walkAllPages,
  type IntegrationRun,
  type InvalidRow,
  type RunLog,
  type KnownRunStatus,
  type RunOrder,
  type RunEntityType,
} from '../api';
import { resolveRunWindow, type RangeFilter, type RunWindow } from '../lib/date-range';
import { initialCursor, pullMerged, runSortTime, type MergeCursor } from './run-merge';
import { buildChainTree, type ChainNode } from './run-chains';

/** What a run history is about: one Bill, one Notification, or one destination. */
export type RunScope =
  | { kind: 'entity'; entityType: RunEntityType; entityId: string }
  | { kind: 'destination'; destinationId: string };

/** The filters that decide which runs are fetched (the query key's last part). */
export interface RunFilters extends RangeFilter {
  statuses: KnownRunStatus[];
  order: RunOrder;
}

/** m3ter's largest page: fewest round trips for long histories. */
const API_PAGE_SIZE = 200;
/** Newest runs per destination read for the home page's "failing now". */
const RECENT_RUNS = 100;
/** Runs added to the list per "load more". */
const RUNS_PER_PAGE = 200;

export interface RunsPageParam {
  /** Resolved once per list load, so every page of it asks m3ter the same question. */
  window: RunWindow;
  cursor: MergeCursor;
}

export interface RunsPage {
  runs: IntegrationRun[];
  next: RunsPageParam | undefined;
  /** Runs m3ter sent that did not parse (left out of `runs`); absent when none. */
  invalid?: InvalidRow[];
}

function sameScope(a: RunScope, b: RunScope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function fetchRunsPage(
  scope: RunScope,
  filters: RunFilters,
  param: RunsPageParam | null,
  signal: AbortSignal,
): Promise<RunsPage> {
  const window = param?.window ?? resolveRunWindow(filters, Date.now());
  const cursor = param?.cursor ?? initialCursor(filters.statuses);
  const page = await pullMerged(cursor, RUNS_PER_PAGE, filters.order, (status, nextToken) => {
    const query = {
      ...window,
      status,
      nextToken,
      order: filters.order,
      pageSize: API_PAGE_SIZE,
    };
    return scope.kind === 'entity'
      ? runsApi.listForEntity(scope.entityType, scope.entityId, query, { signal })
      : runsApi.listForDestination(scope.destinationId, query, { signal });
  });
  return {
    runs: page.runs,
    next: page.next ? { window, cursor: page.next } : undefined,
    ...(page.invalid ? { invalid: page.invalid } : {}),
  };
}

/** What the log query resolves to: m3ter answers 404 when it keeps no log for a run. */
export interface RunLogResult extends RunLog {
  missing: boolean;
}

export interface RunChain {
  root: ChainNode;
  /** Ancestors could not all be fetched, or the search for retries stopped at its bound. */
  truncated: boolean;
}

/** How far the detail view walks up (parents) and forward (later runs of the entity) for a chain. */
const MAX_ANCESTORS = 25;
const MAX_LATER_RUNS = 1_000;

async function fetchChain(run: IntegrationRun, signal: AbortSignal): Promise<RunChain> {
  let root = run;
  let truncated = false;
  for (let i = 0; root.parentIntegrationRunId; i++) {
    if (i >= MAX_ANCESTORS) {
      truncated = true;
      break;
    }
    try {
      root = await runsApi.get(root.parentIntegrationRunId, { signal });
    } catch (error) {
      // A parent m3ter no longer has is a gap in the chain, not a reason to show nothing.
      if (!(error instanceof NotFoundError)) throw error;
      truncated = true;
      break;
    }
  }
  // Retries start after the run they retry: scan the entity's runs from the root onwards.
  const since = runSortTime(root);
  const later = await walkAllPages<IntegrationRun>(
    (nextToken) =>
      runsApi.listForEntity(
        root.entityType,
        root.entityId,
        {
          ...(Number.isFinite(since) ? { startDate: new Date(since - 1).toISOString() } : {}),
          order: 'ASC',
          pageSize: API_PAGE_SIZE,
          nextToken,
        },
        { signal },
      ),
    { maxItems: MAX_LATER_RUNS, signal },
  );
  return { root: buildChainTree(root, later.items), truncated: truncated || later.truncated };
}

export const runQueries = {
  all: () => ['runs'] as const,
  lists: () => [...runQueries.all(), 'list'] as const,
  /** One history (an entity's or a destination's), in pages of merged runs. */
  list: (scope: RunScope, filters: RunFilters) =>
    infiniteQueryOptions({
      queryKey: [...runQueries.lists(), scope, filters] as const,
      queryFn: ({ pageParam, signal }) => fetchRunsPage(scope, filters, pageParam, signal),
      initialPageParam: null as RunsPageParam | null,
      getNextPageParam: (lastPage: RunsPage) => lastPage.next,
      // While new filters load, keep showing the same entity's runs (dimmed), never another entity's.
      placeholderData: (previous, previousQuery) =>
        previousQuery && sameScope(previousQuery.queryKey[2], scope)
          ? keepPreviousData(previous)
          : undefined,
    }),
  details: () => [...runQueries.all(), 'detail'] as const,
  detail: (runId: string) =>
    queryOptions({
      queryKey: [...runQueries.details(), runId] as const,
      queryFn: ({ signal }) => runsApi.get(runId, { signal }),
    }),
  /** The retry chain around a run: its root (walking parents) and every retry below it. */
  chain: (run: IntegrationRun) =>
    queryOptions({
      // The whole run is the param: when it changes (a new status, a retry appeared) the chain is re-read.
      queryKey: [...runQueries.detail(run.id).queryKey, 'chain', run] as const,
      queryFn: ({ signal }) => fetchChain(run, signal),
    }),
  log: (runId: string) =>
    queryOptions({
      queryKey: [...runQueries.detail(runId).queryKey, 'log'] as const,
      queryFn: async ({ signal }): Promise<RunLogResult> => {
        try {
          return { ...(await runsApi.log(runId, { signal })), missing: false };
        } catch (error) {
          if (error instanceof NotFoundError) return { text: null, missing: true };
          throw error;
        }
      },
      // Logs of finished runs do not change; an in-progress run's log is refetched on open.
      staleTime: 60_000,
    }),
  /**
   * A destination's newest runs, for "is it failing now?" (run-outcomes.ts) on the home page: one
   * page is enough to know each Bill's latest run there, and cheap to ask for every destination.
   */
  recentForDestination: (destinationId: string) =>
    queryOptions({
      queryKey: [...runQueries.all(), 'recent', 'destination', destinationId] as const,
      queryFn: ({ signal }) =>
        runsApi.listForDestination(
          destinationId,
          { order: 'DESC', pageSize: RECENT_RUNS },
          { signal },
        ),
    }),
};
