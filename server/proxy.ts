/**
 * The live-mode proxy: `{API_BASE}/organizations/{orgId}/…` on the console's origin → the same path at
 * m3ter, with the bearer token added here. One `(request: Request) => Promise<Response>` handler, used by
 * the production server (Hono) and by the Vite dev server (through @hono/node-server's listener).
 *
 * What it guarantees (tests in proxy.test.ts):
 * - forwards only what the policy in proxy-policy.ts lets through (the console's resources and
 *   methods under the configured organisation, same-origin, known Host, bounded JSON body);
 *   everything else is refused with a JSON `{ message, code }` and never reaches m3ter;
 * - sends m3ter only Accept, Content-Type, User-Agent and its own Authorization: the browser's
 *   Authorization and cookies are dropped, and only a short allow-list of m3ter's response headers
 *   comes back (no Set-Cookie), so neither the secret nor the token can reach the browser;
 * - bounded upstream time (504); m3ter unreachable → 502;
 * - never retries on its own except once after a 401/403 with a renewed token: m3ter has then refused
 *   the request before processing it, so even a write is safe to send again. 429 and 5xx are passed
 *   through as they are, so the browser's back-off stays in charge of the load on m3ter;
 * - logs method, path, status and time, never headers, bodies or query strings.
 */
import type { AllowedHosts, AppConfig } from '../config/app-config.ts';
import {
  bodyTooLarge,
  checkBodyType,
  checkRequest,
  DEFAULT_MAX_BODY_BYTES,
  type Refusal,
} from './proxy-policy.ts';
import {
  createTokenProvider,
  describeNetworkError,
  isTimeout,
  TokenExchangeError,
  type TokenEvent,
  type TokenProvider,
} from './token-provider.ts';

// Re-exported so that the proxy's callers (server/app.ts, vite-live-plugin.ts) need only this module.
export { isUnderApiBase } from './proxy-policy.ts';

export type ProxyHandler = (request: Request) => Promise<Response>;

/** `code` of every JSON error the proxy itself produces (m3ter's own errors carry only `message`). */
type ProxyErrorCode =
  | 'PROXY_REFUSED'
  | 'PROXY_BODY_TOO_LARGE'
  | 'PROXY_AUTH_FAILED'
  | 'PROXY_RATE_LIMITED'
  | 'PROXY_UPSTREAM_UNREACHABLE'
  | 'PROXY_UPSTREAM_TIMEOUT'
  | 'PROXY_UPSTREAM_INVALID';

export interface ProxyLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  durationMs: number;
  /** Set when the request reached m3ter. */
  upstreamStatus?: number;
  /** Set when the proxy answered by itself. */
  code?: ProxyErrorCode;
  /** The first attempt got 401/403 and was sent again with a renewed token. */
  retriedWithNewToken?: boolean;
}

export interface ProxyOptions {
  apiBase: string;
  orgId: string;
  upstreamBaseUrl: string;
  tokens: TokenProvider;
  fetchImpl?: typeof fetch;
  /** Request bodies above this are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** m3ter responses above this are replaced by a 502. Default 20 MiB. */
  maxResponseBytes?: number;
  /** Time for m3ter to answer, body included. Default 30 s. */
  timeoutMs?: number;
  allowedHosts?: AllowedHosts;
  log?: (entry: ProxyLogEntry) => void;
}

const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type'] as const;
/** m3ter response headers worth passing on: the body's type and anything about rate limits. */
const FORWARDED_RESPONSE_HEADERS = new Set(['content-type', 'retry-after', 'retry-after-ms']);
const FORWARDED_RESPONSE_HEADER_PREFIXES = ['x-ratelimit-', 'ratelimit'];
const USER_AGENT = 'm3ter-integrations-console-proxy';

const AUTH_FAILED_MESSAGE =
  'm3ter rejected the Service User credentials (M3TER_ACCESS_KEY_ID / M3TER_API_SECRET) when the ' +
  'console server asked for an access token. Check that the Service User still exists in this ' +
  'organisation, has Administrator permission, and that the Api Secret is the current one; then ' +
  'restart the server.';

const STATIC_TOKEN_REJECTED_MESSAGE =
  'm3ter rejected the access token in M3TER_API_TOKEN (it may have expired: tokens last 5 hours). ' +
  'Set a new one, or M3TER_ACCESS_KEY_ID and M3TER_API_SECRET instead, and restart the server.';

