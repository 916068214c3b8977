import { createFileRoute } from '@tanstack/react-router';
import { MappingEditPage } from '../../../features/external-mappings/mapping-edit-page';
import { mappingQueries } from '../../../queries/mappings';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/mappings/$id/edit')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(mappingQueries.detail(params.id));
  },
  component: MappingEditRoute,
});

function MappingEditRoute() {
  usePageTitle('Edit external mapping');
  const { id } = Route.useParams();
  return <MappingEditPage key={id} id={id} />;
}
