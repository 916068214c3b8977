import { createFileRoute, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { isUuid } from '../../api';
import { parseEntityType } from '../../features/integration-runs/entity-ref';
import { InvalidHistoryLink } from '../../features/integration-runs/invalid-history-link';
import { RunHistoryPage } from '../../features/integration-runs/run-history-page';
import { validateRunsSearch, type RunsSearch } from '../../features/integration-runs/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/runs/$entityType/$entityId')({
  validateSearch: validateRunsSearch,
  component: EntityHistoryRoute,
});

function EntityHistoryRoute() {
  const { entityType: rawType, entityId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const router = useRouter();
  const entityType = parseEntityType(rawType);
  usePageTitle(`Runs for ${entityType ?? rawType} ${entityId.slice(0, 8)}`);
  // One spelling per history: `bill/ABC…` is shown as, and rewritten to, `Bill/abc…`.
  const canonical = { entityType: entityType ?? rawType, entityId: entityId.toLowerCase() };
  const pathIsCanonical = canonical.entityType === rawType && canonical.entityId === entityId;

  const onSearchChange = useCallback(
    (next: RunsSearch, options?: { replace?: boolean }) =>
      void navigate({
        to: '/runs/$entityType/$entityId',
        params: { entityType: canonical.entityType, entityId: canonical.entityId },
        search: next,
        replace: options?.replace,
      }),
    [navigate, canonical.entityType, canonical.entityId],
  );
  const runHref = useCallback(
    (runId: string) =>
      router.buildLocation({
        to: '/runs/$entityType/$entityId',
        params: { entityType: canonical.entityType, entityId: canonical.entityId },
        search: { ...search, run: runId },
      }).href,
    [router, canonical.entityType, canonical.entityId, search],
  );

  if (!entityType || !isUuid(canonical.entityId)) {
    return <InvalidHistoryLink entityType={entityType} rawType={rawType} entityId={entityId} />;
  }
  return (
    <RunHistoryPage
      key={`${entityType}/${canonical.entityId}`}
      scope={{ kind: 'entity', entityType, entityId: canonical.entityId }}
      search={search}
      pathIsCanonical={pathIsCanonical}
      onSearchChange={onSearchChange}
      runHref={runHref}
    />
  );
}
