import { http } from 'msw';
import { jsonBody, ORG_BASE, pageQuery, param, query, route, type HandlerOptions } from './route';

const BASE = `${ORG_BASE}/integrationdestinations/webhooks`;

/** Webhook destinations (docs/m3ter-api.md §6.1). `/:id/active` comes before `/:id`. */
export function webhookDestinationHandlers(options: HandlerOptions) {
  return [
    http.get(
      BASE,
      route(options, ({ url, store }) =>
        store.listWebhookDestinations({ ...pageQuery(url), ids: url.searchParams.getAll('ids') }),
      ),
    ),
    http.post(
      BASE,
      route(options, async ({ request, store }) =>
        store.createWebhookDestination(await jsonBody(request)),
      ),
    ),
    http.put(
      `${BASE}/:id/active`,
      route(options, ({ url, params, store }) =>
        store.setWebhookDestinationActive(param(params, 'id'), query(url, 'active')),
      ),
    ),
    http.get(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.getWebhookDestination(param(params, 'id'))),
    ),
    http.put(
      `${BASE}/:id`,
      route(options, async ({ request, params, store }) =>
        store.updateWebhookDestination(param(params, 'id'), await jsonBody(request)),
      ),
    ),
    http.delete(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.deleteWebhookDestination(param(params, 'id'))),
    ),
  ];
}
