/**
 * "Load all" and "Export CSV": both pull the remaining pages of a history first, and either can be
 * stopped between pages.
 */
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { IntegrationRun } from '../../api';
import type { RunScope, RunsPage } from '../../queries/runs';
import { dedupeRuns, MAX_LOADED_RUNS } from './loaded-runs';

/** The CSV code (lib/csv, the file download) is fetched when an export starts, not with the page. */
const loadExport = () => import('./export-runs');

type RunsList = Pick<
  UseInfiniteQueryResult<InfiniteData<RunsPage>>,
  'data' | 'hasNextPage' | 'fetchNextPage'
>;

interface BulkLoad {
  /** What is loading in bulk, if anything. */
  busy: null | 'all' | 'export';
  loadAll: () => Promise<void>;
  exportCsv: () => Promise<void>;
  /** Why the last export could not be saved (its code did not load), until the next one starts. */
  exportError: unknown;
  /** Stops after the page in flight. */
  stop: () => void;
}

export function useBulkLoad(list: RunsList, scope: RunScope): BulkLoad {
  const [busy, setBusy] = useState<BulkLoad['busy']>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const stopped = useRef(false);

  /**
   * Pulls pages until everything (up to MAX_LOADED_RUNS) is loaded, the user stops, or a page fails
   * (the failure shows with a retry under the list). Resolves with the runs loaded, or null.
   */
  const loadRemaining = async (): Promise<IntegrationRun[] | null> => {
    stopped.current = false;
    let hasNext = list.hasNextPage;
    let pages = list.data?.pages ?? [];
    let count = dedupeRuns(pages.flatMap((page) => page.runs)).length;
    while (hasNext && count < MAX_LOADED_RUNS) {
      if (stopped.current) return null;
      const next = await list.fetchNextPage({ cancelRefetch: false });
      if (next.isFetchNextPageError || !next.data) return null;
      hasNext = next.hasNextPage;
      pages = next.data.pages;
      count = pages.reduce((sum, page) => sum + page.runs.length, 0);
    }
    return dedupeRuns(pages.flatMap((page) => page.runs));
  };

  const loadAll = async () => {
    setBusy('all');
    try {
      await loadRemaining();
    } finally {
      setBusy(null);
    }
  };

  const exportCsv = async () => {
    setBusy('export');
    setExportError(null);
    // Fetched while the pages load; a failure is said once the pages are there.
    const code = loadExport();
    code.catch(() => {});
    try {
      const all = await loadRemaining();
      if (all) (await code).downloadRunsCsv(scope, all);
    } catch (error) {
      setExportError(error);
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    loadAll,
    exportCsv,
    exportError,
    stop: () => {
      stopped.current = true;
    },
  };
}
