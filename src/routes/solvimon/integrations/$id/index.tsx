import { createFileRoute } from '@tanstack/react-router';
import { prefetchSolvimon } from '../../../../features/solvimon-integrations/prefetch';
import { SolvimonDetailPage } from '../../../../features/solvimon-integrations/detail-page';
import { usePageTitle } from '../../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/$id/')({
  loader: ({ context, params }) => {
    prefetchSolvimon((queries) => context.queryClient.prefetchQuery(queries.detail(params.id)));
  },
  component: SolvimonDetailRoute,
});

function SolvimonDetailRoute() {
  usePageTitle('Solvimon integration');
  const { id } = Route.useParams();
  return <SolvimonDetailPage key={id} id={id} />;
}
