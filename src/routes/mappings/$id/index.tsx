import { createFileRoute } from '@tanstack/react-router';
import { MappingDetailPage } from '../../../features/external-mappings/mapping-detail-page';
import { mappingQueries } from '../../../queries/mappings';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/mappings/$id/')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(mappingQueries.detail(params.id));
  },
  component: MappingDetailRoute,
});

function MappingDetailRoute() {
  usePageTitle('External mapping');
  const { id } = Route.useParams();
  return <MappingDetailPage key={id} id={id} />;
}
