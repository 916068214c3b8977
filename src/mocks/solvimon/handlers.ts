/**
 * The fake Solvimon over HTTP: MSW handlers that only translate requests into store calls and store
 * answers (or SolvimonStoreError) into responses with Solvimon's `ApiError` body. No Solvimon rule
 * belongs here. The demo's fault switch applies as it does to the fake m3ter.
 */
import { delay, http, HttpResponse, type JsonBodyType, type PathParams } from 'msw';
import type { FaultSettings } from '../demo-controls';
import { drawFault } from '../faults';
import type { ListQuery } from './listing';
import type { SolvimonStore } from './store';
import { SolvimonStoreError, type SolvimonErrorBody } from './store-error';

/**
 * Matches `{anything}/v1/integrations`: the app calls `{SOLVIMON_API_BASE}/v1/…` (`/solvimon` by
 * default) and a proxy test may call it without a prefix.
 */
const BASE = '*/v1/integrations';

export interface SolvimonHandlerOptions {
  /** A function so a reset can swap the store without rebuilding handlers. */
  store: () => SolvimonStore;
  faults?: (() => FaultSettings) | undefined;
  random?: (() => number) | undefined;
}

interface RouteArgs {
  request: Request;
  url: URL;
  id: string;
  store: SolvimonStore;
}

const errorResponse = (status: number, body: SolvimonErrorBody): Response =>
  HttpResponse.json(body, { status });

function route(
  options: SolvimonHandlerOptions,
  fn: (args: RouteArgs) => JsonBodyType | Promise<JsonBodyType>,
  status = 200,
) {
  return async ({ request, params }: { request: Request; params: PathParams }) => {
    const faults = options.faults?.();
    if (faults && faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = faults ? drawFault(faults, options.random) : undefined;
    if (fault) {
      return errorResponse(fault.status, {
        type: 'API_ERROR',
        code: 'INTERNAL_ERROR',
        message: fault.message,
      });
    }
    const raw = params.resourceId;
    const id = typeof raw === 'string' ? raw : (raw?.[0] ?? '');
    try {
      const body = await fn({ request, url: new URL(request.url), id, store: options.store() });
      return HttpResponse.json(body, { status });
    } catch (error) {
      if (error instanceof SolvimonStoreError) return errorResponse(error.status, error.toBody());
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(500, {
        type: 'API_ERROR',
        code: 'INTERNAL_ERROR',
        message: `Internal error in the demo backend: ${message}`,
      });
    }
  };
}

/** The JSON body; undefined when empty, 400 BAD_REQUEST when it is not JSON. */
async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SolvimonStoreError(400, 'BAD_REQUEST', 'Malformed JSON in request body');
  }
}

const listQuery = (url: URL): ListQuery => ({
  limit: url.searchParams.get('limit'),
  page: url.searchParams.get('page'),
  order_by: url.searchParams.get('order_by'),
  order_direction: url.searchParams.get('order_direction'),
});

/** Literal paths come before `:resourceId`, so they are never read as ids. */
export function solvimonHandlers(options: SolvimonHandlerOptions) {
  return [
    http.get(
      `${BASE}/e-invoicing/default-mandates`,
      route(options, ({ url, store }) => store.defaultMandates(listQuery(url))),
    ),
    http.post(
      `${BASE}/test-connection`,
      route(options, async ({ request, url, store }) =>
        store.testConnection(await jsonBody(request), {
          integration_type: url.searchParams.get('integration_type'),
          e_invoicing_processor: url.searchParams.get('e_invoicing_processor'),
          tax_calculation_variant: url.searchParams.get('tax_calculation_variant'),
        }),
      ),
    ),
    http.get(
      BASE,
      route(options, ({ url, store }) => store.list(listQuery(url), url.pathname)),
    ),
    http.post(
      BASE,
      route(options, async ({ request, store }) => store.create(await jsonBody(request)), 201),
    ),
    http.get(
      `${BASE}/:resourceId`,
      route(options, ({ id, store }) => store.get(id)),
    ),
    http.patch(
      `${BASE}/:resourceId`,
      route(options, async ({ request, id, store }) => store.update(id, await jsonBody(request))),
    ),
    http.delete(
      `${BASE}/:resourceId`,
      route(options, ({ id, store }) => store.remove(id)),
    ),
    http.post(
      `${BASE}/:resourceId/activate`,
      route(options, ({ id, store }) => store.activate(id)),
    ),
    http.post(
      `${BASE}/:resourceId/deprecate`,
      route(options, ({ id, store }) => store.deprecate(id)),
    ),
    http.post(
      `${BASE}/:resourceId/archive`,
      route(options, ({ id, store }) => store.archive(id)),
    ),
    // Anything else under the integrations path is an endpoint this fake does not have: answer in
    // Solvimon's shape rather than letting it fall through to the dev server's HTML.
    http.all(`${BASE}/*`, ({ request }) =>
      errorResponse(404, {
        type: 'INVALID_REQUEST',
        code: 'RESOURCE_NOT_FOUND',
        message: `Not found: ${request.method} ${new URL(request.url).pathname}`,
      }),
    ),
  ];
}
