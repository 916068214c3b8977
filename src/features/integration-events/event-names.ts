/** How the events screens show m3ter's integration error events (names in words: src/lib/labels.ts). */
import { INTEGRATION_EVENT_NAMES, type IntegrationEventName } from '../../api';
import { EVENT_NAME_LABELS } from '../../lib/labels';

/** The badge colour of each type; an unknown name is grey. */
export const EVENT_COLORS: Record<IntegrationEventName, string> = {
  'integration.validation.error': 'orange',
  'integration.missingaccountmapping.error': 'grape',
  'integration.authentication.error': 'red',
  'integration.perform.error': 'pink',
  'integration.disabled.error': 'gray',
};

/** The type filter's choices, in m3ter's order. */
export const EVENT_TYPE_CHOICES = INTEGRATION_EVENT_NAMES.map((name) => ({
  value: name,
  label: EVENT_NAME_LABELS[name],
}));
