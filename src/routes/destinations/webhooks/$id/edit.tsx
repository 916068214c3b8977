import { createFileRoute } from '@tanstack/react-router';
import { DestinationEditPage } from '../../../../features/webhook-destinations/destination-edit-page';
import { usePageTitle } from '../../../../lib/use-page-title';
import { webhookDestinationQueries } from '../../../../queries/webhook-destinations';

export const Route = createFileRoute('/destinations/webhooks/$id/edit')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(webhookDestinationQueries.detail(params.id));
  },
  component: DestinationEditRoute,
});

function DestinationEditRoute() {
  usePageTitle('Edit webhook destination');
  const { id } = Route.useParams();
  return <DestinationEditPage key={id} id={id} />;
}
