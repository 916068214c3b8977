import { createFileRoute } from '@tanstack/react-router';
import { ConfigEditPage } from '../../../features/integration-configs/config-edit-page';
import { configQueries } from '../../../queries/configs';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/configs/$id/edit')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(configQueries.detail(params.id));
  },
  component: ConfigEditRoute,
});

function ConfigEditRoute() {
  usePageTitle('Edit integration config');
  const { id } = Route.useParams();
  return <ConfigEditPage key={id} id={id} />;
}
