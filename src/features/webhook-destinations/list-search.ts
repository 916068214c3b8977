/**
 * The webhook destinations list's URL (docs/architecture.md §7): free text and the active state. m3ter
 * filters this list only by ids, so both apply to the pages loaded so far; `heal` keeps what a link
 * can mean and says what it dropped.
 */
import type { WebhookDestination } from '../../api';
import type { Healed, HealNote } from '../../lib/link-healing';
import { urlHost } from '../../lib/labels';

export const DESTINATION_STATES = ['active', 'inactive'] as const;
type DestinationState = (typeof DESTINATION_STATES)[number];

export interface DestinationListSearch {
  /** Free text over name, code, URL and id. */
  q?: string;
  state?: DestinationState;
}

const Q_LIMIT = 200;

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

export function healDestinationListSearch(
  raw: Readonly<Record<string, unknown>>,
): Healed<DestinationListSearch> {
  const notes: HealNote[] = [];
  const search: DestinationListSearch = {};
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && key !== 'q' && key !== 'state') {
      notes.push({ text: `Ignored the unknown parameter ${show(key)}.`, param: key });
    }
  }
  if (raw.q !== undefined) {
    const text = typeof raw.q === 'string' ? raw.q.trim() : undefined;
    if (text === undefined) {
      notes.push({ text: `Dropped the search text ${show(raw.q)}: it was not text.`, param: 'q' });
    } else if (text.length > Q_LIMIT) {
      notes.push({
        text: `Dropped the search text ${show(text)}: it is longer than ${Q_LIMIT} characters.`,
        param: 'q',
      });
    } else if (text !== '') {
      search.q = text;
    }
  }
  if (raw.state !== undefined) {
    const state = DESTINATION_STATES.find(
      (s) => typeof raw.state === 'string' && s === raw.state.toLowerCase(),
    );
    if (state) search.state = state;
    else {
      notes.push({
        text: `Dropped the state ${show(raw.state)}: showing active and inactive destinations.`,
        param: 'state',
      });
    }
  }
  return { search, notes };
}

export function filterDestinations(
  destinations: readonly WebhookDestination[],
  search: DestinationListSearch,
): WebhookDestination[] {
  const q = search.q?.toLowerCase();
  return destinations.filter((d) => {
    if (search.state === 'active' && d.active === false) return false;
    if (search.state === 'inactive' && d.active !== false) return false;
    if (!q) return true;
    return [d.name, d.code, d.url, urlHost(d.url), d.id].some((v) => v?.toLowerCase().includes(q));
  });
}
