import { createFileRoute, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { isUuid } from '../../api';
import { prefetchRunHistory } from '../../features/integration-runs/prefetch-history';
import { InvalidHistoryLink } from '../../features/integration-runs/invalid-history-link';
import { RunHistoryPage } from '../../features/integration-runs/run-history-page';
import {
  healRunsSearch,
  toRunFilters,
  type RunsSearch,
} from '../../features/integration-runs/search-schema';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../lib/link-healing';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/runs/destination/$destinationId')({
  validateSearch: healingSearch(healRunsSearch),
  // As the entity history heals (docs/architecture.md §7): a valid id is spelled lower-case.
  beforeLoad: healInBeforeLoad(healRunsSearch, {
    to: '/runs/destination/$destinationId',
    params: ({ destinationId = '' }) => {
      const lower = destinationId.toLowerCase();
      return { destinationId: isUuid(lower) ? lower : destinationId };
    },
  }),
  // Only what the list depends on: opening a run (`run` in the URL) does not load the list again.
  loaderDeps: ({ search }) => toRunFilters(search),
  loader: ({ context, params, deps }) => {
    if (isUuid(params.destinationId)) {
      prefetchRunHistory(
        context.queryClient,
        { kind: 'destination', destinationId: params.destinationId },
        deps,
      );
    }
  },
  component: DestinationHistoryRoute,
});

function DestinationHistoryRoute() {
  const { destinationId } = Route.useParams();
  usePageTitle(`Runs for destination ${destinationId.slice(0, 8)}`);
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const router = useRouter();
  const healNotes = useHealedLinkNotes();

  const onSearchChange = useCallback(
    (next: RunsSearch, options?: { replace?: boolean }) =>
      void navigate({ search: next, replace: options?.replace ?? false }),
    [navigate],
  );
  const runHref = useCallback(
    (runId: string) =>
      router.buildLocation({
        to: '/runs/destination/$destinationId',
        params: { destinationId },
        search: { ...search, run: runId },
      }).href,
    [router, destinationId, search],
  );

  if (!isUuid(destinationId)) return <InvalidHistoryLink destinationId={destinationId} />;
  return (
    <RunHistoryPage
      key={destinationId}
      scope={{ kind: 'destination', destinationId }}
      search={search}
      onSearchChange={onSearchChange}
      runHref={runHref}
      healNotes={healNotes}
    />
  );
}
