import { createFileRoute, redirect } from '@tanstack/react-router';
import { ConfigListPage } from '../../features/integration-configs/config-list-page';
import {
  canonicalSearch,
  configListSearchSchema,
} from '../../features/integration-configs/list-search';
import { configQueries } from '../../queries/configs';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/configs/')({
  validateSearch: configListSearchSchema,
  beforeLoad: ({ search, location }) => {
    // A bad or old link heals: the address bar is rewritten to what is actually shown.
    if (canonicalSearch(search) !== canonicalSearch(location.search)) {
      throw redirect({ to: '/configs', search, replace: true });
    }
  },
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
  return (
    <ConfigListPage
      search={search}
      onSearchChange={(next, options) =>
        void navigate({ search: next, replace: options?.replace ?? false })
      }
    />
  );
}
