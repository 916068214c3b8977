// @vitest-environment node
/**
 * Solvimon's live-mode proxy over real HTTP on loopback: browser (fetch) → production server (Hono,
 * both proxies) → fake Solvimon (node:http, X-API-KEY check + the demo's fake Solvimon store).
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServerApp } from './app.ts';
import { importFromSrc } from './fake-http.ts';
import { loadFakeSolvimonHandlers, startFakeSolvimon, type FakeSolvimon } from './fake-solvimon.ts';
import type { ProxyLogEntry } from './proxy-core.ts';
import { createSolvimonProxyForConfig, createSolvimonProxyHandler } from './solvimon-proxy.ts';
import {
  INDEX_HTML,
  listen,
  loopbackFetch,
  makeDist,
  readAll,
  solvimonLiveConfig,
  TEST_PLATFORM_ID,
  TEST_SOLVIMON_KEY,
} from './test-support.ts';

/** m3ter's upstream is never called here; its proxy only has to be configurable. */
const UNUSED_M3TER = 'http://127.0.0.1:9';
const API = '/solvimon/v1/integrations';
const JSON_HEADERS = { 'content-type': 'application/json' };

interface Harness {
  upstream: FakeSolvimon;
  consoleUrl: string;
  logs: ProxyLogEntry[];
  /** Every response the "browser" got, for the no-key check. */
  seen: Awaited<ReturnType<typeof readAll>>[];
  call(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; headers: Headers; json: unknown }>;
  close(): Promise<void>;
}

async function startHarness(
  options: {
    env?: Record<string, string>;
    upstream?: FakeSolvimon;
    timeoutMs?: number;
  } = {},
): Promise<Harness> {
  const upstream =
    options.upstream ??
    (await startFakeSolvimon({
      apiKey: TEST_SOLVIMON_KEY,
      handlers: await loadFakeSolvimonHandlers(),
    }));
  const config = solvimonLiveConfig(UNUSED_M3TER, upstream.url, options.env);
  const dist = await makeDist(config);
  const logs: ProxyLogEntry[] = [];
  const log = (entry: ProxyLogEntry) => logs.push(entry);
  const solvimon = config.solvimon;
  const solvimonProxy =
    options.timeoutMs === undefined || solvimon.mode !== 'live'
      ? createSolvimonProxyForConfig(config, { fetchImpl: loopbackFetch, log })
      : createSolvimonProxyHandler({
          apiBase: solvimon.apiBase,
          upstreamBaseUrl: solvimon.upstreamBaseUrl,
          apiKey: solvimon.apiKey,
          platformId: solvimon.platformId,
          fetchImpl: loopbackFetch,
          timeoutMs: options.timeoutMs,
          log,
        });
  const server = await listen(
    createServerApp(config, { distDir: dist.dir, solvimonProxy, fetchImpl: loopbackFetch }),
  );
  const seen: Harness['seen'] = [];
  return {
    upstream,
    consoleUrl: server.url,
    logs,
    seen,
    async call(path, init) {
      const response = await loopbackFetch(`${server.url}${path}`, init);
      const all = await readAll(response);
      seen.push(all);
      let json: unknown;
      try {
        json = JSON.parse(all.text);
      } catch {
        json = undefined;
      }
      return { status: all.status, headers: response.headers, json };
    },
    async close() {
      await server.close();
      await upstream.close();
      await dist.remove();
    },
  };
}

type Json = Record<string, unknown>;
const idsOf = (json: unknown) => (json as { data: Array<{ id: string }> }).data.map((i) => i.id);

