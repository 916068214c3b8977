import { createFileRoute } from '@tanstack/react-router';
import { SolvimonEditPage } from '../../../../features/solvimon-integrations/edit-page';
import { solvimonQueries } from '../../../../queries/solvimon-integrations';
import { usePageTitle } from '../../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/$id/edit')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(solvimonQueries.detail(params.id));
  },
  component: SolvimonEditRoute,
});

function SolvimonEditRoute() {
  usePageTitle('Edit Solvimon integration');
  const { id } = Route.useParams();
  return <SolvimonEditPage key={id} id={id} />;
}
