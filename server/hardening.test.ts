// @vitest-environment node
/**
 * Issue 15: what the live-mode proxy must hold against, over loopback with requests sent raw
 * (node:http or a bare socket, so no client resolves or re-encodes the path first): browser → the
 * production server (Hono on the Node adapter, the m3ter proxy) → the fake m3ter (node:http).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { createServerApp } from './app.ts';
import {
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  loadFakeM3terHandlers,
  startFakeUpstream,
  type FakeUpstream,
} from './fake-upstream.ts';
import { DEFAULT_BUDGET_MS, type ProxyLogEntry } from './proxy-core.ts';
import { createProxyHandler } from './proxy.ts';
import {
  createClock,
  liveConfig,
  listen,
  loopbackFetch,
  makeDist,
  rawExchange,
  rawRequest,
  sleep,
  TEST_KEY_ID,
  TEST_ORG_ID,
  TEST_SECRET,
} from './test-support.ts';
import { createTokenProvider, REFUSAL_MEMORY_MS } from './token-provider.ts';

const API = `/m3ter/organizations/${TEST_ORG_ID}`;
const JSON_TYPE = { 'content-type': 'application/json' };

interface Harness {
  upstream: FakeUpstream;
  url: string;
  clock: ReturnType<typeof createClock>;
  logs: ProxyLogEntry[];
  /** Requests m3ter received other than token exchanges. */
  apiRequests(): FakeUpstream['requests'];
  close(): Promise<void>;
}

let open: Harness | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
  vi.restoreAllMocks();
});

