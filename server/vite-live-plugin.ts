/**
 * Vite plugin: in live mode the dev server (`npm start`) and `vite preview` answer API_BASE with the
 * same proxy as `npm run serve`, so the browser never talks to m3ter and never holds a credential.
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
import { createProxyForConfig, isUnderApiBase, type ProxyHandler } from './proxy.ts';

type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Connect-style middleware: requests under API_BASE go to `proxy`, the rest to `next`. */
function createProxyMiddleware(apiBase: string, proxy: ProxyHandler): NodeMiddleware {
  // Leave the global Request/Response alone: Vite and its plugins share this process.
  const listener = getRequestListener((request) => proxy(request), {
    overrideGlobalObjects: false,
  });
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!isUnderApiBase(pathname, apiBase)) {
      next();
      return;
    }
    listener(req, res).catch(next);
  };
}

export function m3terServerPlugin(config: AppConfig): Plugin {
  let middleware: NodeMiddleware | undefined;
  const liveMiddleware = (): NodeMiddleware | undefined => {
    if (config.mode !== 'live') return undefined;
    // One proxy (and one token cache) for the dev and preview servers of this process.
    middleware ??= createProxyMiddleware(config.apiBase, createProxyForConfig(config));
    return middleware;
  };
  const announce = (log: (message: string) => void) =>
    log(
      `  m3ter live mode: ${config.apiBase} → ${config.upstreamBaseUrl} (organisation ${config.orgId})`,
    );

  return {
    name: 'm3ter-live-proxy',
    configureServer(server) {
      const m = liveMiddleware();
      if (!m) return;
      server.middlewares.use(m);
      announce((message) => server.config.logger.info(message));
    },
    configurePreviewServer(server) {
      const m = liveMiddleware();
      if (!m) return;
      server.middlewares.use(m);
      announce((message) => server.config.logger.info(message));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_INFO_FILE, source: buildInfoSource(config) });
    },
  };
}