describe('Solvimon live-mode proxy', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('forwards the list with X-API-KEY and x-platform-id added on the server', async () => {
    const res = await h.call(`${API}?limit=2&page=1&order_by=name&order_direction=DESC`);
    expect(res.status).toBe(200);
    expect(idsOf(res.json)).toHaveLength(2);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(h.upstream.requests).toHaveLength(1);
    const forwarded = h.upstream.requests[0]!;
    // The path without SOLVIMON_API_BASE, the query as sent.
    expect(forwarded.url).toBe(
      '/v1/integrations?limit=2&page=1&order_by=name&order_direction=DESC',
    );
    expect(forwarded.headers['x-api-key']).toBe(TEST_SOLVIMON_KEY);
    expect(forwarded.headers['x-platform-id']).toBe(TEST_PLATFORM_ID);
  });

  it("passes every operation the console uses, and Solvimon's own errors, through", async () => {
    const [id] = idsOf((await h.call(`${API}?limit=1`)).json);
    expect((await h.call(`${API}/${id}`)).status).toBe(200);

    const created = await h.call(API, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        reference: 'proxy-email',
        name: 'Through the proxy',
        type: 'EMAIL_PROVIDER',
        email_provider: { variant: 'SYSTEM' },
      }),
    });
    expect(created.status).toBe(201);
    const newId = String((created.json as Json).id);
    const duplicate = await h.call(API, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ reference: 'proxy-email', type: 'EMAIL_PROVIDER' }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ code: 'RESOURCE_ALREADY_EXISTS' });

    const patched = await h.call(`${API}/${newId}`, {
      method: 'PATCH',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        reference: 'proxy-email',
        name: 'Renamed through the proxy',
        description: '',
        type: 'EMAIL_PROVIDER',
        linked_resources_configurations: [],
      }),
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: 'Renamed through the proxy' });

    for (const [action, status] of [
      ['activate', 'ACTIVE'],
      ['deprecate', 'DEPRECATED'],
      ['archive', 'ARCHIVED'],
    ] as const) {
      const res = await h.call(`${API}/${newId}/${action}`, { method: 'POST' });
      expect(res.status, action).toBe(200);
      expect(res.json, action).toMatchObject({ status });
    }
    const refusedTransition = await h.call(`${API}/${newId}/activate`, { method: 'POST' });
    expect(refusedTransition.status).toBe(400);
    expect(refusedTransition.json).toMatchObject({ code: 'INVALID_OPERATION' });

    const tested = await h.call(`${API}/test-connection?integration_type=EMAIL_PROVIDER`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ api_key: { header: 'Authorization', value: 'key-ok' } }),
    });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ successful: true });

    const mandates = await h.call(`${API}/e-invoicing/default-mandates?limit=2&page=1`);
    expect(mandates.status).toBe(200);
    expect(mandates.json).toHaveLength(2);

    expect((await h.call(`${API}/${newId}`, { method: 'DELETE' })).status).toBe(200);
    const gone = await h.call(`${API}/${newId}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ type: 'INVALID_REQUEST', code: 'RESOURCE_NOT_FOUND' });
    // Lifecycle POSTs went without a body or content type.
    const activate = h.upstream.requests.find((r) => r.url.endsWith('/activate'))!;
    expect(activate.body).toBe('');
    expect(activate.headers['content-type']).toBeUndefined();
  });

  it("drops the browser's X-API-KEY, Authorization, cookies and x-platform-id, and Solvimon's extra headers", async () => {
    h.upstream.setOverride(
      () =>
        new Response(JSON.stringify({ data: [] }), {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'session=upstream; HttpOnly',
            'x-api-key': TEST_SOLVIMON_KEY,
            'x-internal-trace': 'abc',
            'x-ratelimit-remaining': '49',
          },
        }),
    );
    const res = await h.call(`${API}?limit=1`, {
      headers: {
        'x-api-key': 'key-from-the-browser',
        authorization: 'Bearer from-the-browser',
        cookie: 'console-session=123',
        'x-platform-id': 'platform-from-the-browser',
        'x-forwarded-for': '10.0.0.1',
      },
    });
    expect(res.status).toBe(200);
    const forwarded = h.upstream.requests.at(-1)!;
    expect(forwarded.headers['x-api-key']).toBe(TEST_SOLVIMON_KEY);
    expect(forwarded.headers['x-platform-id']).toBe(TEST_PLATFORM_ID);
    expect(forwarded.headers.authorization).toBeUndefined();
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers['x-forwarded-for']).toBeUndefined();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-api-key')).toBeNull();
    expect(res.headers.get('x-internal-trace')).toBeNull();
    expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
  });

  it('refuses paths outside the allow-list, without calling Solvimon', async () => {
    const refused = [
      '/solvimon/v1/customers',
      '/solvimon/v1/invoices/x',
      '/solvimon/v1',
      '/solvimon/v1/',
      '/solvimon/v1/v1/integrations',
      `${API}/x/y`,
      `${API}/x/activate/y`,
      `${API}/x/enable`,
      `${API}/e-invoicing`,
      `${API}/e-invoicing/x`,
      `${API}/test-connection/x`,
      `${API}/..%2F..%2Fcustomers`,
      `${API}/%2e%2e/customers`,
      `${API}/a%5Cb`,
      `${API}//x`,
      `${API}/%E0%A4%A`,
      `${API}/a%00b`,
    ];
    for (const path of refused) {
      const res = await h.call(path);
      expect(res.status, path).toBe(404);
      expect(res.json, path).toEqual({
        type: 'INVALID_REQUEST',
        code: 'PROXY_REFUSED',
        message: expect.any(String) as unknown,
      });
    }
    // A literal `..` (no browser sends one) resolves below the base and is refused there too.
    const raw = await rawGet(h.consoleUrl, `${API}/../customers`);
    expect(raw.status).toBe(404);
    expect(JSON.parse(raw.body)).toMatchObject({ code: 'PROXY_REFUSED' });
    // The console's own pages under /solvimon are the single-page app's, never the proxy's.
    for (const page of ['/solvimon/integrations', '/solvimon/integrations/intg_x/edit']) {
      const res = await loopbackFetch(`${h.consoleUrl}${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text(), page).toBe(INDEX_HTML);
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('refuses query parameters Solvimon does not document for the operation', async () => {
    const cases: Array<[string, string]> = [
      ['GET', `${API}?limit=1&api_key=x`],
      ['GET', `${API}?limit=1&limit=2`],
      ['GET', `${API}/intg_x?expand=all`],
      ['POST', `${API}?limit=1`],
      ['POST', `${API}/test-connection?limit=1`],
      ['POST', `${API}/intg_x/activate?force=true`],
      ['GET', `${API}/e-invoicing/default-mandates?integration_type=X`],
    ];
    for (const [method, path] of cases) {
      const res = await h.call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.json, `${method} ${path}`).toMatchObject({ code: 'PROXY_REFUSED' });
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('refuses methods the console does not use', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', `${API}/x`, 'GET, PATCH, DELETE'],
      ['POST', `${API}/x`, 'GET, PATCH, DELETE'],
      ['DELETE', API, 'GET, POST'],
      ['PATCH', API, 'GET, POST'],
      ['GET', `${API}/test-connection`, 'POST'],
      ['PATCH', `${API}/x/activate`, 'POST'],
      ['GET', `${API}/x/archive`, 'POST'],
      ['POST', `${API}/e-invoicing/default-mandates`, 'GET'],
      ['HEAD', API, 'GET, POST'],
      ['OPTIONS', API, 'GET, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await h.call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('refuses cross-site requests and oversized or non-JSON bodies', async () => {
    const crossSite = await h.call(API, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await h.call(`${API}/intg_x/archive`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.json).toMatchObject({
      code: 'PROXY_REFUSED',
      message: 'Cross-site requests to the Solvimon proxy are refused.',
    });
    const big = await h.call(API, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ reference: 'big', name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ type: 'INVALID_REQUEST', code: 'PROXY_BODY_TOO_LARGE' });
    const text = await h.call(`${API}/intg_x`, {
      method: 'PATCH',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    });
    expect(text.status).toBe(415);
    expect(h.upstream.requests).toHaveLength(0);

    const sameOrigin = await h.call(`${API}?limit=1`, {
      headers: { 'sec-fetch-site': 'same-origin', origin: h.consoleUrl },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('passes 429 through with Retry-After and never retries', async () => {
    h.upstream.setOverride(() =>
      Response.json(
        { type: 'API_ERROR', code: 'INTERNAL_ERROR', message: 'Slow down' },
        { status: 429, headers: { 'retry-after': '3' } },
      ),
    );
    const res = await h.call(`${API}/intg_x/activate`, { method: 'POST' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(h.upstream.requests).toHaveLength(1);
  });

  it('never lets the key reach the browser or the log, and logs method, path, status, time', async () => {
    const [id] = idsOf((await h.call(`${API}?limit=3&page=1`)).json);
    await h.call(`${API}/${id}`);
    await h.call(`${API}/${id}`, { method: 'PATCH', headers: JSON_HEADERS, body: '{}' });
    await h.call('/solvimon/v1/customers');
    await h.call(`${API}/test-connection`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ api_key: { header: 'X-API-KEY', value: 'wrong-key' } }),
    });
    await h.call('/solvimon/integrations');

    const everything = JSON.stringify({ seen: h.seen, logs: h.logs });
    expect(everything).not.toContain(TEST_SOLVIMON_KEY);
    for (const response of h.seen) {
      expect(response.headers['x-api-key']).toBeUndefined();
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(h.logs[0]).toEqual({
      method: 'GET',
      path: API,
      status: 200,
      upstreamStatus: 200,
      durationMs: expect.any(Number) as unknown,
    });
    expect(h.logs.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      `GET ${API} 200`,
      `GET ${API}/${id} 200`,
      `PATCH ${API}/${id} 400`,
      'GET /solvimon/v1/customers 404',
      `POST ${API}/test-connection 200`,
    ]);
    expect(h.logs[3]).toMatchObject({ code: 'PROXY_REFUSED' });
  });
});

describe('Solvimon live-mode proxy: configuration and failures', () => {
  it('without SOLVIMON_PLATFORM_ID sends no x-platform-id, not even the browser’s', async () => {
    const h = await startHarness({ env: { SOLVIMON_PLATFORM_ID: '' } });
    try {
      const res = await h.call(`${API}?limit=1`, { headers: { 'x-platform-id': 'from-browser' } });
      expect(res.status).toBe(200);
      expect(h.upstream.requests[0]?.headers['x-platform-id']).toBeUndefined();
      expect(h.upstream.requests[0]?.headers['x-api-key']).toBe(TEST_SOLVIMON_KEY);
    } finally {
      await h.close();
    }
  });

  it('answers 401 PROXY_AUTH_FAILED naming SOLVIMON_API_KEY when Solvimon refuses the key', async () => {
    const h = await startHarness({ env: { SOLVIMON_API_KEY: 'a-revoked-key-value' } });
    try {
      const res = await h.call(`${API}?limit=1`);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        type: 'INVALID_REQUEST',
        code: 'PROXY_AUTH_FAILED',
        message: expect.stringContaining('SOLVIMON_API_KEY') as unknown,
      });
      expect(h.upstream.requests).toHaveLength(1);
      const everything = JSON.stringify({ seen: h.seen, logs: h.logs });
      expect(everything).not.toContain('a-revoked-key-value');
      expect(everything).not.toContain(TEST_SOLVIMON_KEY);
      expect(h.logs[0]).toMatchObject({
        status: 401,
        upstreamStatus: 401,
        code: 'PROXY_AUTH_FAILED',
      });
    } finally {
      await h.close();
    }
  });

  it('answers 502 when Solvimon cannot be reached, 504 when it is too slow, in its ApiError shape', async () => {
    const { createSolvimonHttpError } = await importFromSrc('api/solvimon/errors.ts');
    const asBrowserError = (status: number, body: unknown) =>
      (createSolvimonHttpError as (init: unknown) => Error & { code?: string })({
        status,
        path: '/integrations',
        method: 'GET',
        body: JSON.stringify(body),
        statusText: '',
        headers: new Headers(),
      });

    const down = await startFakeSolvimon({ apiKey: TEST_SOLVIMON_KEY, handlers: [] });
    await down.close();
    const unreachable = await startHarness({ upstream: down });
    try {
      const res = await unreachable.call(`${API}?limit=1`);
      expect(res.status).toBe(502);
      expect(res.json).toEqual({
        type: 'API_ERROR',
        code: 'PROXY_UPSTREAM_UNREACHABLE',
        message: expect.stringContaining('Solvimon could not be reached') as unknown,
      });
      const error = asBrowserError(res.status, res.json);
      expect(error.name).toBe('SolvimonServerError');
      expect(error.code).toBe('PROXY_UPSTREAM_UNREACHABLE');
      expect(error.message).toMatch(/^Solvimon could not be reached/);
    } finally {
      await unreachable.close();
    }

    const slow = await startHarness({ timeoutMs: 150 });
    try {
      slow.upstream.setOverride(async () => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        return Response.json({ data: [] });
      });
      const res = await slow.call(`${API}?limit=1`);
      expect(res.status).toBe(504);
      expect(res.json).toEqual({
        type: 'API_ERROR',
        code: 'PROXY_UPSTREAM_TIMEOUT',
        message: 'Solvimon did not answer within 150 ms.',
      });
      expect(asBrowserError(res.status, res.json).name).toBe('SolvimonServerError');

      slow.upstream.setOverride(
        () =>
          new Response('<html><body>Bad gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      );
      const html = await slow.call(`${API}?limit=1`);
      expect(html.status).toBe(502);
      expect(html.json).toEqual({
        type: 'API_ERROR',
        code: 'INTERNAL_ERROR',
        message: expect.stringContaining('Solvimon answered HTTP 502') as unknown,
      });
    } finally {
      await slow.close();
    }
  });

  it('beside a live m3ter with Solvimon off, answers its path with a JSON 404 and forwards nothing', async () => {
    const upstream = await startFakeSolvimon({ apiKey: TEST_SOLVIMON_KEY, handlers: [] });
    const config = solvimonLiveConfig(UNUSED_M3TER, upstream.url, { SOLVIMON_MODE: 'off' });
    const dist = await makeDist(config);
    const server = await listen(createServerApp(config, { distDir: dist.dir }));
    try {
      const res = await loopbackFetch(`${server.url}${API}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ type: 'INVALID_REQUEST', code: 'SOLVIMON_OFF' });
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await server.close();
      await upstream.close();
      await dist.remove();
    }
  });
});

/** A GET with the path exactly as given (fetch would resolve `..` before sending). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
