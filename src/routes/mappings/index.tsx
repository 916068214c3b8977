import { createFileRoute } from '@tanstack/react-router';
import { MappingsPage } from '../../features/external-mappings/mappings-page';
import { mappingsSearchSchema } from '../../features/external-mappings/search-schema';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/')({
  validateSearch: mappingsSearchSchema,
  component: MappingsRoute,
});

function MappingsRoute() {
  usePageTitle('External mappings');
  return <MappingsPage />;
}