async function start(options: { secret?: string; timeoutMs?: number } = {}): Promise<Harness> {
  const clock = createClock();
  const upstream = await startFakeUpstream({
    accessKeyId: TEST_KEY_ID,
    apiSecret: TEST_SECRET,
    orgId: TEST_ORG_ID,
    tokenLifetimeSeconds: 600,
    now: clock.now,
    handlers: await loadFakeM3terHandlers(),
  });
  const config = liveConfig(
    upstream.url,
    options.secret ? { M3TER_API_SECRET: options.secret } : {},
  );
  const dist = await makeDist(config);
  const logs: ProxyLogEntry[] = [];
  const proxy = createProxyHandler({
    apiBase: config.apiBase,
    orgId: config.orgId,
    upstreamBaseUrl: config.upstreamBaseUrl,
    tokens: createTokenProvider({
      credentials: config.credentials!,
      upstreamBaseUrl: config.upstreamBaseUrl,
      fetchImpl: loopbackFetch,
      now: clock.now,
    }),
    fetchImpl: loopbackFetch,
    log: (entry) => logs.push(entry),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const server = await listen(createServerApp(config, { distDir: dist.dir, proxy }));
  open = {
    upstream,
    url: server.url,
    clock,
    logs,
    apiRequests: () => upstream.requests.filter((r) => !r.url.startsWith('/oauth/token')),
    async close() {
      await server.close();
      await upstream.close();
      await dist.remove();
    },
  };
  return open;
}

const json = (text: string): unknown => JSON.parse(text);

describe('1. only path segments the console produces are forwarded', () => {
  const attacks = [
    `${API}/integrationconfigs/..;/accounts/123`,
    `${API}/integrationruns/..;/..;/..;/oauth/token`,
    `${API}/integrationconfigs/%252e%252e%252f%252e%252e%252faccounts`,
    `${API}/integrationconfigs/%255c..%255caccounts`,
    `${API}/integrationconfigs/..%3b/accounts`,
    `${API}/integrationconfigs/..%3B/accounts`,
    `${API}/integrationconfigs/%ef%bc%8e%ef%bc%8e/accounts`,
    `${API}/integrationconfigs/%EF%BC%8E%EF%BC%8E/accounts`,
    `${API}/integrationconfigs/%e2%80%a5/accounts`,
    `${API}/integrationconfigs/0f4c2a11-7d3e-4b5a-9c8d-1e2f3a4b5c6d;jsessionid=1`,
    `${API}/integrationconfigs;x=1`,
    // Escapes the console never writes: a needless one, lower-case hex, a dot.
    `${API}/integrationconfigs/%41ccount`,
    `${API}/integrationruns/Bill/a%2fb`,
    `${API}/integrationconfigs/%2E`,
    // External text (an external id) still may not hold separators, escapes or only dots.
    `${API}/externalmappings/externalid/Stripe/Customer/..%3B`,
    `${API}/externalmappings/externalid/Stripe/Customer/%2E%2E`,
    `${API}/externalmappings/externalid/Stripe/Customer/a%25252e`,
    `${API}/externalmappings/externalid/Stripe/Customer/%EF%BC%8E%EF%BC%8E`,
    `${API}/externalmappings/externalid/Stripe/Customer/a%5Cb`,
    // …and only there: names everywhere else.
    `${API}/integrationconfigs/Sales%20Order`,
  ];

  it('refuses every other form with 404 PROXY_REFUSED, under GET and DELETE, and sends nothing', async () => {
    const h = await start();
    for (const path of attacks) {
      for (const method of ['GET', 'DELETE']) {
        const res = await rawRequest(h.url, { path, method });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(json(res.text), `${method} ${path}`).toMatchObject({ code: 'PROXY_REFUSED' });
      }
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('keeps forwarding every path the console builds', async () => {
    const h = await start();
    const id = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
    const text = (value: string) => encodeURIComponent(value);
    const paths = [
      '/integrationconfigs',
      `/integrationconfigs/${id}`,
      `/integrationconfigs/${id}/enable`,
      '/integrationconfigs/entity/Bill',
      '/integrationconfigs/available/systems',
      `/integrationruns/Bill/${id}`,
      `/integrationruns/Bill/latest/${id}`,
      `/integrationruns/destinations/${id}`,
      `/integrationruns/${id}`,
      `/integrationruns/logs/${id}`,
      '/externalmappings',
      `/externalmappings/${id}`,
      `/externalmappings/external/Account/${id}`,
      `/externalmappings/externalid/Stripe/Customer/cus_00000000000000`,
      `/externalmappings/externalid/${text('Net Suite')}/${text('Sales Order')}/${text('INV-2024.001 (ü)')}`,
      `/externalmappings/externalid/Xero/Contact/${text('a@b.example:+1')}`,
      '/externalmappingconfiguration',
      `/externalmappingconfiguration/values/Stripe/Account`,
      `/externalmappingconfiguration/values/Stripe/Account/${id}`,
      '/events',
      `/events/${id}`,
      `/bills/${id}`,
      `/accounts/${id}`,
    ];
    for (const path of paths) {
      const method = path.endsWith('/enable') ? 'POST' : 'GET';
      const res = await rawRequest(h.url, { path: `${API}${path}`, method });
      expect(res.text, path).not.toContain('PROXY_REFUSED');
    }
    expect(h.apiRequests().map((r) => r.url)).toEqual(
      paths.map((path) => `/organizations/${TEST_ORG_ID}${path}`),
    );
  });
});

describe('2. upstream calls are tied to the browser connection', () => {
  it('never starts a write whose client went away while the token was being obtained', async () => {
    const h = await start();
    let tokenAsked!: () => void;
    const asked = new Promise<void>((resolve) => (tokenAsked = resolve));
    h.upstream.setTokenOverride(async () => {
      tokenAsked();
      await sleep(600);
      return undefined;
    });
    const gone = new AbortController();
    const post = rawRequest(h.url, {
      path: `${API}/integrationconfigs`,
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ entityType: 'Bill', destination: 'Stripe', configData: {} }),
      signal: gone.signal,
    });
    await asked;
    await sleep(100);
    gone.abort();
    expect((await post).status).toBe(0);
    await sleep(900);
    expect(h.upstream.tokenRequestCount()).toBe(1);
    expect(h.apiRequests()).toEqual([]);
    expect(h.logs).toEqual([
      expect.objectContaining({ method: 'POST', status: 499, clientGone: true }),
    ]);
  });

  it('aborts a call in flight when its client goes', async () => {
    const h = await start();
    h.upstream.setOverride(async () => {
      await sleep(1500);
      return Response.json({ data: [] });
    });
    const gone = new AbortController();
    const started = Date.now();
    const get = rawRequest(h.url, { path: `${API}/integrationruns/Bill/x`, signal: gone.signal });
    await vi.waitFor(() => expect(h.apiRequests()).toHaveLength(1));
    gone.abort();
    await get;
    await vi.waitFor(() => expect(h.logs).toHaveLength(1), { timeout: 1000 });
    // Answered (and logged) when the client left, not when m3ter would have answered.
    expect(Date.now() - started).toBeLessThan(1400);
    expect(h.logs[0]).toMatchObject({ status: 499, clientGone: true });
  });
});

describe('3. one time budget per browser request', () => {
  it('is below the console’s own timeout, so the browser shows the proxy’s 504', async () => {
    // The browser's own timeout, as src/api/transport.ts declares it.
    const transport = await readFile(new URL('../src/api/transport.ts', import.meta.url), 'utf8');
    const browserTimeout = /const DEFAULT_TIMEOUT_MS = ([\d_]+);/.exec(transport)?.[1];
    expect(browserTimeout).toBeDefined();
    expect(DEFAULT_BUDGET_MS).toBeLessThanOrEqual(
      Number(browserTimeout?.replace(/_/g, '')) - 5_000,
    );
  });

  it('covers the token exchange and the call together', async () => {
    const h = await start({ timeoutMs: 500 });
    h.upstream.setTokenOverride(async () => {
      await sleep(350);
      return undefined;
    });
    h.upstream.setOverride(async () => {
      await sleep(350);
      return Response.json({ data: [] });
    });
    const started = Date.now();
    const res = await rawRequest(h.url, { path: `${API}/integrationruns/Bill/x` });
    const took = Date.now() - started;
    expect(res.status).toBe(504);
    expect(json(res.text)).toEqual({
      code: 'PROXY_UPSTREAM_TIMEOUT',
      message: 'm3ter did not answer within 500 ms.',
    });
    expect(took).toBeLessThan(690);
  });

  it('covers a renewal after a 403 too', async () => {
    const h = await start({ timeoutMs: 500 });
    await rawRequest(h.url, { path: `${API}/integrationconfigs?pageSize=1` });
    h.clock.advance(60_000);
    h.upstream.setOverride(async () => {
      await sleep(300);
      return Response.json({ message: 'Forbidden' }, { status: 403 });
    });
    const started = Date.now();
    const res = await rawRequest(h.url, { path: `${API}/integrationconfigs?pageSize=1` });
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(690);
  });
});

describe('4. token endpoint back-off', () => {
  it('honours Retry-After on a 429 from /oauth/token and passes it on', async () => {
    const h = await start();
    h.upstream.setTokenOverride(
      () =>
        new Response('{"message":"slow down"}', { status: 429, headers: { 'retry-after': '7' } }),
    );
    for (let i = 0; i < 10; i += 1) {
      const res = await rawRequest(h.url, { path: `${API}/integrationconfigs` });
      expect(res.status).toBe(429);
      expect(json(res.text)).toMatchObject({ code: 'PROXY_RATE_LIMITED' });
      expect(res.headers['retry-after']).toBe(String(Math.ceil((7_000 - 500 * i) / 1000)));
      h.clock.advance(500);
    }
    expect(h.upstream.tokenRequestCount()).toBe(1);
    h.clock.advance(1_500);
    const later = await rawRequest(h.url, { path: `${API}/integrationconfigs` });
    expect(later.headers['retry-after']).toBe('1');
    expect(h.upstream.tokenRequestCount()).toBe(1);
    h.clock.advance(500);
    h.upstream.setTokenOverride(undefined);
    const ok = await rawRequest(h.url, { path: `${API}/integrationconfigs?pageSize=1` });
    expect(ok.status).toBe(200);
    expect(h.upstream.tokenRequestCount()).toBe(2);
  });

  it('remembers a refusal of the credentials for a while instead of asking on every request', async () => {
    const h = await start({ secret: 'a-revoked-secret' });
    for (let i = 0; i < 10; i += 1) {
      const res = await rawRequest(h.url, { path: `${API}/integrationconfigs` });
      expect(res.status).toBe(401);
      expect(json(res.text)).toMatchObject({ code: 'PROXY_AUTH_FAILED' });
    }
    expect(h.upstream.tokenRequestCount()).toBe(1);
    h.clock.advance(REFUSAL_MEMORY_MS);
    await rawRequest(h.url, { path: `${API}/integrationconfigs` });
    expect(h.upstream.tokenRequestCount()).toBe(2);
  });
});

describe('5. m3ter’s non-JSON 5xx', () => {
  it('keeps Retry-After when the page is replaced by a JSON error', async () => {
    const h = await start();
    h.upstream.setOverride(
      () =>
        new Response('<html>Service Unavailable</html>', {
          status: 503,
          headers: { 'content-type': 'text/html', 'retry-after': '9', 'x-ratelimit-limit': '50' },
        }),
    );
    const res = await rawRequest(h.url, { path: `${API}/integrationconfigs` });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(json(res.text)).toEqual({ message: expect.stringContaining('HTTP 503') as unknown });
    expect(res.headers['retry-after']).toBe('9');
    expect(res.headers['x-ratelimit-limit']).toBe('50');
  });
});

describe('6. logs', () => {
  it('300 uploads aborted mid-body: 300 lines, no stack trace, nothing sent', async () => {
    const h = await start();
    const printed = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'info').mockImplementation(() => {}),
    ];
    const { port } = new URL(h.url);
    const abortOne = () =>
      new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST ${API}/integrationconfigs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
              'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"entityType":',
          );
          setTimeout(() => socket.destroy(), 30);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(Array.from({ length: 30 }, abortOne));
    }
    await vi.waitFor(() => expect(h.logs).toHaveLength(300), { timeout: 5_000 });
    await sleep(100);
    expect(h.logs).toHaveLength(300);
    expect(h.logs.every((entry) => entry.status === 499 && entry.clientGone)).toBe(true);
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    expect(h.upstream.requests).toHaveLength(0);
  });
});

