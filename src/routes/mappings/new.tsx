import { Stack } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import { MappingCreatePage } from '../../features/external-mappings/mapping-create-page';
import { healNewMappingSearch } from '../../features/external-mappings/search-schema';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../lib/link-healing';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/new')({
  validateSearch: healingSearch(healNewMappingSearch),
  // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what the form
  // was pre-filled with, replacing history, and the page says what the link lost.
  beforeLoad: healInBeforeLoad(healNewMappingSearch, { to: '/mappings/new' }),
  component: NewMappingRoute,
});

function NewMappingRoute() {
  usePageTitle('Create external mapping');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();
  const { created: _created, healedFrom: _healedFrom, ...prefill } = search;
  return (
    <Stack gap="lg">
      {/* The create page takes no notes of its own: what the link lost is said above it. */}
      <HealedLinkNotice notes={healNotes} maw={880} />
      <MappingCreatePage
        // A new pre-fill link (or "create another") starts a fresh form.
        key={JSON.stringify(prefill)}
        search={search}
        onSearchChange={(next, options) =>
          void navigate({ search: next, replace: options?.replace ?? false })
        }
      />
    </Stack>
  );
}
