/**
 * Crafted integration events for the events screens' tests, and MSW handlers that serve them: each
 * test says exactly what m3ter returns, so each follow-up can be checked against its own event.
 */
import { http, HttpResponse } from 'msw';
import type { M3terEvent } from '../../api';

export const EVENTS_URL = '*/organizations/:orgId/events';
export const EVENT_URL = '*/organizations/:orgId/events/:id';
export const ACCOUNT_URL = '*/organizations/:orgId/accounts/:id';

export const IDS = {
  run: 'f1a00001-0000-4000-8000-00000000c001',
  bill: 'b1000008-d372-4fc1-8c88-00000000b008',
  account: 'a0000009-0000-4000-8000-000000000009',
  otherAccount: 'a0000001-0000-4000-8000-000000000001',
} as const;

const MINUTE = 60_000;

let counter = 0;

/** An event `minutesAgo` before now, with an id that sorts with its age. */
export function crafted(
  eventName: string,
  m3terEvent: unknown,
  options: { minutesAgo?: number; dtActioned?: string; id?: string } = {},
): M3terEvent {
  counter += 1;
  const id =
    options.id ?? `e0000000-0000-4000-8000-${String(counter).padStart(12, '0').slice(-12)}`;
  return {
    id,
    eventName,
    eventTime: new Date(Date.now() - (options.minutesAgo ?? counter) * MINUTE).toISOString(),
    ...(options.dtActioned ? { dtActioned: options.dtActioned } : {}),
    m3terEvent,
  };
}

/** What the list handler saw: each request's query parameters. */
export type SeenRequests = URLSearchParams[];

/**
 * `GET /events` over `pages` (the first without a token, then `p2`, `p3`…); every request's
 * parameters are pushed to `seen`.
 */
export function eventsHandler(pages: readonly (readonly M3terEvent[])[], seen: SeenRequests = []) {
  return http.get(EVENTS_URL, ({ request }) => {
    const params = new URL(request.url).searchParams;
    seen.push(params);
    const token = params.get('nextToken');
    const index = token ? Number(token.slice(1)) - 1 : 0;
    const data = pages[index] ?? [];
    const nextToken = index + 1 < pages.length ? `p${index + 2}` : undefined;
    return HttpResponse.json({ data, ...(nextToken ? { nextToken } : {}) });
  });
}

/** `GET /events/{id}` answering with the given events, 404 for any other id. */
export function eventHandler(events: readonly M3terEvent[]) {
  return http.get(EVENT_URL, ({ params }) => {
    const found = events.find((e) => e.id === params.id);
    return found
      ? HttpResponse.json(found)
      : HttpResponse.json({ message: `Event ${String(params.id)} not found` }, { status: 404 });
  });
}

/** `GET /accounts/{id}` naming the given accounts, 404 for any other. */
export function accountHandler(names: Readonly<Record<string, string>>) {
  return http.get(ACCOUNT_URL, ({ params }) => {
    const id = String(params.id);
    const name = names[id];
    return name
      ? HttpResponse.json({ id, name, code: name.toLowerCase().replace(/\W+/g, '-') })
      : HttpResponse.json({ message: `Account ${id} not found` }, { status: 404 });
  });
}
