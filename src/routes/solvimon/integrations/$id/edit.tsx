import { createFileRoute } from '@tanstack/react-router';
import { prefetchSolvimon } from '../../../../features/solvimon-integrations/prefetch';
import { SolvimonEditPage } from '../../../../features/solvimon-integrations/edit-page';
import { usePageTitle } from '../../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/$id/edit')({
  loader: ({ context, params }) => {
    prefetchSolvimon((queries) => context.queryClient.prefetchQuery(queries.detail(params.id)));
  },
  component: SolvimonEditRoute,
});

function SolvimonEditRoute() {
  usePageTitle('Edit Solvimon integration');
  const { id } = Route.useParams();
  return <SolvimonEditPage key={id} id={id} />;
}
