/**
 * Auto refresh of a run history: while a loaded run is in progress the list is re-read, so a run
 * being sent shows its outcome without a click. The user can switch it off; it pauses while the tab
 * is hidden and when too many runs are loaded.
 */
import { useDocumentVisibility } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { statusGroupOf } from '../../api';
import type { RunsPage } from '../../queries/runs';

export const AUTO_REFRESH_MS = 15_000;
/** Refreshing re-reads every loaded page; beyond this many runs that costs too many requests. */
export const AUTO_REFRESH_MAX_RUNS = 1_000;

export interface AutoRefresh {
  enabled: boolean;
  setEnabled: (on: boolean) => void;
  /** React Query pauses interval refetches while the tab is hidden; the page says so. */
  hidden: boolean;
  /** For the list query's `refetchInterval`, over the pages loaded so far. */
  interval: (pages: readonly RunsPage[] | undefined) => number | false;
}

export function useAutoRefresh(): AutoRefresh {
  const [enabled, setEnabled] = useState(true);
  const visibility = useDocumentVisibility();
  const interval = useCallback(
    (pages: readonly RunsPage[] | undefined) => {
      if (!enabled) return false;
      let count = 0;
      let inProgress = false;
      for (const page of pages ?? []) {
        count += page.runs.length;
        if (!inProgress)
          inProgress = page.runs.some((r) => statusGroupOf(r.status) === 'in-progress');
      }
      return inProgress && count <= AUTO_REFRESH_MAX_RUNS ? AUTO_REFRESH_MS : false;
    },
    [enabled],
  );
  return { enabled, setEnabled, hidden: visibility === 'hidden', interval };
}
