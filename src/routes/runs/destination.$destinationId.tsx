import { createFileRoute, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { isUuid } from '../../api';
import { InvalidHistoryLink } from '../../features/integration-runs/invalid-history-link';
import { RunHistoryPage } from '../../features/integration-runs/run-history-page';
import { validateRunsSearch, type RunsSearch } from '../../features/integration-runs/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/runs/destination/$destinationId')({
  validateSearch: validateRunsSearch,
  component: DestinationHistoryRoute,
});

function DestinationHistoryRoute() {
  const { destinationId: rawId } = Route.useParams();
  const destinationId = rawId.toLowerCase();
  usePageTitle(`Runs for destination ${destinationId.slice(0, 8)}`);
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const router = useRouter();

  const onSearchChange = useCallback(
    (next: RunsSearch, options?: { replace?: boolean }) =>
      void navigate({
        to: '/runs/destination/$destinationId',
        params: { destinationId },
        search: next,
        replace: options?.replace,
      }),
    [navigate, destinationId],
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

  if (!isUuid(destinationId)) return <InvalidHistoryLink destinationId={rawId} />;
  return (
    <RunHistoryPage
      key={destinationId}
      scope={{ kind: 'destination', destinationId }}
      search={search}
      pathIsCanonical={rawId === destinationId}
      onSearchChange={onSearchChange}
      runHref={runHref}
    />
  );
}
