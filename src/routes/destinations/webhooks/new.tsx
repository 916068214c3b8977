import { createFileRoute } from '@tanstack/react-router';
import { DestinationCreatePage } from '../../../features/webhook-destinations/destination-create-page';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/destinations/webhooks/new')({
  component: DestinationCreateRoute,
});

function DestinationCreateRoute() {
  usePageTitle('New webhook destination');
  return <DestinationCreatePage />;
}
