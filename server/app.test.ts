// @vitest-environment node
/** The production server's static side: cache headers, SPA fallback, security headers, demo mode. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../config/app-config.ts';
import {
  CONTENT_SECURITY_POLICY,
  createServerApp,
  IMMUTABLE_CACHE,
  REVALIDATE_CACHE,
} from './app.ts';
import { BUILD_INFO_FILE } from './build-info.ts';
import { ENTRY_JS, INDEX_HTML, listen, loopbackFetch, makeDist, rawGet } from './test-support.ts';

function decode(body: Buffer, encoding: string | null): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

describe('production server in demo mode', () => {
  const config = loadAppConfig({});
  let dist: Awaited<ReturnType<typeof makeDist>>;
  let server: Awaited<ReturnType<typeof listen>>;
  const get = (path: string, init?: RequestInit) => loopbackFetch(`${server.url}${path}`, init);

  beforeAll(async () => {
    dist = await makeDist(config);
    server = await listen(createServerApp(config, { distDir: dist.dir }));
  });
  afterAll(async () => {
    await server.close();
    await dist.remove();
  });

  it('serves index.html revalidated, with the security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
    expect(res.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('has a CSP that allows only what the console needs', () => {
    const directives: Record<string, string> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d): [string, string] => {
        const [name = '', ...values] = d.split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'connect-src': "'self'",
      'img-src': "'self' data:",
      'worker-src': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
  });

  it('caches hashed assets for a year and revalidates public files', async () => {
    const js = await get('/assets/index-Ab12Cd34.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    const css = await get('/assets/index-Ef56Gh78.css');
    expect(css.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expect(icon.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it("sends the build's brotli or gzip copy of a file to a browser that takes it", async () => {
    const cases: [string, string | null][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', null],
    ];
    for (const [accepts, expected] of cases) {
      const res = await rawGet(server.url, '/assets/index-Ab12Cd34.js', accepts);
      expect(res.headers['content-encoding'] ?? null, accepts).toBe(expected);
      expect(res.headers.vary, accepts).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control'], accepts).toBe(IMMUTABLE_CACHE);
      expect(decode(res.body, expected).toString('utf8'), accepts).toBe(ENTRY_JS);
      if (expected) expect(res.body.length, accepts).toBeLessThan(ENTRY_JS.length / 4);
    }
  });

  it('gzips index.html on the way out when the browser takes it', async () => {
    const res = await rawGet(server.url, '/configs', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(gunzipSync(res.body).toString('utf8')).toBe(INDEX_HTML);
    const plain = await rawGet(server.url, '/configs', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(INDEX_HTML);
  });

  it('falls back to index.html for client routes, but not for missing files', async () => {
    for (const route of ['/configs', '/runs/Bill/0000-1111?status=ERROR', '/mappings/new']) {
      const res = await get(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type'), route).toMatch(/text\/html/);
      expect(res.headers.get('cache-control'), route).toBe(REVALIDATE_CACHE);
      expect(await res.text(), route).toBe(INDEX_HTML);
    }
    for (const missing of ['/assets/index-gone.js', '/assets/chunk', '/robots.txt']) {
      const res = await get(missing);
      expect(res.status, missing).toBe(404);
      expect(res.headers.get('cache-control'), missing).not.toBe(IMMUTABLE_CACHE);
    }
  });

  it('does not serve dot files or paths outside dist/', async () => {
    expect((await get(`/${BUILD_INFO_FILE}`)).status).toBe(404);
    expect((await get('/.env.local')).status).toBe(404);
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/..%2fpackage.json')).status).toBe(404);
  });

  it('answers HEAD and refuses other methods outside API_BASE', async () => {
    const head = await get('/assets/index-Ab12Cd34.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await get('/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it("answers Solvimon's API path in its error shape in demo mode, and its pages with index.html", async () => {
    for (const path of ['/solvimon/v1', '/solvimon/v1/integrations?limit=1']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({
        type: 'INVALID_REQUEST',
        code: 'DEMO_MODE',
        message: expect.stringContaining('Solvimon demo backend') as unknown,
      });
    }
    const page = await get('/solvimon/integrations?page=2');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('answers API_BASE with a JSON 404 in demo mode, never with index.html', async () => {
    for (const path of ['/m3ter', `/m3ter/organizations/${config.orgId}/integrationconfigs`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({
        code: 'DEMO_MODE',
        message: expect.any(String) as unknown,
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
