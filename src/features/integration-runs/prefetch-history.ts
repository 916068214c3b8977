import type { QueryClient } from '@tanstack/react-query';
import { runQueries, type RunFilters, type RunScope } from '../../queries/runs';

/**
 * Starts loading a run history's first page as soon as the router knows the URL (the routes'
 * `loader`, with `toRunFilters(search)` as its deps), while the page's code still loads and renders,
 * instead of after its first render. Cached data is left alone (opening a run changes the URL, not
 * the list). Never awaited and its failure ignored here: the page's own query shows loading and
 * errors, and the same query key means it picks up this request rather than sending another.
 */
export function prefetchRunHistory(
  queryClient: QueryClient,
  scope: RunScope,
  filters: RunFilters,
): void {
  queryClient.ensureInfiniteQueryData(runQueries.list(scope, filters)).catch(() => {
    // Shown by the page (see above).
  });
}
