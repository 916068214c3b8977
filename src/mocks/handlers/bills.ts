import { http } from 'msw';
import { ORG_BASE, param, route, type HandlerOptions } from './route';

/** Bills and Accounts (docs/m3ter-api.md §6.5): read by id only. */
export function billingHandlers(options: HandlerOptions) {
  return [
    http.get(
      `${ORG_BASE}/bills/:id`,
      route(options, ({ params, store }) => store.getBill(param(params, 'id'))),
    ),
    http.get(
      `${ORG_BASE}/accounts/:id`,
      route(options, ({ params, store }) => store.getAccount(param(params, 'id'))),
    ),
  ];
}
