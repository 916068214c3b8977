/** How a webhook destination is named in text. */
import type { WebhookDestination } from '../../api';
import { shortId } from '../../lib/labels';

export function destinationLabel(destination: Pick<WebhookDestination, 'id' | 'name'>): string {
  return destination.name?.trim() || `Webhook ${shortId(destination.id)}`;
}