/** The proxy for a live-mode configuration, with its own token provider. */
export function createProxyForConfig(
  config: AppConfig,
  deps: {
    fetchImpl?: typeof fetch;
    now?: () => number;
    log?: (entry: ProxyLogEntry) => void;
    onTokenEvent?: (event: TokenEvent) => void;
  } = {},
): ProxyHandler {
  if (config.mode !== 'live' || !config.credentials) {
    throw new Error('createProxyForConfig needs a live-mode configuration with credentials');
  }
  const tokens = createTokenProvider({
    credentials: config.credentials,
    upstreamBaseUrl: config.upstreamBaseUrl,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    onEvent: deps.onTokenEvent ?? logTokenEvent,
  });
  return createProxyHandler({
    apiBase: config.apiBase,
    orgId: config.orgId,
    upstreamBaseUrl: config.upstreamBaseUrl,
    tokens,
    allowedHosts: config.allowedHosts,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    log: deps.log ?? logProxyEntry,
  });
}

export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? 20 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const allowedHosts = options.allowedHosts ?? [];
  const log = options.log ?? (() => {});
  const { apiBase, orgId, tokens } = options;

  return async function proxy(request: Request): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const finish = (response: Response, extra: Partial<ProxyLogEntry> = {}): Response => {
      log({
        method,
        path: url.pathname,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        ...extra,
      });
      return response;
    };
    const refuse = ({ status, code, message, headers }: Refusal) =>
      finish(errorResponse(status, code, message, headers), { code });

    const route = checkRequest(request, url, method, { apiBase, orgId, allowedHosts });
    if (route.kind === 'refused') return refuse(route);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method === 'POST' || method === 'PUT') {
      const read = await readBody(request, maxBodyBytes);
      if (read === 'too-large') return refuse(bodyTooLarge(maxBodyBytes));
      if (read.byteLength > 0) {
        const typeProblem = checkBodyType(request);
        if (typeProblem) return refuse(typeProblem);
        body = read;
      }
    }

    const upstreamUrl = `${options.upstreamBaseUrl}${route.upstreamPath}${url.search}`;
    const send = (token: string) => {
      const headers = new Headers({ authorization: `Bearer ${token}`, 'user-agent': USER_AGENT });
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers.get(name);
        if (value !== null) headers.set(name, value);
      }
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      if (!body) headers.delete('content-type');
      return fetchImpl(upstreamUrl, {
        method,
        headers,
        ...(body ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    };

    let retriedWithNewToken = false;
    try {
      let token = await tokens.getToken();
      let upstream = await send(token);
      if (
        (upstream.status === 401 || upstream.status === 403) &&
        tokens.shouldRetryAfterAuthFailure(token)
      ) {
        await upstream.body?.cancel();
        token = await tokens.getToken();
        upstream = await send(token);
        retriedWithNewToken = true;
      }
      const extra = { upstreamStatus: upstream.status, retriedWithNewToken };
      if (upstream.status === 401 && tokens.kind === 'static-token') {
        await upstream.body?.cancel();
        return finish(errorResponse(401, 'PROXY_AUTH_FAILED', STATIC_TOKEN_REJECTED_MESSAGE), {
          ...extra,
          code: 'PROXY_AUTH_FAILED',
        });
      }
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel();
        return finish(
          errorResponse(
            502,
            'PROXY_UPSTREAM_INVALID',
            `m3ter answered with an unexpected redirect (HTTP ${upstream.status}).`,
          ),
          { ...extra, code: 'PROXY_UPSTREAM_INVALID' },
        );
      }
      const payload = await readLimited(upstream.body, maxResponseBytes);
      if (payload === 'too-large') {
        return finish(
          errorResponse(
            502,
            'PROXY_UPSTREAM_INVALID',
            'm3ter sent a response too large to pass on.',
          ),
          { ...extra, code: 'PROXY_UPSTREAM_INVALID' },
        );
      }
      return finish(toBrowserResponse(upstream, payload), extra);
    } catch (error) {
      const extra = { retriedWithNewToken };
      if (error instanceof TokenExchangeError) {
        const mapped = tokenFailureResponse(error);
        return finish(mapped.response, { ...extra, code: mapped.code });
      }
      if (isTimeout(error)) {
        return finish(
          errorResponse(
            504,
            'PROXY_UPSTREAM_TIMEOUT',
            `m3ter did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          ),
          { ...extra, code: 'PROXY_UPSTREAM_TIMEOUT' },
        );
      }
      return finish(
        errorResponse(
          502,
          'PROXY_UPSTREAM_UNREACHABLE',
          `m3ter could not be reached from the console server (${describeNetworkError(error)}).`,
        ),
        { ...extra, code: 'PROXY_UPSTREAM_UNREACHABLE' },
      );
    }
  };
}

async function readBody(
  request: Request,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > max) return 'too-large';
  return readLimited(request.body, max);
}

async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBrowserResponse(upstream: Response, payload: Uint8Array<ArrayBuffer>): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  upstream.headers.forEach((value, name) => {
    if (
      FORWARDED_RESPONSE_HEADERS.has(name) ||
      FORWARDED_RESPONSE_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))
    ) {
      headers.set(name, value);
    }
  });
  const status = upstream.status;
  const isJson = /json/i.test(headers.get('content-type') ?? '');
  if (status >= 500 && !isJson) {
    // A gateway's HTML error page: the console's API module expects `{ message }`.
    return errorResponseWithoutCode(
      status,
      `m3ter answered HTTP ${status}${upstream.statusText ? ` ${upstream.statusText}` : ''}.`,
    );
  }
  const noBody = status === 204 || status === 205 || status === 304;
  return new Response(noBody ? null : payload, { status, headers });
}

function tokenFailureResponse(error: TokenExchangeError): {
  response: Response;
  code: ProxyErrorCode;
} {
  switch (error.kind) {
    case 'rejected':
      return {
        response: errorResponse(401, 'PROXY_AUTH_FAILED', AUTH_FAILED_MESSAGE),
        code: 'PROXY_AUTH_FAILED',
      };
    case 'rate-limited':
      return {
        response: errorResponse(
          429,
          'PROXY_RATE_LIMITED',
          'm3ter is rate limiting the console server while it asks for an access token; try again shortly.',
        ),
        code: 'PROXY_RATE_LIMITED',
      };
    case 'timeout':
      return {
        response: errorResponse(504, 'PROXY_UPSTREAM_TIMEOUT', `${error.message}.`),
        code: 'PROXY_UPSTREAM_TIMEOUT',
      };
    case 'unavailable':
      return {
        response: errorResponse(502, 'PROXY_UPSTREAM_UNREACHABLE', `${error.message}.`),
        code: 'PROXY_UPSTREAM_UNREACHABLE',
      };
    case 'invalid-response':
      return {
        response: errorResponse(502, 'PROXY_UPSTREAM_INVALID', `${error.message}.`),
        code: 'PROXY_UPSTREAM_INVALID',
      };
  }
}

function errorResponse(
  status: number,
  code: ProxyErrorCode,
  message: string,
  headers?: HeadersInit,
): Response {
  const response = Response.json({ message, code }, { status, headers });
  response.headers.set('cache-control', 'no-store');
  return response;
}

function errorResponseWithoutCode(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Default request log: one line per request, no headers, bodies or query strings. */
function logProxyEntry(entry: ProxyLogEntry): void {
  const parts = [`[m3ter-proxy] ${entry.method} ${entry.path} → ${entry.status}`];
  if (entry.code) parts.push(entry.code);
  if (entry.retriedWithNewToken) parts.push('(retried with a renewed token)');
  parts.push(`${entry.durationMs} ms`);
  console.log(parts.join(' '));
}

function logTokenEvent(event: TokenEvent): void {
  switch (event.type) {
    case 'issued':
      console.log(`[m3ter-proxy] access token obtained, valid ${event.expiresInSeconds} s`);
      break;
    case 'failed':
      console.warn(
        `[m3ter-proxy] token exchange failed: ${event.kind}${event.upstreamStatus ? ` (HTTP ${event.upstreamStatus})` : ''}`,
      );
      break;
    case 'kept-previous':
      console.warn(
        `[m3ter-proxy] early token renewal failed (${event.kind}); still using the current token`,
      );
      break;
    case 'invalidated':
      console.log('[m3ter-proxy] m3ter refused the current token; renewing it');
      break;
  }
}
