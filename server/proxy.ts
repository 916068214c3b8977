/**
 * m3ter's live-mode proxy: `{API_BASE}/organizations/{orgId}/…` on the console's origin → the same path
 * at m3ter, with a bearer token added here. Built on the shared proxy (proxy-core.ts: policy, bounded
 * bodies, header filtering, timeouts, logging), used by the production server (Hono) and by the Vite
 * dev server (through @hono/node-server's listener).
 *
 * What it adds to proxy-core's guarantees (tests in proxy.test.ts):
 * - forwards only the console's resources and methods under the configured organisation
 *   (`m3terRoute` in proxy-policy.ts);
 * - the token comes from the Service User's credentials (token-provider.ts) and never reaches the
 *   browser; errors the proxy produces are `{ message, code }`, as the console's m3ter module reads;
 * - retries nothing except once after a 401/403 with a renewed token: m3ter has then refused the
 *   request before processing it, so even a write is safe to send again;
 * - waits for a token only within the request's budget and while its client is there: a write whose
 *   browser gave up during a slow token exchange is never sent;
 * - a 429 from the token endpoint comes back as 429 PROXY_RATE_LIMITED with m3ter's Retry-After (the
 *   token provider makes no new token call until then).
 */
import type { AppConfig } from '../config/app-config.ts';
import {
  consoleProxyLog,
  createPlatformProxy,
  type Platform,
  type ProxyAnswer,
  type ProxyHandler,
  type ProxyLimits,
  type ProxyLogEntry,
  untilAborted,
} from './proxy-core.ts';
import { m3terRoute } from './proxy-policy.ts';
import {
  createTokenProvider,
  TokenExchangeError,
  type TokenEvent,
  type TokenProvider,
} from './token-provider.ts';

export interface ProxyOptions extends ProxyLimits {
  apiBase: string;
  orgId: string;
  upstreamBaseUrl: string;
  tokens: TokenProvider;
}

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
    log: deps.log ?? consoleProxyLog('[m3ter-proxy]'),
  });
}

/** The JSON error the console's m3ter module reads: `{ message, code }`, or m3ter's own `{ message }`. */
export function m3terErrorBody(code: string | undefined, message: string): unknown {
  return code === undefined ? { message } : { message, code };
}

export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const { apiBase, orgId, upstreamBaseUrl, tokens, ...limits } = options;
  const platform: Platform = {
    service: 'm3ter',
    errorBody: (_status, code, message) => m3terErrorBody(code, message),
    async exchange(send, entry, signal) {
      entry.retriedWithNewToken = false;
      let token = await untilAborted(tokens.getToken(), signal);
      let upstream = await send({ authorization: `Bearer ${token}` });
      if (
        (upstream.status === 401 || upstream.status === 403) &&
        tokens.shouldRetryAfterAuthFailure(token)
      ) {
        await upstream.body?.cancel();
        token = await untilAborted(tokens.getToken(), signal);
        upstream = await send({ authorization: `Bearer ${token}` });
        entry.retriedWithNewToken = true;
      }
      if (upstream.status === 401 && tokens.kind === 'static-token') {
        await upstream.body?.cancel();
        return {
          answer: {
            status: 401,
            code: 'PROXY_AUTH_FAILED',
            message: STATIC_TOKEN_REJECTED_MESSAGE,
          },
          upstreamStatus: 401,
        };
      }
      return { upstream };
    },
    answerFailure: (error) =>
      error instanceof TokenExchangeError ? tokenFailureAnswer(error) : undefined,
  };
  return createPlatformProxy({
    ...limits,
    platform,
    apiBase,
    route: m3terRoute(orgId),
    upstreamBaseUrl,
  });
}

function tokenFailureAnswer(error: TokenExchangeError): ProxyAnswer {
  switch (error.kind) {
    case 'rejected':
      return { status: 401, code: 'PROXY_AUTH_FAILED', message: AUTH_FAILED_MESSAGE };
    case 'rate-limited':
      return {
        status: 429,
        code: 'PROXY_RATE_LIMITED',
        message:
          'm3ter is rate limiting the console server while it asks for an access token; try again shortly.',
        ...(error.retryAfterMs === undefined
          ? {}
          : {
              headers: { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) },
            }),
      };
    case 'timeout':
      return { status: 504, code: 'PROXY_UPSTREAM_TIMEOUT', message: `${error.message}.` };
    case 'unavailable':
      return { status: 502, code: 'PROXY_UPSTREAM_UNREACHABLE', message: `${error.message}.` };
    case 'invalid-response':
      return { status: 502, code: 'PROXY_UPSTREAM_INVALID', message: `${error.message}.` };
  }
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
