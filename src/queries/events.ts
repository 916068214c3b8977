/**
 * Integration events: the one set of query options for every screen that shows m3ter's events (the
 * inbox, its detail, the home page). Read-only: m3ter's API cannot mark an event actioned.
 *
 * `GET /events` filters by name, account and "include actioned" but not by date, so a date range is
 * applied here, to pages m3ter returns newest first (docs/m3ter-api.md §6.4): reading stops at the
 * first event older than the range.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  eventsApi,
  EVENTS_MAX_PAGE_SIZE,
  INTEGRATION_EVENT_TYPE,
  type EventFilters,
  type IntegrationEventName,
  type InvalidRow,
  type M3terEvent,
} from '../api';
import { resolveRunWindow, type RangeChoice, type RunWindow } from '../lib/date-range';

/** What the inbox shows (the query key's last part). */
export interface EventListFilters {
  /** One of the five, or every integration error event. */
  eventName?: IntegrationEventName;
  accountId?: string;
  includeActioned: boolean;
  range: RangeChoice;
  from?: string;
  to?: string;
}

/** Events added to the list per "load more". */
const EVENTS_PER_PAGE = 50;
/** m3ter calls per "load more" at most, so a narrow range over a long history cannot hang. */
const MAX_CALLS_PER_PAGE = 10;

export interface EventsPageParam {
  window: RunWindow;
  nextToken: string;
}

export interface EventsPage {
  events: M3terEvent[];
  next: EventsPageParam | undefined;
  /** m3ter calls this page took (more than one when the range skipped events). */
  calls: number;
  /** Events m3ter sent that did not parse (left out of `events`); absent when none. */
  invalid?: InvalidRow[];
}

type Position = 'after' | 'inside' | 'before';

/** Where an event falls against the window; `before` means older than its start. */
function positionOf(event: M3terEvent, window: RunWindow): Position {
  const t = Date.parse(event.eventTime);
  if (window.endDate && t > Date.parse(window.endDate)) return 'after';
  if (window.startDate && t < Date.parse(window.startDate)) return 'before';
  return 'inside';
}

function apiFilters(filters: EventListFilters): EventFilters {
  return {
    eventType: INTEGRATION_EVENT_TYPE,
    ...(filters.eventName ? { eventName: filters.eventName } : {}),
    ...(filters.accountId ? { accountId: filters.accountId } : {}),
    includeActioned: filters.includeActioned,
    pageSize: EVENTS_MAX_PAGE_SIZE,
  };
}

async function fetchEventsPage(
  filters: EventListFilters,
  param: EventsPageParam | null,
  signal: AbortSignal,
): Promise<EventsPage> {
  const window = param?.window ?? resolveRunWindow(filters, Date.now());
  const events: M3terEvent[] = [];
  const invalid: InvalidRow[] = [];
  const withInvalid = (page: EventsPage): EventsPage =>
    invalid.length > 0 ? { ...page, invalid } : page;
  let nextToken = param?.nextToken;
  let calls = 0;
  while (calls < MAX_CALLS_PER_PAGE) {
    const page = await eventsApi.list(
      { ...apiFilters(filters), ...(nextToken ? { nextToken } : {}) },
      { signal },
    );
    calls += 1;
    nextToken = page.nextToken || undefined;
    if (page.invalid) invalid.push(...page.invalid);
    for (const event of page.data) {
      const position = positionOf(event, window);
      if (position === 'before') return withInvalid({ events, next: undefined, calls });
      if (position === 'inside') events.push(event);
    }
    if (!nextToken || events.length >= EVENTS_PER_PAGE) break;
  }
  return withInvalid({ events, next: nextToken ? { window, nextToken } : undefined, calls });
}

/** How far back the home page looks. */
export const RECENT_DAYS = 14;
/** 20 × 100 events: more than two weeks of failures in any organisation that still bills. */
const RECENT_MAX_CALLS = 20;

export interface RecentEvents {
  /** Integration error events of the last RECENT_DAYS days, actioned or not, newest first. */
  events: M3terEvent[];
  /** When the events were read: the "now" every figure is counted from. */
  readAt: number;
  /** True when the bound stopped reading before RECENT_DAYS were covered. */
  truncated: boolean;
}

async function fetchRecentEvents(signal: AbortSignal): Promise<RecentEvents> {
  const readAt = Date.now();
  const since = readAt - RECENT_DAYS * 24 * 3_600_000;
  const events: M3terEvent[] = [];
  let nextToken: string | undefined;
  for (let calls = 0; calls < RECENT_MAX_CALLS; calls++) {
    const page = await eventsApi.list(
      {
        eventType: INTEGRATION_EVENT_TYPE,
        includeActioned: true,
        pageSize: EVENTS_MAX_PAGE_SIZE,
        ...(nextToken ? { nextToken } : {}),
      },
      { signal },
    );
    nextToken = page.nextToken || undefined;
    for (const event of page.data) {
      if (Date.parse(event.eventTime) < since) return { events, readAt, truncated: false };
      events.push(event);
    }
    if (!nextToken) return { events, readAt, truncated: false };
  }
  return { events, readAt, truncated: true };
}

export const eventQueries = {
  all: () => ['events'] as const,
  lists: () => [...eventQueries.all(), 'list'] as const,
  list: (filters: EventListFilters) =>
    infiniteQueryOptions({
      queryKey: [...eventQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) => fetchEventsPage(filters, pageParam, signal),
      initialPageParam: null as EventsPageParam | null,
      getNextPageParam: (lastPage: EventsPage) => lastPage.next,
      placeholderData: keepPreviousData,
    }),
  /** The last RECENT_DAYS days, for the home page's figures and chart. */
  recent: () =>
    queryOptions({
      queryKey: [...eventQueries.all(), 'recent'] as const,
      queryFn: ({ signal }) => fetchRecentEvents(signal),
    }),
  details: () => [...eventQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...eventQueries.details(), id] as const,
      queryFn: ({ signal }) => eventsApi.get(id, { signal }),
    }),
};
