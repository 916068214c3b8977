import { createFileRoute, redirect, useLocation } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { MappingsPage } from '../../features/external-mappings/mappings-page';
import {
  canonicalMappingsSearch,
  linkLossState,
  readLinkLoss,
  sameSearch,
  validateMappingsSearch,
  type MappingsSearch,
} from '../../features/external-mappings/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/')({
  validateSearch: validateMappingsSearch,
  beforeLoad: ({ search, location }) => {
    // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what is
    // shown, replacing history; what it lost that the user would not notice rides along in the
    // entry's state, for the page to say.
    const { linkLoss, ...shown } = search;
    const canonical = canonicalMappingsSearch(shown);
    if (linkLoss || !sameSearch(canonical, location.search)) {
      throw redirect({
        to: '/mappings',
        search: canonical,
        state: linkLossState(linkLoss),
        replace: true,
      });
    }
  },
  component: MappingsRoute,
});

function MappingsRoute() {
  usePageTitle('External mappings');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const stored = useLocation({ select: (location) => location.state.mappingsLinkLoss });
  const linkLoss = useMemo(() => readLinkLoss(stored), [stored]);

  const onSearchChange = useCallback(
    (next: MappingsSearch, options?: { replace?: boolean }) =>
      void navigate({ search: next, replace: options?.replace ?? false }),
    [navigate],
  );
  // Once the page has the loss, the entry forgets it: a reload or a Back to it does not repeat it.
  const onLinkLossShown = useCallback(
    () =>
      void navigate({
        search: true,
        state: (prev) => ({ ...prev, mappingsLinkLoss: undefined }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );

  return (
    <MappingsPage
      search={search}
      onSearchChange={onSearchChange}
      linkLoss={linkLoss}
      onLinkLossShown={onLinkLossShown}
    />
  );
}
