import { createFileRoute, redirect } from '@tanstack/react-router';
import { MappingCreatePage } from '../../features/external-mappings/mapping-create-page';
import { newMappingSearchSchema, sameSearch } from '../../features/external-mappings/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/new')({
  validateSearch: newMappingSearchSchema,
  beforeLoad: ({ search, location }) => {
    // A bad or old link heals (docs/architecture.md §7): the address bar is rewritten to what the form
    // was pre-filled with. Parsing again drops parameters the form does not know, which the router
    // keeps from the raw link.
    const canonical = newMappingSearchSchema.parse(search);
    if (!sameSearch(canonical, location.search)) {
      throw redirect({ to: '/mappings/new', search: canonical, replace: true });
    }
  },
  component: NewMappingRoute,
});

function NewMappingRoute() {
  usePageTitle('Create external mapping');
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { created: _created, ...prefill } = search;
  return (
    <MappingCreatePage
      // A new pre-fill link (or "create another") starts a fresh form.
      key={JSON.stringify(prefill)}
      search={search}
      onSearchChange={(next, options) =>
        void navigate({ search: next, replace: options?.replace ?? false })
      }
    />
  );
}
