/**
 * The events queries' fetch logic (src/queries/events.ts) against the fake m3ter's handlers: the date
 * range is applied to m3ter's newest-first pages, several m3ter pages may fill one list page, and the
 * filters reach m3ter as the console sends them. The clock is the seed's anchor, so ranges like "last
 * 24 hours" cover the seeded events.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../mocks/node';
import { SEED_ANCHOR, SEED_IDS, seedEvents, type SeedEvent } from '../mocks/seed';
import {
  eventQueries,
  RECENT_DAYS,
  type EventListFilters,
  type EventsPage,
  type EventsPageParam,
  type RecentEvents,
} from './events';

const anchorMs = Date.parse(SEED_ANCHOR);
const HOUR = 3_600_000;
const all = seedEvents(SEED_ANCHOR);
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((e) => e.id);

let requests: URL[] = [];
const onRequest = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/events')) requests.push(url);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(anchorMs);
  requests = [];
  server.events.on('request:start', onRequest);
});
afterEach(() => {
  server.events.removeListener('request:start', onRequest);
  vi.useRealTimers();
});

/** One list page, as the infinite query's queryFn fetches it. */
function fetchPage(filters: EventListFilters, pageParam: EventsPageParam | null = null) {
  const queryFn = eventQueries.list(filters).queryFn as unknown as (context: {
    pageParam: EventsPageParam | null;
    signal: AbortSignal;
  }) => Promise<EventsPage>;
  return queryFn({ pageParam, signal: new AbortController().signal });
}

const within = (list: readonly SeedEvent[], from: number, to = Infinity) =>
  list.filter((e) => Date.parse(e.eventTime) >= from && Date.parse(e.eventTime) <= to);

describe('eventQueries.list', () => {
  it('stops reading at the first event older than the range', async () => {
    const expected = within(all, anchorMs - 24 * HOUR);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(100);
    const page = await fetchPage({ includeActioned: true, range: '24h' });
    expect(ids(page.events)).toEqual(ids(expected));
    expect(page.next).toBeUndefined();
    expect(page.calls).toBe(1);
    expect(requests).toHaveLength(1);
  });

  it('walks several m3ter pages to fill one, and continues where it stopped', async () => {
    const from = anchorMs - 25 * 24 * HOUR;
    const to = anchorMs - 6 * 24 * HOUR;
    // Precondition: the first m3ter page (100 events) is all newer than the range.
    expect(all.filter((e) => Date.parse(e.eventTime) > to).length).toBeGreaterThan(100);
    const filters: EventListFilters = {
      includeActioned: true,
      range: 'custom',
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    };
    const expected = within(all, from, to);

    const first = await fetchPage(filters);
    expect(first.calls).toBeGreaterThan(1);
    expect(requests.filter((u) => u.searchParams.has('nextToken')).length).toBe(first.calls - 1);
    expect(first.events.length).toBeGreaterThan(0);
    expect(ids(first.events)).toEqual(ids(expected.slice(0, first.events.length)));

    let loaded = first.events;
    let next = first.next;
    for (let n = 0; next && n < 20; n++) {
      const page = await fetchPage(filters, next);
      loaded = [...loaded, ...page.events];
      next = page.next;
    }
    expect(ids(loaded)).toEqual(ids(expected));
  });

  it('passes includeActioned, the event name and the account through to m3ter', async () => {
    const open = await fetchPage({ includeActioned: false, range: 'all' });
    expect(open.events.length).toBeGreaterThan(0);
    expect(open.events.every((e) => e.dtActioned == null)).toBe(true);
    const withActioned = await fetchPage({ includeActioned: true, range: 'all' });
    expect(withActioned.events.some((e) => e.dtActioned != null)).toBe(true);
    expect(requests.map((u) => u.searchParams.get('includeActioned'))).toEqual(
      expect.arrayContaining(['false', 'true']),
    );
    for (const url of requests) {
      expect(url.searchParams.get('eventType')).toBe('IntegrationEvent');
      expect(url.searchParams.get('pageSize')).toBe('100');
    }

    requests = [];
    const named = await fetchPage({
      includeActioned: true,
      range: 'all',
      eventName: 'integration.missingaccountmapping.error',
      accountId: SEED_IDS.accounts.vandelay,
    });
    expect(ids(named.events)).toContain(SEED_IDS.events.missingMapping);
    expect(
      named.events.every((e) => e.eventName === 'integration.missingaccountmapping.error'),
    ).toBe(true);
    expect(requests[0]?.searchParams.get('eventName')).toBe(
      'integration.missingaccountmapping.error',
    );
    expect(requests[0]?.searchParams.get('accountId')).toBe(SEED_IDS.accounts.vandelay);
  });
});

describe('eventQueries.recent', () => {
  it('reads the last RECENT_DAYS days, actioned or not, newest first', async () => {
    const queryFn = eventQueries.recent().queryFn as unknown as (context: {
      signal: AbortSignal;
    }) => Promise<RecentEvents>;
    const recent = await queryFn({ signal: new AbortController().signal });
    expect(recent.truncated).toBe(false);
    expect(recent.readAt).toBe(anchorMs);
    expect(ids(recent.events)).toEqual(ids(within(all, anchorMs - RECENT_DAYS * 24 * HOUR)));
    expect(requests.every((u) => u.searchParams.get('includeActioned') === 'true')).toBe(true);
  });
});

describe('eventQueries.detail', () => {
  it('gets one event', async () => {
    const queryFn = eventQueries.detail(SEED_IDS.events.perform).queryFn as unknown as (context: {
      signal: AbortSignal;
    }) => Promise<SeedEvent>;
    const event = await queryFn({ signal: new AbortController().signal });
    expect(event.eventName).toBe('integration.perform.error');
  });
});
