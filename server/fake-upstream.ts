/**
 * A fake m3ter API over real HTTP, for the proxy's tests and for trying live mode locally
 * (fake-upstream-cli.ts). It behaves like m3ter where the proxy depends on it:
 * - `POST /oauth/token` checks Basic auth against the given key id and secret and issues random
 *   tokens that expire after `tokenLifetimeSeconds` (by the injectable clock);
 * - every other path needs `Authorization: Bearer <issued token>`: none or unknown → 401, expired or
 *   revoked → 403 `{"message":"Forbidden"}` (m3ter answers an expired token with 403), another
 *   organisation → 403;
 * - then the request goes to the console's fake m3ter (src/mocks: the store with m3ter's rules and its
 *   MSW handlers) through msw's `getResponse`, as `http://fake-m3ter/organizations/…`.
 * It records what it received, so tests can check what the proxy forwarded.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

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

interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Answers instead of the fake m3ter when it returns a Response (e.g. a 429 or a slow answer). */
type UpstreamOverride = (
  request: RecordedRequest,
) => Promise<Response | undefined> | Response | undefined;

export interface FakeUpstream {
  /** e.g. `http://127.0.0.1:41234`: the value for M3TER_BASE_URL. */
  url: string;
  /** Every request, token exchanges included, oldest first. */
  requests: RecordedRequest[];
  /** Tokens issued so far, oldest first. */
  issuedTokens: string[];
  tokenRequestCount(): number;
  apiRequestCount(): number;
  /** Makes every issued token answer 403 from now on, as expiry or revocation at m3ter would. */
  revokeAllTokens(): void;
  setOverride(override: UpstreamOverride | undefined): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const now = options.now ?? Date.now;
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 300) * 1000;
  const expected = Buffer.from(`${options.accessKeyId}:${options.apiSecret}`).toString('base64');
  const tokens = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const issuedTokens: string[] = [];
  let override: UpstreamOverride | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: { ...req.headers },
      body: body.toString('utf8'),
    };
    requests.push(recorded);
    const path = recorded.url.split('?')[0] ?? '/';

    if (path === '/oauth/token') {
      await send(res, tokenEndpoint(req, recorded));
      return;
    }

    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    if (expiresAt === undefined) {
      await send(res, Response.json({ message: 'Unauthorized' }, { status: 401 }));
      return;
    }
    if (now() >= expiresAt) {
      await send(res, Response.json({ message: 'Forbidden' }, { status: 403 }));
      return;
    }
    const org = /^\/organizations\/([^/]+)/.exec(path)?.[1];
    if (
      options.orgId !== undefined &&
      org !== undefined &&
      decodeURIComponent(org) !== options.orgId
    ) {
      await send(res, Response.json({ message: 'Forbidden' }, { status: 403 }));
      return;
    }

    const overridden = await override?.(recorded);
    if (overridden) {
      await send(res, overridden);
      return;
    }
    const method = recorded.method;
    const request = new Request(`http://fake-m3ter${recorded.url}`, {
      method,
      headers: headersOf(req),
      ...(method === 'GET' || method === 'HEAD' || body.byteLength === 0
        ? {}
        : { body: new Uint8Array(body) }),
    });
    const response = await getResponse(options.handlers, request);
    await send(
      res,
      response ?? Response.json({ message: `Not found: ${method} ${path}` }, { status: 404 }),
    );
  }

  function tokenEndpoint(req: IncomingMessage, recorded: RecordedRequest): Response {
    if (recorded.method !== 'POST') {
      return Response.json({ message: 'Method not allowed' }, { status: 405 });
    }
    const given = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameText(given, expected)) {
      return Response.json({ message: 'Unauthorized' }, { status: 401 });
    }
    const type = req.headers['content-type'] ?? '';
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

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Fake m3ter failed: ${message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    issuedTokens,
    tokenRequestCount: () => requests.filter((r) => r.url.startsWith('/oauth/token')).length,
    apiRequestCount: () => requests.filter((r) => !r.url.startsWith('/oauth/token')).length,
    revokeAllTokens() {
      for (const token of tokens.keys()) tokens.set(token, Number.NEGATIVE_INFINITY);
    },
    setOverride(next) {
      override = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Idempotent: tests close it early to simulate m3ter going away.
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The fake m3ter's handlers over a freshly seeded store (src/mocks/fake-m3ter.ts). Imported at run time
 * by path: src/ is type-checked with bundler resolution (extensionless imports), which this Node
 * project's `nodenext` check would reject; tsx and Vitest load it either way.
 */
export async function loadFakeM3terHandlers(): Promise<RequestHandler[]> {
  const specifier = new URL('../src/mocks/fake-m3ter.ts', import.meta.url).href;
  const loaded: unknown = await import(/* @vite-ignore */ specifier);
  const create = (loaded as { createFakeM3ter?: unknown }).createFakeM3ter;
  if (typeof create !== 'function') {
    throw new Error('src/mocks/fake-m3ter.ts no longer exports createFakeM3ter()');
  }
  const fake: unknown = (create as () => unknown)();
  const handlers = (fake as { handlers?: unknown }).handlers;
  if (!Array.isArray(handlers)) throw new Error('createFakeM3ter() returned no handlers');
  return handlers as RequestHandler[];
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
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

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'host' || name === 'content-length') continue;
    if (name === 'connection' || name === 'transfer-encoding' || name === 'keep-alive') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.byteLength;
    if (total > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
