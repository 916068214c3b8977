/**
 * The production server's Hono app: the built console from dist/ with cache and security headers, and
 * in live mode the m3ter proxy on API_BASE and Solvimon's on SOLVIMON_API_BASE/v1 (proxy-mounts.ts).
 * serve.ts runs it with @hono/node-server; tests call `app.fetch` through a real listener.
 *
 * Caching: hashed files under /assets/ never change, so browsers keep them a year; everything else
 * (index.html, favicon) is revalidated so a new deployment shows at once.
 * Compression: the build's .br/.gz copies for files, gzip on the fly for index.html and proxy JSON.
 * Routing: a proxy's prefix is never answered with index.html (a JSON error instead, also when that
 * platform is not live here), and neither is a missing file with an extension (a 404, not HTML that
 * the browser would try to run as a script).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { getRequestListener, RequestError } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppConfig } from '../config/app-config.ts';
import type { ProxyHandler } from './proxy-core.ts';
import { mountFor, proxyMounts } from './proxy-mounts.ts';

/**
 * Only what the console needs: its own scripts (no inline script in Vite's index.html), inline styles
 * (Mantine sets style attributes), data: images (Mantine's CSS icons) and same-origin fetches
 * (API_BASE), its own workers (a demo build's backend runs in one). No framing, no plugins, no
 * foreign forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export interface ServerAppOptions {
  /** The built console (`dist/`), absolute. */
  distDir: string;
  /** m3ter's live-mode proxy; built from `config` when omitted. */
  proxy?: ProxyHandler;
  /** Solvimon's live-mode proxy; built from `config` when omitted. */
  solvimonProxy?: ProxyHandler;
  /** Passed to the proxies built from `config` (tests point them at the fake upstreams). */
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export function createServerApp(config: AppConfig, options: ServerAppOptions): Hono {
  const { distDir } = options;
  const mounts = proxyMounts(config, {
    m3terProxy: options.proxy,
    solvimonProxy: options.solvimonProxy,
    fetchImpl: options.fetchImpl,
    now: options.now,
  });

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  // What is not precompressed (index.html, the proxies' JSON) is gzipped here when the browser takes it.
  app.use('*', compress());

  app.use('*', async (c, next) => {
    const mount = mountFor(new URL(c.req.url).pathname, mounts);
    if (!mount) return next();
    return mount.proxy ? mount.proxy(c.req.raw) : mount.notServed();
  });

  // Dot files (the build-info file, anything a deployment drops there) are not part of the site.
  app.use('*', async (c, next) => {
    if (/(^|\/)\.[^/]*/.test(c.req.path)) return notFound();
    return next();
  });

  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('cache-control')) {
      c.res.headers.set(
        'cache-control',
        c.req.path.startsWith('/assets/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
      );
    }
  });

  // The build wrote .br and .gz copies (config/precompress-plugin.ts); the best one accepted is sent.
  app.use('*', serveStatic({ root: distDir, precompressed: true }));

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.') || c.req.path.startsWith('/assets/')) return notFound();
    let html: string;
    try {
      html = await readFile(join(distDir, 'index.html'), 'utf8');
    } catch {
      return c.text('The console has not been built: run `npm run build`.', 500);
    }
    return c.html(html, 200, { 'cache-control': REVALIDATE_CACHE });
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { allow: 'GET, HEAD' }));

  app.onError((error, c) => {
    console.error('[server] unexpected error', error);
    return mountFor(new URL(c.req.url).pathname, mounts)
      ? c.json({ message: 'Internal error in the console server' }, 500)
      : c.text('Internal error', 500);
  });

  return app;
}

/**
 * The Node server for the app, as `npm run serve` and the tests run it. What the Node adapter and
 * Node's HTTP parser answer by themselves, without reaching the app (a backslash in the path, a
 * malformed Host or request line), is a plain 400 that also carries the security headers.
 */
export function createConsoleServer(app: Hono): Server {
  const listener = getRequestListener(app.fetch, {
    // Leave the global Request/Response alone: the proxy passes fetch's own objects through.
    overrideGlobalObjects: false,
    errorHandler: (error) =>
      new Response(error instanceof RequestError ? 'Bad request' : 'Internal error', {
        status: error instanceof RequestError ? 400 : 500,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        },
      }),
  });
  const server = createServer((req, res) => void listener(req, res));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // What Node does by default, plus the headers; a reset connection gets no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    const headers = Object.entries(SECURITY_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  return server;
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
