import { createFileRoute } from '@tanstack/react-router';
import { EventDetailPage } from '../../features/integration-events/event-detail-page';
import { shortId } from '../../lib/labels';
import { usePageTitle } from '../../lib/use-page-title';
import { eventQueries } from '../../queries/events';

export const Route = createFileRoute('/events/$eventId')({
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(eventQueries.detail(params.eventId));
  },
  component: EventDetailRoute,
});

function EventDetailRoute() {
  const { eventId } = Route.useParams();
  usePageTitle(`Integration event ${shortId(eventId)}`);
  return <EventDetailPage key={eventId} eventId={eventId} />;
}