describe('7. bodies labelled JSON', () => {
  it('are parsed before anything is sent: not JSON → 400, never forwarded', async () => {
    const h = await start();
    for (const body of ['{"entityType":', 'not json', '{"a":1}}', "{'a':1}"]) {
      const res = await rawRequest(h.url, {
        path: `${API}/integrationconfigs`,
        method: 'POST',
        headers: JSON_TYPE,
        body,
      });
      expect(res.status, body).toBe(400);
      expect(json(res.text), body).toEqual({
        code: 'PROXY_REFUSED',
        message: expect.stringContaining('not valid JSON') as unknown,
      });
    }
    const bytes = await loopbackFetch(`${h.url}${API}/integrationconfigs`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(bytes.status).toBe(400);
    expect(h.upstream.requests).toHaveLength(0);
  });
});

describe('8. smaller promises', () => {
  it('a redirect from the token endpoint is PROXY_UPSTREAM_INVALID', async () => {
    const h = await start();
    h.upstream.setTokenOverride(
      () => new Response(null, { status: 302, headers: { location: 'https://login.example/' } }),
    );
    const res = await rawRequest(h.url, { path: `${API}/integrationconfigs` });
    expect(res.status).toBe(502);
    expect(json(res.text)).toMatchObject({ code: 'PROXY_UPSTREAM_INVALID' });
  });

  it("the Node adapter's and Node's own 400s carry the security headers", async () => {
    const h = await start();
    const backslash = await rawRequest(h.url, { path: `${API}/integrationconfigs\\..\\accounts` });
    expect(backslash.status).toBe(400);
    expect(backslash.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(backslash.headers['x-content-type-options']).toBe('nosniff');
    expect(backslash.headers['x-frame-options']).toBe('DENY');

    const malformed = await rawExchange(
      h.url,
      'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
    );
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(malformed).toMatch(/content-security-policy: default-src 'self'/i);
    expect(malformed).toMatch(/x-content-type-options: nosniff/i);
    expect(h.upstream.requests).toHaveLength(0);
  });

  it("the fake m3ter's tokens last 18,000 s by default, as m3ter's do", async () => {
    const upstream = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      handlers: [],
    });
    try {
      const res = await rawRequest(upstream.url, {
        path: '/oauth/token',
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${TEST_KEY_ID}:${TEST_SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(json(res.text)).toMatchObject({ expires_in: 18_000 });
      expect(DEFAULT_TOKEN_LIFETIME_SECONDS).toBe(18_000);
    } finally {
      await upstream.close();
    }
  });

  it('the fake refuses a malformed nextToken on GET /integrationconfigs/entity/{entityType}', async () => {
    const h = await start();
    const res = await rawRequest(h.url, {
      path: `${API}/integrationconfigs/entity/Bill?nextToken=not-a-token`,
    });
    expect(res.status).toBe(400);
    expect(json(res.text)).toMatchObject({
      message: expect.stringContaining('nextToken') as unknown,
    });
    const list = await rawRequest(h.url, {
      path: `${API}/integrationconfigs?nextToken=not-a-token`,
    });
    expect(list.status).toBe(400);
  });

  it('the build ships no mockServiceWorker.js (the demo backend answers from its own worker)', async () => {
    // Vite copies public/ into every build, live included; msw copies its worker only into a
    // `msw.workerDirectory` named in package.json.
    const root = new URL('../', import.meta.url);
    expect(await readdir(new URL('public/', root))).not.toContain('mockServiceWorker.js');
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
      msw?: unknown;
    };
    expect(pkg.msw).toBeUndefined();
    const h = await start();
    expect((await rawRequest(h.url, { path: '/mockServiceWorker.js' })).status).toBe(404);
  });
});
