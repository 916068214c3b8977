/** What the page derives from the runs loaded so far (all pages of the list query). */
import { statusGroupOf, type IntegrationRun, type RunStatusGroupId } from '../../api';

/** Bound for "Load all" and for an export: enough for the biggest demo Bill, small enough for a tab. */
export const MAX_LOADED_RUNS = 10_000;

/** A run whose status changed between two pages can come back in another status stream: keep the first. */
export function dedupeRuns(runs: readonly IntegrationRun[]): IntegrationRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    if (seen.has(run.id)) return false;
    seen.add(run.id);
    return true;
  });
}

export function countByStatusGroup(
  runs: readonly IntegrationRun[],
): Map<RunStatusGroupId | 'unknown', number> {
  const counts = new Map<RunStatusGroupId | 'unknown', number>();
  for (const run of runs) {
    const group = statusGroupOf(run.status);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}
