import { createFileRoute } from '@tanstack/react-router';
import { DestinationDetailPage } from '../../../../features/webhook-destinations/destination-detail-page';
import { usePageTitle } from '../../../../lib/use-page-title';
import { webhookDestinationQueries } from '../../../../queries/webhook-destinations';

export const Route = createFileRoute('/destinations/webhooks/$id/')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(webhookDestinationQueries.detail(params.id));
  },
  component: DestinationDetailRoute,
});

function DestinationDetailRoute() {
  usePageTitle('Webhook destination');
  const { id } = Route.useParams();
  return <DestinationDetailPage key={id} id={id} />;
}
