/** An integration event's type as a badge; its colour groups, its words name it. */
import { Badge } from '@mantine/core';
import { isIntegrationEventName, type IntegrationEventName } from '../api';
import { eventNameLabel } from '../lib/labels';

/** One Mantine colour per event type, the same in badges and charts; an unknown name is grey. */
export const EVENT_COLORS: Readonly<Record<IntegrationEventName, string>> = {
  'integration.validation.error': 'orange',
  'integration.missingaccountmapping.error': 'grape',
  'integration.authentication.error': 'red',
  'integration.perform.error': 'pink',
  'integration.disabled.error': 'gray',
};

export function EventTypeBadge({ name, size = 'sm' }: { name: string; size?: 'sm' | 'lg' }) {
  const known = isIntegrationEventName(name);
  return (
    <Badge
      color={known ? EVENT_COLORS[name] : 'gray'}
      variant="light"
      size={size}
      tt="none"
      title={known ? name : `${name} · not an event this console knows`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {eventNameLabel(name)}
    </Badge>
  );
}
