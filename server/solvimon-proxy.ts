/**
 * Solvimon's live-mode proxy: `{SOLVIMON_API_BASE}/v1/integrations…` on the console's origin → the same
 * path at `SOLVIMON_BASE_URL`, with `X-API-KEY` (SOLVIMON_API_KEY) and `x-platform-id`
 * (SOLVIMON_PLATFORM_ID, when set) added here. Built on the shared proxy (proxy-core.ts: policy,
 * bounded bodies, header filtering, timeouts, logging), as m3ter's is.
 *
 * What it adds to proxy-core's guarantees (tests in solvimon-proxy.test.ts):
 * - forwards only the console's operations on integrations, with the query parameters Solvimon
 *   documents for each (`solvimonRoute` in proxy-policy.ts);
 * - the key never reaches the browser, and the browser's own X-API-KEY, Authorization, x-platform-id
 *   and cookies never reach Solvimon (the platform id is the server's setting, not the browser's);
 * - its own errors are Solvimon's `ApiError` shape (`{ type, code, message }`), so the console's
 *   Solvimon module reads them like Solvimon's;
 * - a 401 from Solvimon can only mean the key (the browser sends none): it is answered with a message
 *   naming SOLVIMON_API_KEY. It retries nothing.
 */
import type { AppConfig } from '../config/app-config.ts';
import {
  consoleProxyLog,
  createPlatformProxy,
  type Platform,
  type ProxyErrorCode,
  type ProxyHandler,
  type ProxyLimits,
  type ProxyLogEntry,
} from './proxy-core.ts';
import { solvimonRoute } from './proxy-policy.ts';

export interface SolvimonProxyOptions extends ProxyLimits {
  /** SOLVIMON_API_BASE: the browser calls `{apiBase}/v1/…`. */
  apiBase: string;
  upstreamBaseUrl: string;
  apiKey: string;
  platformId?: string | undefined;
}

const KEY_REJECTED_MESSAGE =
  'Solvimon rejected the API key in SOLVIMON_API_KEY. Check that the key is current and belongs to ' +
  'this environment (SOLVIMON_BASE_URL: production or test), then restart the server.';

/**
 * The path prefix the Solvimon proxy answers: only the API's version path, because the console's own
 * Solvimon pages live beside it (`/solvimon/integrations` with the default base) and must reach the
 * single-page app.
 */
export function solvimonProxyPrefix(apiBase: string): string {
  return `${apiBase}/v1`;
}

/**
 * Solvimon's `ApiError` body for an answer the console server gives itself: `INVALID_REQUEST` for a
 * refused request (4xx), `API_ERROR` when Solvimon could not be used (5xx).
 */
export function solvimonErrorBody(
  status: number,
  code: ProxyErrorCode | 'DEMO_MODE' | 'SOLVIMON_OFF' | undefined,
  message: string,
): unknown {
  return {
    type: status >= 500 ? 'API_ERROR' : 'INVALID_REQUEST',
    code: code ?? 'INTERNAL_ERROR',
    message,
  };
}

/** The proxy for a configuration with SOLVIMON_MODE=live. */
export function createSolvimonProxyForConfig(
  config: AppConfig,
  deps: { fetchImpl?: typeof fetch; log?: (entry: ProxyLogEntry) => void } = {},
): ProxyHandler {
  const { solvimon } = config;
  if (solvimon.mode !== 'live') {
    throw new Error('createSolvimonProxyForConfig needs SOLVIMON_MODE=live with SOLVIMON_API_KEY');
  }
  return createSolvimonProxyHandler({
    apiBase: solvimon.apiBase,
    upstreamBaseUrl: solvimon.upstreamBaseUrl,
    apiKey: solvimon.apiKey,
    platformId: solvimon.platformId,
    allowedHosts: config.allowedHosts,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    log: deps.log ?? consoleProxyLog('[solvimon-proxy]'),
  });
}

export function createSolvimonProxyHandler(options: SolvimonProxyOptions): ProxyHandler {
  const { apiBase, upstreamBaseUrl, apiKey, platformId, ...limits } = options;
  const credentials: Record<string, string> = { 'x-api-key': apiKey };
  if (platformId !== undefined) credentials['x-platform-id'] = platformId;
  const platform: Platform = {
    service: 'Solvimon',
    errorBody: solvimonErrorBody,
    async exchange(send) {
      const upstream = await send(credentials);
      if (upstream.status === 401) {
        await upstream.body?.cancel();
        return {
          answer: { status: 401, code: 'PROXY_AUTH_FAILED', message: KEY_REJECTED_MESSAGE },
          upstreamStatus: 401,
        };
      }
      return { upstream };
    },
  };
  return createPlatformProxy({
    ...limits,
    platform,
    apiBase,
    route: solvimonRoute,
    upstreamBaseUrl,
  });
}
