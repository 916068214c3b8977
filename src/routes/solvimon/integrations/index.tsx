import { createFileRoute } from '@tanstack/react-router';
import { prefetchSolvimon } from '../../../features/solvimon-integrations/prefetch';
import { SolvimonListPage } from '../../../features/solvimon-integrations/list-page';
import {
  healSolvimonListSearch,
  isFilteredSolvimonSearch,
  pageSizeOf,
  solvimonOrderOf,
  type SolvimonListSearch,
} from '../../../features/solvimon-integrations/list-search';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../../lib/link-healing';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/')({
  validateSearch: healingSearch(healSolvimonListSearch),
  // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what is
  // actually shown, replacing history, and the page says what the link lost.
  beforeLoad: healInBeforeLoad(healSolvimonListSearch, { to: '/solvimon/integrations' }),
  // Annotated: TanStack Router infers this search as {} here (the validator's type is not yet known).
  loaderDeps: ({ search }: { search: SolvimonListSearch }) => ({ search }),
  loader: ({ context, deps: { search } }) => {
    // Start loading during navigation: Solvimon's page, or the whole list a filter applies to.
    const order = solvimonOrderOf(search);
    prefetchSolvimon((queries) =>
      isFilteredSolvimonSearch(search)
        ? context.queryClient.prefetchQuery(queries.everything(order))
        : context.queryClient.prefetchQuery(
            queries.page({ page: search.page ?? 1, limit: pageSizeOf(search), ...order }),
          ),
    );
  },
  component: SolvimonListRoute,
});

function SolvimonListRoute() {
  usePageTitle('Solvimon integrations');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();
  return (
    <SolvimonListPage
      search={search}
      onSearchChange={(next, options) =>
        void navigate({ search: next, replace: options?.replace ?? false })
      }
      healNotes={healNotes}
    />
  );
}
