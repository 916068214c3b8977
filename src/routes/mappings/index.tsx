import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { MappingsPage } from '../../features/external-mappings/mappings-page';
import {
  healMappingsSearch,
  type MappingsSearch,
} from '../../features/external-mappings/search-schema';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../lib/link-healing';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/')({
  validateSearch: healingSearch(healMappingsSearch),
  // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what is shown,
  // replacing history, and the page says what the link lost.
  beforeLoad: healInBeforeLoad(healMappingsSearch, { to: '/mappings' }),
  component: MappingsRoute,
});

function MappingsRoute() {
  usePageTitle('External mappings');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();

  const onSearchChange = useCallback(
    (next: MappingsSearch, options?: { replace?: boolean }) =>
      void navigate({ search: next, replace: options?.replace ?? false }),
    [navigate],
  );

  return <MappingsPage search={search} onSearchChange={onSearchChange} healNotes={healNotes} />;
}
