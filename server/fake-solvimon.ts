/**
 * A fake Solvimon API over real HTTP, for the Solvimon proxy's tests, the live e2e journey and trying
 * Solvimon's live mode locally (fake-solvimon-cli.ts). It behaves like Solvimon where the proxy depends
 * on it:
 * - every request needs `X-API-KEY` equal to the configured key: none or another → 401 with Solvimon's
 *   `ApiError` body (`UNAUTHORISED`);
 * - then the request goes to the console's fake Solvimon (src/mocks/solvimon: the store with the rules
 *   of docs/solvimon-api.md §6 and its MSW handlers, the demo's own) through msw's `getResponse`, as
 *   `http://fake-solvimon/v1/integrations…`; anything else is 404 `RESOURCE_NOT_FOUND`.
 * It records what it received (fake-http.ts), so tests can check what the proxy forwarded: the key, the
 * platform id, and nothing of the browser's.
 */
import type { RequestHandler } from 'msw';
import {
  answerFromHandlers,
  header,
  importFromSrc,
  sameText,
  startFakeHttpServer,
  type FakeHttpServer,
  type RecordedRequest,
  type UpstreamOverride,
} from './fake-http.ts';

export interface FakeSolvimonOptions {
  apiKey: string;
  /** The fake Solvimon's handlers; `loadFakeSolvimonHandlers()` gives a freshly seeded one. */
  handlers: RequestHandler[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

export type FakeSolvimon = FakeHttpServer;

export async function startFakeSolvimon(options: FakeSolvimonOptions): Promise<FakeSolvimon> {
  async function handle(
    recorded: RecordedRequest,
    override: UpstreamOverride | undefined,
  ): Promise<Response> {
    if (!sameText(header(recorded, 'x-api-key'), options.apiKey)) {
      return Response.json(
        {
          type: 'INVALID_REQUEST',
          code: 'UNAUTHORISED',
          message: 'Missing or invalid API key (X-API-KEY)',
        },
        { status: 401 },
      );
    }
    const overridden = await override?.(recorded);
    if (overridden) return overridden;
    const response = await answerFromHandlers(options.handlers, 'http://fake-solvimon', recorded);
    const path = recorded.url.split('?')[0] ?? '/';
    return (
      response ??
      Response.json(
        {
          type: 'INVALID_REQUEST',
          code: 'RESOURCE_NOT_FOUND',
          message: `Not found: ${recorded.method} ${path}`,
        },
        { status: 404 },
      )
    );
  }

  return startFakeHttpServer({
    name: 'Fake Solvimon',
    handle,
    host: options.host,
    port: options.port,
  });
}

/**
 * The fake Solvimon's handlers (src/mocks/solvimon/handlers.ts) over a freshly seeded in-memory store
 * (store.ts): the demo's data and rules, without its fault switch.
 */
export async function loadFakeSolvimonHandlers(): Promise<RequestHandler[]> {
  const [{ solvimonHandlers }, { createSolvimonStore }] = await Promise.all([
    importFromSrc('mocks/solvimon/handlers.ts'),
    importFromSrc('mocks/solvimon/store.ts'),
  ]);
  if (typeof solvimonHandlers !== 'function' || typeof createSolvimonStore !== 'function') {
    throw new Error(
      'src/mocks/solvimon no longer exports solvimonHandlers() (handlers.ts) and createSolvimonStore() (store.ts)',
    );
  }
  const store: unknown = (createSolvimonStore as () => unknown)();
  const handlers: unknown = (solvimonHandlers as (options: { store: () => unknown }) => unknown)({
    store: () => store,
  });
  if (!Array.isArray(handlers)) throw new Error('solvimonHandlers() returned no handlers');
  return handlers as RequestHandler[];
}
