import { createFileRoute, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { canonicalEntityPath, parseEntityType } from '../../features/integration-runs/entity-ref';
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

export const Route = createFileRoute('/runs/$entityType/$entityId')({
  validateSearch: healingSearch(healRunsSearch),
  // A bad or old link heals (docs/architecture.md §7): one spelling per history (`bill/ABC…` →
  // `Bill/abc…`) and the canonical search, replacing history; the page says what the link lost.
  // A path that cannot be a history keeps its spelling: the page quotes it.
  beforeLoad: healInBeforeLoad(healRunsSearch, {
    to: '/runs/$entityType/$entityId',
    params: ({ entityType = '', entityId = '' }) =>
      canonicalEntityPath(entityType, entityId) ?? { entityType, entityId },
  }),
  // Only what the list depends on: opening a run (`run` in the URL) does not load the list again.
  loaderDeps: ({ search }) => toRunFilters(search),
  loader: ({ context, params, deps }) => {
    const scope = canonicalEntityPath(params.entityType, params.entityId);
    if (scope) prefetchRunHistory(context.queryClient, { kind: 'entity', ...scope }, deps);
  },
  component: EntityHistoryRoute,
});

function EntityHistoryRoute() {
  const { entityType: rawType, entityId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const router = useRouter();
  const scope = canonicalEntityPath(rawType, entityId);
  usePageTitle(`Runs for ${scope?.entityType ?? rawType} ${entityId.slice(0, 8)}`);
  const healNotes = useHealedLinkNotes();

  const onSearchChange = useCallback(
    (next: RunsSearch, options?: { replace?: boolean }) =>
      void navigate({ search: next, replace: options?.replace ?? false }),
    [navigate],
  );
  const runHref = useCallback(
    (runId: string) =>
      router.buildLocation({
        to: '/runs/$entityType/$entityId',
        params: { entityType: rawType, entityId },
        search: { ...search, run: runId },
      }).href,
    [router, rawType, entityId, search],
  );

  if (!scope) {
    return (
      <InvalidHistoryLink
        entityType={parseEntityType(rawType)}
        rawType={rawType}
        entityId={entityId}
      />
    );
  }
  return (
    <RunHistoryPage
      key={`${scope.entityType}/${scope.entityId}`}
      scope={{ kind: 'entity', ...scope }}
      search={search}
      onSearchChange={onSearchChange}
      runHref={runHref}
      healNotes={healNotes}
    />
  );
}
