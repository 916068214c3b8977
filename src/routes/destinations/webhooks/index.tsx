import { createFileRoute } from '@tanstack/react-router';
import { DestinationListPage } from '../../../features/webhook-destinations/destination-list-page';
import { healDestinationListSearch } from '../../../features/webhook-destinations/list-search';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../../lib/link-healing';
import { usePageTitle } from '../../../lib/use-page-title';
import { configQueries } from '../../../queries/configs';
import { webhookDestinationQueries } from '../../../queries/webhook-destinations';

export const Route = createFileRoute('/destinations/webhooks/')({
  validateSearch: healingSearch(healDestinationListSearch),
  beforeLoad: healInBeforeLoad(healDestinationListSearch, { to: '/destinations/webhooks' }),
  loader: ({ context }) => {
    void context.queryClient.prefetchInfiniteQuery(webhookDestinationQueries.pages());
    void context.queryClient.prefetchQuery(configQueries.list());
  },
  component: DestinationsRoute,
});

function DestinationsRoute() {
  usePageTitle('Webhook destinations');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();
  return (
    <DestinationListPage
      search={search}
      onSearchChange={(next, options) =>
        void navigate({ search: next, replace: options?.replace ?? false })
      }
      healNotes={healNotes}
    />
  );
}
