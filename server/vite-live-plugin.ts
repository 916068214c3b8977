/**
 * Vite plugin: in live mode the dev server (`npm start`) and `vite preview` answer API_BASE (and
 * SOLVIMON_API_BASE/v1 when Solvimon is live) with the same proxies as `npm run serve`, so the browser
 * never talks to m3ter or Solvimon and never holds a credential. In demo mode it mounts nothing: the
 * demo backend in the browser page answers both.
 * In every build it writes the public configuration into dist/ (see build-info.ts) so that
 * `npm run serve` can refuse a build made for another mode or organisation.
 *
 * The middleware is added directly in configureServer, i.e. before Vite's own middlewares (its SPA
 * fallback would otherwise answer API_BASE with index.html). Vite 8 validates the Host header before
 * any of them (`server.allowedHosts`); the proxy checks it too, since `npm run serve` has no Vite.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import type { AppConfig } from '../config/app-config.ts';
import { BUILD_INFO_FILE, buildInfoSource } from './build-info.ts';
import type { ProxyHandler } from './proxy-core.ts';
import { proxyMounts, type ProxyMount } from './proxy-mounts.ts';
import { isUnderApiBase } from './proxy-policy.ts';

type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Connect-style middleware: requests under a live proxy's prefix go to that proxy, the rest to `next`. */
function createProxyMiddleware(
  mounts: ReadonlyArray<{ prefix: string; proxy: ProxyHandler }>,
): NodeMiddleware {
  // Leave the global Request/Response alone: Vite and its plugins share this process.
  const listeners = mounts.map(({ prefix, proxy }) => ({
    prefix,
    listener: getRequestListener((request) => proxy(request), { overrideGlobalObjects: false }),
  }));
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const mount = listeners.find(({ prefix }) => isUnderApiBase(pathname, prefix));
    if (!mount) {
      next();
      return;
    }
    mount.listener(req, res).catch(next);
  };
}

const isLive = (mount: ProxyMount): mount is ProxyMount & { proxy: ProxyHandler } =>
  mount.proxy !== undefined;

export function m3terServerPlugin(config: AppConfig): Plugin {
  let live: { middleware: NodeMiddleware; descriptions: string[] } | undefined;
  const liveMiddleware = () => {
    if (config.mode !== 'live') return undefined;
    // One set of proxies (and one token cache) for the dev and preview servers of this process.
    if (!live) {
      const mounts = proxyMounts(config).filter(isLive);
      live = {
        middleware: createProxyMiddleware(mounts),
        descriptions: mounts.map((mount) => mount.description),
      };
    }
    return live;
  };
  const announce = (descriptions: string[], log: (message: string) => void) => {
    for (const description of descriptions) log(`  ${description}`);
  };

  return {
    name: 'm3ter-live-proxy',
    configureServer(server) {
      const m = liveMiddleware();
      if (!m) return;
      server.middlewares.use(m.middleware);
      announce(m.descriptions, (message) => server.config.logger.info(message));
    },
    configurePreviewServer(server) {
      const m = liveMiddleware();
      if (!m) return;
      server.middlewares.use(m.middleware);
      announce(m.descriptions, (message) => server.config.logger.info(message));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_INFO_FILE, source: buildInfoSource(config) });
    },
  };
}
