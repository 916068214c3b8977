import { createFileRoute } from '@tanstack/react-router';
import { MappingCreatePage } from '../../features/external-mappings/mapping-create-page';
import { newMappingSearchSchema } from '../../features/external-mappings/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/new')({
  validateSearch: newMappingSearchSchema,
  component: NewMappingRoute,
});

function NewMappingRoute() {
  usePageTitle('Create external mapping');
  const { created, ...prefill } = Route.useSearch();
  // A new pre-fill link (or "create another") starts a fresh form.
  return <MappingCreatePage key={JSON.stringify(prefill)} prefill={prefill} createdId={created} />;
}
