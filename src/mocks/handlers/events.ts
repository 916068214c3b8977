import { http } from 'msw';
import { ORG_BASE, pageQuery, param, query, route, type HandlerOptions } from './route';

const BASE = `${ORG_BASE}/events`;

/** Events (docs/m3ter-api.md §6.4): read-only. */
export function eventHandlers(options: HandlerOptions) {
  return [
    http.get(
      BASE,
      route(options, ({ url, store }) =>
        store.listEvents({
          ...pageQuery(url),
          eventType: query(url, 'eventType'),
          eventName: query(url, 'eventName'),
          accountId: query(url, 'accountId'),
          resourceId: query(url, 'resourceId'),
          notificationId: query(url, 'notificationId'),
          notificationCode: query(url, 'notificationCode'),
          includeActioned: query(url, 'includeActioned'),
          // Repeated (`?ids=a&ids=b`, the spec) or comma-separated (the SDKs): both work.
          ids: url.searchParams.getAll('ids'),
        }),
      ),
    ),
    http.get(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.getEvent(param(params, 'id'))),
    ),
  ];
}
