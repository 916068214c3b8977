import { createFileRoute, redirect, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { canonicalEntityPath, parseEntityType } from '../../features/integration-runs/entity-ref';
import { InvalidHistoryLink } from '../../features/integration-runs/invalid-history-link';
import { RunHistoryPage } from '../../features/integration-runs/run-history-page';
import {
  healNotesState,
  healRunsLink,
  validateRunsSearch,
  type RunsSearch,
} from '../../features/integration-runs/search-schema';
import { usePageTitle } from '../../lib/use-page-title';
import { useEntryHealNotes } from './-heal-notes';

export const Route = createFileRoute('/runs/$entityType/$entityId')({
  validateSearch: validateRunsSearch,
  beforeLoad: ({ params, search, location }) => {
    // A bad or old link heals (docs/architecture.md §7): one spelling per history (`bill/ABC…` →
    // `Bill/abc…`) and the canonical search, replacing history; the page says what the link lost.
    // A path that cannot be a history keeps its spelling: the page quotes it.
    const path = canonicalEntityPath(params.entityType, params.entityId) ?? params;
    const healed = healRunsLink(search, location.search);
    if (
      healed.changed ||
      path.entityType !== params.entityType ||
      path.entityId !== params.entityId
    ) {
      throw redirect({
        to: '/runs/$entityType/$entityId',
        params: path,
        search: healed.search,
        state: healNotesState(healed.notes),
        replace: true,
      });
    }
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
  const { healNotes, onHealNotesShown } = useEntryHealNotes();

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
      onHealNotesShown={onHealNotesShown}
    />
  );
}
