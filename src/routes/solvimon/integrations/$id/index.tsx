import { createFileRoute } from '@tanstack/react-router';
import { SolvimonDetailPage } from '../../../../features/solvimon-integrations/detail-page';
import { solvimonQueries } from '../../../../queries/solvimon-integrations';
import { usePageTitle } from '../../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/$id/')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(solvimonQueries.detail(params.id));
  },
  component: SolvimonDetailRoute,
});

function SolvimonDetailRoute() {
  usePageTitle('Solvimon integration');
  const { id } = Route.useParams();
  return <SolvimonDetailPage key={id} id={id} />;
}
