/** How the events screens show m3ter's integration error events (names in words: src/lib/labels.ts). */
import { INTEGRATION_EVENT_NAMES } from '../../api';
import { EVENT_NAME_LABELS } from '../../lib/labels';

/** The type filter's choices, in m3ter's order. */
export const EVENT_TYPE_CHOICES = INTEGRATION_EVENT_NAMES.map((name) => ({
  value: name,
  label: EVENT_NAME_LABELS[name],
}));
