import { http, type RequestHandler } from 'msw';
import { configHandlers } from './configs';
import { mappingHandlers } from './mappings';
import { errorResponse, ORG_BASE, type HandlerOptions } from './route';
import { runHandlers } from './runs';

export type { HandlerOptions } from './route';

/**
 * Every fake m3ter endpoint, over the store `options.store()` returns. Used by the browser worker,
 * by Vitest's `setupServer`, and (via msw's `getResponse(handlers, request)`) by a plain Node HTTP
 * server acting as a fake upstream.
 */
export function createHandlers(options: HandlerOptions): RequestHandler[] {
  return [
    ...configHandlers(options),
    ...runHandlers(options),
    ...mappingHandlers(options),
    // Anything else under an organisation is an endpoint this fake does not implement: answer like
    // m3ter would (404 + message) rather than letting it fall through to the dev server's HTML.
    http.all(`${ORG_BASE}/*`, ({ request }) =>
      errorResponse(404, `Not found: ${request.method} ${new URL(request.url).pathname}`),
    ),
  ];
}
