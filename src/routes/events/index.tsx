import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { EventsPage } from '../../features/integration-events/events-page';
import {
  healEventsSearch,
  toEventFilters,
  type EventsSearch,
} from '../../features/integration-events/search-schema';
import { healInBeforeLoad, healingSearch, useHealedLinkNotes } from '../../lib/link-healing';
import { usePageTitle } from '../../lib/use-page-title';
import { eventQueries } from '../../queries/events';

export const Route = createFileRoute('/events/')({
  validateSearch: healingSearch(healEventsSearch),
  // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what is shown,
  // replacing history, and the page says what the link lost.
  beforeLoad: healInBeforeLoad(healEventsSearch, { to: '/events' }),
  // The first page is asked for as soon as the URL is known (docs/architecture.md §12).
  loaderDeps: ({ search }) => toEventFilters(search),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(eventQueries.list(deps));
  },
  component: EventsRoute,
});

function EventsRoute() {
  usePageTitle('Integration events');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const healNotes = useHealedLinkNotes();

  const onSearchChange = useCallback(
    (next: EventsSearch, options?: { replace?: boolean }) =>
      void navigate({ search: next, replace: options?.replace ?? false }),
    [navigate],
  );

  return <EventsPage search={search} onSearchChange={onSearchChange} healNotes={healNotes} />;
}
