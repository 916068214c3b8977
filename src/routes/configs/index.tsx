import { createFileRoute } from '@tanstack/react-router';
import { ConfigListPage } from '../../features/integration-configs/config-list-page';
import { healConfigListSearch } from '../../features/integration-configs/list-search';
import { configQueries } from '../../queries/configs';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../lib/link-healing';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/configs/')({
  validateSearch: healingSearch(healConfigListSearch),
  // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what is
  // actually shown, replacing history, and the page says what the link lost.
  beforeLoad: healInBeforeLoad(healConfigListSearch, { to: '/configs' }),
  loader: ({ context }) => {
    // Start loading during navigation; the page shows the skeleton or the error itself.
    void context.queryClient.prefetchQuery(configQueries.list());
  },
  component: ConfigsRoute,
});

function ConfigsRoute() {
  usePageTitle('Integration configs');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();
  return (
    <ConfigListPage
      search={search}
      onSearchChange={(next, options) =>
        void navigate({ search: next, replace: options?.replace ?? false })
      }
      healNotes={healNotes}
    />
  );
}
