import { useQuery } from '@tanstack/react-query';
import { webhookDestinationQueries } from '../../queries/webhook-destinations';

/**
 * A webhook destination's own name beside its system ("Data warehouse (Webhook)"), or the system alone
 * until it is known or when the look-up fails. A chunk of its own: the run history's first screen does
 * not carry the webhook destinations' API module.
 */
export function WebhookDestinationName({
  destinationId,
  system,
}: {
  destinationId: string;
  system: string;
}) {
  const names = useQuery(webhookDestinationQueries.names([destinationId]));
  const name = names.data?.get(destinationId.toLowerCase())?.name;
  return <>{name ? `${name} (${system})` : system}</>;
}
