/**
 * URL state of the integration events list (docs/architecture.md §7). Other screens (the home page)
 * link here, so these names are a contract:
 *
 * `/events`
 * - `eventName`: one of the five integration error events (INTEGRATION_EVENT_NAMES); absent = all
 * - `range`: `24h` | `7d` | `30d` | `custom` (absent = any time); `from`, `to`: ISO instants, only
 *   with `range=custom` (the event's time is after `from` and up to `to`)
 * - `accountId`: an m3ter Account UUID
 * - `includeActioned=true`: also events already actioned (absent = only those not yet actioned)
 *
 * A bad or old link heals (`healEventsSearch`, through src/lib/link-healing.ts): what the list cannot
 * use is dropped with a note, the address bar is rewritten to what is shown. A dropped account id
 * keeps its text in the note (`value`), so the filter can put it back in its input with the reason.
 */
import { INTEGRATION_EVENT_NAMES, isUuid, type IntegrationEventName } from '../../api';
import { noteValue, toIsoInstant, type Healed, type HealNote } from '../../lib/link-healing';
import { shortId } from '../../lib/labels';
import type { EventListFilters } from '../../queries/events';
import { RANGE_PRESETS, type RangeChoice, type RangePreset } from '../../lib/date-range';
import { EVENT_NAME_LABELS, RANGE_LABELS } from '../../lib/labels';

export interface EventsSearch {
  eventName?: IntegrationEventName;
  range?: RangePreset | 'custom';
  from?: string;
  to?: string;
  accountId?: string;
  includeActioned?: true;
}

const KNOWN_KEYS = ['eventName', 'range', 'from', 'to', 'accountId', 'includeActioned'] as const;
type Key = (typeof KNOWN_KEYS)[number];

/** Hand-written spellings that still mean something. */
const ALIASES: Record<string, Key> = {
  type: 'eventName',
  account: 'accountId',
  actioned: 'includeActioned',
  startDate: 'from',
  endDate: 'to',
};

/** `integration.perform.error`, or its short form `perform`, in any case. */
function parseEventName(value: unknown): IntegrationEventName | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return INTEGRATION_EVENT_NAMES.find(
    (name) => name === text || name === `integration.${text}.error`,
  );
}

/**
 * Turns whatever the URL holds into the canonical search of what the list shows and says what it
 * dropped (a `HealSearch`, see src/lib/link-healing.ts). Pure and idempotent.
 */
export function healEventsSearch(raw: Readonly<Record<string, unknown>>): Healed<EventsSearch> {
  const notes: HealNote[] = [];
  const note = (text: string, param: string, value?: string) => {
    notes.push(value === undefined ? { text, param } : { text, param, value });
  };
  const input: Partial<Record<Key, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if ((KNOWN_KEYS as readonly string[]).includes(key)) input[key as Key] = value;
    else if (key in ALIASES) {
      const target = ALIASES[key] as Key;
      if (!(target in raw)) input[target] = value;
    } else note(`Ignored the unknown parameter “${noteValue(key)}”.`, key);
  }

  const search: EventsSearch = {};

  if (input.eventName !== undefined && input.eventName !== '') {
    const name = parseEventName(input.eventName);
    if (name) search.eventName = name;
    else {
      note(
        `Dropped the event type “${noteValue(input.eventName)}”: it is not an integration error event. Showing every type.`,
        'eventName',
      );
    }
  }

  let range: RangeChoice = 'all';
  const legacyDates = ('startDate' in raw || 'endDate' in raw) && input.range === undefined;
  if (input.range !== undefined && input.range !== 'all' && input.range !== '') {
    const given = typeof input.range === 'string' ? input.range.toLowerCase() : input.range;
    const known = [...RANGE_PRESETS, 'custom' as const].find((r) => r === given);
    if (known) range = known;
    else note(`Dropped the date range “${noteValue(input.range)}”: showing any time.`, 'range');
  } else if (legacyDates) {
    range = 'custom';
  }
  if (range === 'custom') {
    let from: string | undefined;
    let to: string | undefined;
    for (const key of ['from', 'to'] as const) {
      if (input[key] === undefined || input[key] === '') continue;
      const iso = toIsoInstant(input[key]);
      if (iso === null)
        note(`Dropped the ${key} date “${noteValue(input[key])}”: it is not a date.`, key);
      else if (key === 'from') from = iso;
      else to = iso;
    }
    if (from && to && Date.parse(from) > Date.parse(to)) {
      note('Dropped the custom dates: the start was after the end. Showing any time.', 'range');
    } else if (from || to) {
      search.range = 'custom';
      if (from) search.from = from;
      if (to) search.to = to;
    } else if (input.range !== undefined) {
      note('Dropped the custom range: it had no usable dates. Showing any time.', 'range');
    }
  } else {
    if (range !== 'all') search.range = range;
    if (input.from !== undefined || input.to !== undefined) {
      note('Dropped the from/to dates: they only apply to a custom range.', 'range');
    }
  }

  if (input.accountId !== undefined && input.accountId !== '') {
    const text =
      typeof input.accountId === 'string' || typeof input.accountId === 'number'
        ? String(input.accountId).trim()
        : '';
    if (isUuid(text.toLowerCase())) search.accountId = text.toLowerCase();
    else {
      note(
        `Dropped the account “${noteValue(input.accountId)}”: it is not an m3ter Account id.`,
        'accountId',
        text ? text.slice(0, 200) : undefined,
      );
    }
  }

  if (input.includeActioned !== undefined) {
    const value = input.includeActioned;
    if (value === true || value === 'true' || value === 1 || value === '1') {
      search.includeActioned = true;
    } else if (!(value === false || value === 'false' || value === 0 || value === '0')) {
      note(
        `Dropped “include actioned” “${noteValue(value)}”: showing only events not yet actioned.`,
        'includeActioned',
      );
    }
  }

  return { search, notes };
}

/** What the list query is asked (its key's last part), defaults filled in. */
export function toEventFilters(search: EventsSearch): EventListFilters {
  const filters: EventListFilters = {
    includeActioned: search.includeActioned === true,
    range: search.range ?? 'all',
  };
  if (search.eventName) filters.eventName = search.eventName;
  if (search.accountId) filters.accountId = search.accountId;
  if (search.range === 'custom') {
    if (search.from) filters.from = search.from;
    if (search.to) filters.to = search.to;
  }
  return filters;
}

/** Whether anything narrows the list beyond the default (every type, any time, not actioned). */
export function isFiltered(search: EventsSearch): boolean {
  return Boolean(search.eventName || search.range || search.accountId);
}

/**
 * The filters in words, for the empty list and the count: "perform errors, in the last 7 days, of
 * Account Acme Corp, not yet actioned". `accountName` names the account when it is known.
 */
export function describeEventFilters(search: EventsSearch, accountName?: string): string {
  const parts: string[] = [];
  parts.push(
    search.eventName ? `of type “${EVENT_NAME_LABELS[search.eventName]}”` : 'of every type',
  );
  if (search.range === 'custom') {
    const day = (iso: string) => iso.replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
    if (search.from && search.to) parts.push(`between ${day(search.from)} and ${day(search.to)}`);
    else if (search.from) parts.push(`after ${day(search.from)}`);
    else if (search.to) parts.push(`up to ${day(search.to)}`);
  } else if (search.range) {
    parts.push(`in the ${RANGE_LABELS[search.range].toLowerCase()}`);
  }
  if (search.accountId) {
    parts.push(`for Account ${accountName ?? shortId(search.accountId)}`);
  }
  parts.push(search.includeActioned ? 'actioned or not' : 'not yet actioned');
  return parts.join(', ');
}
