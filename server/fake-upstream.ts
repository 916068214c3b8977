/**
 * A fake m3ter API over real HTTP, for the proxy's tests and for trying live mode locally
 * (fake-upstream-cli.ts). It behaves like m3ter where the proxy depends on it:
 * - `POST /oauth/token` checks Basic auth against the given key id and secret and issues random
 *   tokens that expire after `tokenLifetimeSeconds` (by the injectable clock; 18,000 s by default,
 *   m3ter's 5 hours, so SDKs that renew 5 minutes early keep their token); `setTokenOverride` lets a
 *   test answer instead (a 429, a redirect, a slow exchange);
 * - every other path needs `Authorization: Bearer <issued token>`: none or unknown → 401, expired or
 *   revoked → 403 `{"message":"Forbidden"}` (m3ter answers an expired token with 403), another
 *   organisation → 403;
 * - then the request goes to the console's fake m3ter (src/mocks: the store with m3ter's rules and its
 *   MSW handlers) through msw's `getResponse`, as `http://fake-m3ter/organizations/…`.
 * It records what it received, so tests can check what the proxy forwarded (fake-http.ts, shared with
 * the fake Solvimon).
 */
import { randomBytes } from 'node:crypto';
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

export interface FakeUpstreamOptions {
  accessKeyId: string;
  apiSecret: string;
  /** Requests for other organisations get 403; any organisation is served when omitted. */
  orgId?: string;
  tokenLifetimeSeconds?: number;
  now?: () => number;
  /** The fake m3ter's handlers; `loadFakeM3terHandlers()` gives a freshly seeded one. */
  handlers: RequestHandler[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface FakeUpstream extends FakeHttpServer {
  /** Every request, token exchanges included, oldest first. */
  requests: RecordedRequest[];
  /** Tokens issued so far, oldest first. */
  issuedTokens: string[];
  tokenRequestCount(): number;
  /** Answers `/oauth/token` instead of the fake when it returns a Response. */
  setTokenOverride(override: UpstreamOverride | undefined): void;
  apiRequestCount(): number;
  /** Makes every issued token answer 403 from now on, as expiry or revocation at m3ter would. */
  revokeAllTokens(): void;
}

/** m3ter's token lifetime: 5 hours. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 18_000;

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const now = options.now ?? Date.now;
  const lifetimeMs = (options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
  const expected = Buffer.from(`${options.accessKeyId}:${options.apiSecret}`).toString('base64');
  const tokens = new Map<string, number>();
  const issuedTokens: string[] = [];
  let tokenOverride: UpstreamOverride | undefined;

  async function handle(
    recorded: RecordedRequest,
    override: UpstreamOverride | undefined,
  ): Promise<Response> {
    const path = recorded.url.split('?')[0] ?? '/';
    if (path === '/oauth/token')
      return (await tokenOverride?.(recorded)) ?? tokenEndpoint(recorded);

    const token = /^Bearer (.+)$/.exec(header(recorded, 'authorization'))?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    if (expiresAt === undefined) return Response.json({ message: 'Unauthorized' }, { status: 401 });
    if (now() >= expiresAt) return Response.json({ message: 'Forbidden' }, { status: 403 });
    const org = /^\/organizations\/([^/]+)/.exec(path)?.[1];
    if (
      options.orgId !== undefined &&
      org !== undefined &&
      decodeURIComponent(org) !== options.orgId
    ) {
      return Response.json({ message: 'Forbidden' }, { status: 403 });
    }

    const overridden = await override?.(recorded);
    if (overridden) return overridden;
    const response = await answerFromHandlers(options.handlers, 'http://fake-m3ter', recorded);
    return (
      response ??
      Response.json({ message: `Not found: ${recorded.method} ${path}` }, { status: 404 })
    );
  }

  function tokenEndpoint(recorded: RecordedRequest): Response {
    if (recorded.method !== 'POST') {
      return Response.json({ message: 'Method not allowed' }, { status: 405 });
    }
    const given = /^Basic (.+)$/.exec(header(recorded, 'authorization'))?.[1] ?? '';
    if (!sameText(given, expected)) {
      return Response.json({ message: 'Unauthorized' }, { status: 401 });
    }
    const type = header(recorded, 'content-type');
    const grant = type.includes('json')
      ? safeJsonField(recorded.body, 'grant_type')
      : new URLSearchParams(recorded.body).get('grant_type');
    if (grant !== 'client_credentials') {
      return Response.json({ message: 'grant_type must be client_credentials' }, { status: 400 });
    }
    const token = `fake-m3ter-${randomBytes(24).toString('base64url')}`;
    tokens.set(token, now() + lifetimeMs);
    issuedTokens.push(token);
    return Response.json({
      access_token: token,
      token_type: 'Bearer',
      expires_in: Math.round(lifetimeMs / 1000),
      scope: null,
    });
  }

  const server = await startFakeHttpServer({
    name: 'Fake m3ter',
    handle,
    host: options.host,
    port: options.port,
  });
  const { requests } = server;
  return {
    ...server,
    issuedTokens,
    setTokenOverride(next) {
      tokenOverride = next;
    },
    tokenRequestCount: () => requests.filter((r) => r.url.startsWith('/oauth/token')).length,
    apiRequestCount: () => requests.filter((r) => !r.url.startsWith('/oauth/token')).length,
    revokeAllTokens() {
      for (const token of tokens.keys()) tokens.set(token, Number.NEGATIVE_INFINITY);
    },
  };
}

/** The fake m3ter's handlers over a freshly seeded store (src/mocks/fake-m3ter.ts). */
export async function loadFakeM3terHandlers(): Promise<RequestHandler[]> {
  const create = (await importFromSrc('mocks/fake-m3ter.ts')).createFakeM3ter;
  if (typeof create !== 'function') {
    throw new Error('src/mocks/fake-m3ter.ts no longer exports createFakeM3ter()');
  }
  const fake: unknown = (create as () => unknown)();
  const handlers = (fake as { handlers?: unknown }).handlers;
  if (!Array.isArray(handlers)) throw new Error('createFakeM3ter() returned no handlers');
  return handlers as RequestHandler[];
}

function safeJsonField(text: string, field: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[field]
      : undefined;
  } catch {
    return undefined;
  }
}
