import { createFileRoute } from '@tanstack/react-router';
import { ConfigDetailPage } from '../../../features/integration-configs/config-detail-page';
import { configQueries } from '../../../queries/configs';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/configs/$id/')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(configQueries.detail(params.id));
  },
  component: ConfigDetailRoute,
});

function ConfigDetailRoute() {
  usePageTitle('Integration config');
  const { id } = Route.useParams();
  return <ConfigDetailPage key={id} id={id} />;
}
