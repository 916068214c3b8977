/**
 * Which path prefix belongs to which platform's proxy, for the production server (app.ts) and the
 * Vite dev server (vite-live-plugin.ts): m3ter's under `API_BASE`, Solvimon's under
 * `SOLVIMON_API_BASE/v1` (solvimon-proxy.ts says why only `/v1`). config/app-config.ts keeps the two
 * bases apart, so at most one prefix matches a path.
 *
 * A platform that is not live on this server still owns its prefix in `npm run serve`: a JSON 404 in
 * its error shape explains why (demo backend in the browser, or Solvimon off), never index.html.
 */
import type { AppConfig } from '../config/app-config.ts';
import { createProxyForConfig, m3terErrorBody } from './proxy.ts';
import { jsonResponse, type ProxyHandler } from './proxy-core.ts';
import { isUnderApiBase } from './proxy-policy.ts';
import {
  createSolvimonProxyForConfig,
  solvimonErrorBody,
  solvimonProxyPrefix,
} from './solvimon-proxy.ts';

export interface ProxyMount {
  /** The path itself and everything below it. */
  prefix: string;
  /** Set when the platform is live here. */
  proxy: ProxyHandler | undefined;
  /** The answer under `prefix` when it is not. */
  notServed: () => Response;
  /** For the start-up log, e.g. `m3ter live mode: /m3ter → https://api.m3ter.com …`. */
  description: string;
}

export interface ProxyMountDeps {
  /** Used instead of building m3ter's proxy from the configuration (tests). */
  m3terProxy?: ProxyHandler | undefined;
  /** Used instead of building Solvimon's proxy from the configuration (tests). */
  solvimonProxy?: ProxyHandler | undefined;
  /** Passed to the proxies built from the configuration (tests point them at the fake upstreams). */
  fetchImpl?: typeof fetch | undefined;
  now?: (() => number) | undefined;
}

export function proxyMounts(config: AppConfig, deps: ProxyMountDeps = {}): ProxyMount[] {
  const fetchImpl = deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {};
  const m3terLive = config.mode === 'live';
  const { solvimon } = config;
  const solvimonLive = solvimon.mode === 'live';
  const solvimonPrefix = solvimonProxyPrefix(solvimon.apiBase);
  return [
    {
      prefix: config.apiBase,
      proxy: m3terLive
        ? (deps.m3terProxy ??
          createProxyForConfig(config, { ...fetchImpl, ...(deps.now ? { now: deps.now } : {}) }))
        : undefined,
      notServed: () =>
        jsonResponse(
          404,
          m3terErrorBody(
            'DEMO_MODE',
            'Demo mode: the demo backend runs in the browser page and this server has no ' +
              'm3ter proxy. Reload the page, or start the server with M3TER_MODE=live.',
          ),
        ),
      description: `m3ter live mode: ${config.apiBase} → ${config.upstreamBaseUrl} (organisation ${config.orgId})`,
    },
    {
      prefix: solvimonPrefix,
      proxy: solvimonLive
        ? (deps.solvimonProxy ?? createSolvimonProxyForConfig(config, fetchImpl))
        : undefined,
      notServed: () =>
        solvimon.mode === 'demo'
          ? jsonResponse(
              404,
              solvimonErrorBody(
                404,
                'DEMO_MODE',
                'Demo mode: the Solvimon demo backend runs in the browser page and this ' +
                  'server has no Solvimon proxy. Reload the page, or start the server with ' +
                  'M3TER_MODE=live and SOLVIMON_MODE=live.',
              ),
            )
          : jsonResponse(
              404,
              solvimonErrorBody(
                404,
                'SOLVIMON_OFF',
                'Solvimon is not enabled on this console server (SOLVIMON_MODE=off).',
              ),
            ),
      description:
        `Solvimon live mode: ${solvimonPrefix} → ${solvimon.upstreamBaseUrl}/v1` +
        (solvimon.platformId === undefined ? '' : ' (with x-platform-id)'),
    },
  ];
}

/** The mount a request path belongs to, if any. */
export function mountFor(pathname: string, mounts: readonly ProxyMount[]): ProxyMount | undefined {
  return mounts.find((mount) => isUnderApiBase(pathname, mount.prefix));
}
