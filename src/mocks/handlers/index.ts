import { http, type RequestHandler } from 'msw';
import { solvimonHandlers } from '../solvimon/handlers';
import type { SolvimonStore } from '../solvimon/store';
import { billingHandlers } from './bills';
import { configHandlers } from './configs';
import { eventHandlers } from './events';
import { mappingHandlers } from './mappings';
import { errorResponse, ORG_BASE, type HandlerOptions } from './route';
import { runHandlers } from './runs';
import { webhookDestinationHandlers } from './webhook-destinations';

export type { HandlerOptions } from './route';

/**
 * Every fake m3ter endpoint, over the store `options.store()` returns, and the fake Solvimon's beside
 * them when `options.solvimonStore` is given (same fault switch). Used by the browser worker, by
 * Vitest's `setupServer`, and (via msw's `getResponse(handlers, request)`) by a plain Node HTTP server
 * acting as a fake upstream.
 */
export function createHandlers(
  options: HandlerOptions & { solvimonStore?: () => SolvimonStore },
): RequestHandler[] {
  const { solvimonStore } = options;
  return [
    ...configHandlers(options),
    ...runHandlers(options),
    ...mappingHandlers(options),
    ...eventHandlers(options),
    ...billingHandlers(options),
    ...webhookDestinationHandlers(options),
    ...(solvimonStore
      ? solvimonHandlers({ store: solvimonStore, faults: options.faults, random: options.random })
      : []),
    // Anything else under an organisation is an endpoint this fake does not implement: answer like
    // m3ter would (404 + message) rather than letting it fall through to the dev server's HTML.
    http.all(`${ORG_BASE}/*`, ({ request }) =>
      errorResponse(404, `Not found: ${request.method} ${new URL(request.url).pathname}`),
    ),
  ];
}
