import { http } from 'msw';
import { ORG_BASE, pageQuery, param, query, route, type HandlerOptions } from './route';

const BASE = `${ORG_BASE}/integrationruns`;

function runQuery(url: URL) {
  return {
    ...pageQuery(url),
    status: query(url, 'status'),
    startDate: query(url, 'startDate'),
    endDate: query(url, 'endDate'),
    order: query(url, 'order'),
  };
}

/**
 * IntegrationRuns (docs/m3ter-api.md §4). The paths overlap (§4.7): MSW tries handlers in order, so the
 * literal segments `logs`, `destinations` and `latest` are registered before `{entityType}/{entityId}`
 * and `{id}`.
 */
export function runHandlers(options: HandlerOptions) {
  return [
    http.get(
      `${BASE}/logs/:id`,
      route(options, ({ params, store }) => store.runLog(param(params, 'id'))),
    ),
    http.get(
      `${BASE}/destinations/:destinationId`,
      route(options, ({ url, params, store }) =>
        store.listRunsForDestination(param(params, 'destinationId'), {
          ...runQuery(url),
          destination: query(url, 'destination'),
        }),
      ),
    ),
    http.get(
      `${BASE}/:entityType/latest/:id`,
      route(options, ({ params, store }) =>
        store.latestRun(param(params, 'entityType'), param(params, 'id')),
      ),
    ),
    // The spec declares one run; docs/m3ter-api.md §4.4 expects an array for several ids, which is what this
    // fake returns (one latest run per id that has runs).
    http.get(
      `${BASE}/:entityType/latest`,
      route(options, ({ url, params, store }) =>
        store.latestRuns(param(params, 'entityType'), url.searchParams.getAll('ids')),
      ),
    ),
    http.get(
      `${BASE}/:entityType/:entityId`,
      route(options, ({ url, params, store }) =>
        store.listRunsForEntity(
          param(params, 'entityType'),
          param(params, 'entityId'),
          runQuery(url),
        ),
      ),
    ),
    http.get(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.getRun(param(params, 'id'))),
    ),
  ];
}
