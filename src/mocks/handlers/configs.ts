import { http } from 'msw';
import { jsonBody, ORG_BASE, pageQuery, param, query, route, type HandlerOptions } from './route';

const BASE = `${ORG_BASE}/integrationconfigs`;

/** IntegrationConfigs (docs/m3ter-api.md §3). Literal segments come before `:id` so they are never read as ids. */
export function configHandlers(options: HandlerOptions) {
  return [
    http.get(
      `${BASE}/available/systems`,
      route(options, ({ url, store }) =>
        store.availableSystems({ entityType: query(url, 'entityType') }),
      ),
    ),
    http.get(
      `${BASE}/entity/:entityType`,
      route(options, ({ url, params, store }) =>
        store.getConfigByEntity(param(params, 'entityType'), {
          ...pageQuery(url),
          entityId: query(url, 'entityId'),
          destination: query(url, 'destination'),
          destinationId: query(url, 'destinationId'),
        }),
      ),
    ),
    http.get(
      BASE,
      route(options, ({ url, store }) =>
        store.listConfigs({ ...pageQuery(url), destinationId: query(url, 'destinationId') }),
      ),
    ),
    http.post(
      BASE,
      route(options, async ({ request, store }) => store.createConfig(await jsonBody(request))),
    ),
    http.post(
      `${BASE}/:id/enable`,
      route(options, ({ params, store }) => store.enableConfig(param(params, 'id'))),
    ),
    http.get(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.getConfig(param(params, 'id'))),
    ),
    http.put(
      `${BASE}/:id`,
      route(options, async ({ request, params, store }) =>
        store.updateConfig(param(params, 'id'), await jsonBody(request)),
      ),
    ),
    http.delete(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.deleteConfig(param(params, 'id'))),
    ),
  ];
}
