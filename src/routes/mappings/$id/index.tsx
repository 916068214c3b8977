import { createFileRoute } from '@tanstack/react-router';
import { MappingDetailPage } from '../../../features/external-mappings/mapping-detail-page';
import { mappingQueries } from '../../../features/external-mappings/queries';

export const Route = createFileRoute('/mappings/$id/')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(mappingQueries.detail(params.id));
  },
  component: MappingDetailRoute,
});

function MappingDetailRoute() {
  const { id } = Route.useParams();
  return <MappingDetailPage key={id} id={id} />;
}
