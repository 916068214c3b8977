// @vitest-environment node
/**
 * The live-mode proxy over real HTTP on loopback: browser (fetch) → production server (Hono, the
 * proxy) → fake m3ter (node:http, /oauth/token + the fake store). One clock drives both the fake's
 * token expiry and the proxy's token cache, so expiry is tested without waiting.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServerApp } from './app.ts';
import { loadFakeM3terHandlers, startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { createProxyForConfig, createProxyHandler } from './proxy.ts';
import type { ProxyLogEntry } from './proxy-core.ts';
import {
  createClock,
  liveConfig,
  listen,
  loopbackFetch,
  makeDist,
  rawGet,
  readAll,
  TEST_KEY_ID,
  TEST_ORG_ID,
  TEST_SECRET,
} from './test-support.ts';
import { createTokenProvider, type TokenEvent } from './token-provider.ts';

const TOKEN_LIFETIME_S = 600;

interface Harness {
  upstream: FakeUpstream;
  consoleUrl: string;
  api: string;
  clock: ReturnType<typeof createClock>;
  logs: ProxyLogEntry[];
  tokenEvents: TokenEvent[];
  /** Every response the "browser" got, for the no-secret check. */
  seen: Awaited<ReturnType<typeof readAll>>[];
  call(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; headers: Headers; json: unknown }>;
  close(): Promise<void>;
}

async function startHarness(
  options: { secret?: string; env?: Record<string, string>; upstream?: FakeUpstream } = {},
): Promise<Harness> {
  const clock = createClock();
  const upstream =
    options.upstream ??
    (await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      orgId: TEST_ORG_ID,
      tokenLifetimeSeconds: TOKEN_LIFETIME_S,
      now: clock.now,
      handlers: await loadFakeM3terHandlers(),
    }));
  const config = liveConfig(upstream.url, {
    ...(options.secret ? { M3TER_API_SECRET: options.secret } : {}),
    ...options.env,
  });
  const dist = await makeDist(config);
  const logs: ProxyLogEntry[] = [];
  const tokenEvents: TokenEvent[] = [];
  const proxy = createProxyForConfig(config, {
    fetchImpl: loopbackFetch,
    now: clock.now,
    log: (entry) => logs.push(entry),
    onTokenEvent: (event) => tokenEvents.push(event),
  });
  const server = await listen(createServerApp(config, { distDir: dist.dir, proxy }));
  const seen: Harness['seen'] = [];
  return {
    upstream,
    consoleUrl: server.url,
    api: `/m3ter/organizations/${TEST_ORG_ID}`,
    clock,
    logs,
    tokenEvents,
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

function bearerOf(request: { headers: Record<string, string | string[] | undefined> }) {
  return request.headers.authorization;
}

describe('live-mode proxy', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('exchanges the Service User credentials for a token and forwards with it', async () => {
    const res = await h.call(`${h.api}/integrationconfigs?pageSize=2`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ data: expect.any(Array) as unknown });
    expect((res.json as { data: unknown[] }).data).toHaveLength(2);
    expect(res.headers.get('cache-control')).toBe('no-store');

    const [tokenRequest, apiRequest] = h.upstream.requests;
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.url).toBe('/oauth/token');
    expect(tokenRequest?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${TEST_KEY_ID}:${TEST_SECRET}`).toString('base64')}`,
    );
    expect(new URLSearchParams(tokenRequest?.body).get('grant_type')).toBe('client_credentials');
    // The path without API_BASE and the query string as sent.
    expect(apiRequest?.url).toBe(`/organizations/${TEST_ORG_ID}/integrationconfigs?pageSize=2`);
    expect(bearerOf(apiRequest!)).toBe(`Bearer ${h.upstream.issuedTokens[0]}`);
  });

  it('gzips JSON for a browser that takes it, and only then', async () => {
    const path = `${h.api}/integrationconfigs?pageSize=5`;
    const zipped = await rawGet(h.consoleUrl, path, 'gzip, deflate, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    const json = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as { data: unknown[] };
    expect(json.data).toHaveLength(5);
    const plain = await rawGet(h.consoleUrl, path, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(json);
  });

  it('gets one token for many concurrent requests, then reuses it', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, () => h.call(`${h.api}/integrationconfigs?pageSize=1`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 25 }, () => 200));
    await h.call(`${h.api}/externalmappings?pageSize=1`);
    expect(h.upstream.tokenRequestCount()).toBe(1);
    expect(h.upstream.apiRequestCount()).toBe(26);
  });

  it('renews the token shortly before it expires, without m3ter ever refusing it', async () => {
    await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    // 10 % of the lifetime before expiry the cached token is no longer used.
    h.clock.advance(TOKEN_LIFETIME_S * 1000 * 0.85);
    await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    expect(h.upstream.tokenRequestCount()).toBe(1);
    h.clock.advance(TOKEN_LIFETIME_S * 1000 * 0.1);
    const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    expect(res.status).toBe(200);
    expect(h.upstream.tokenRequestCount()).toBe(2);
    const apiRequests = h.upstream.requests.filter((r) => r.url !== '/oauth/token');
    expect(apiRequests.map(bearerOf)).toEqual([
      `Bearer ${h.upstream.issuedTokens[0]}`,
      `Bearer ${h.upstream.issuedTokens[0]}`,
      `Bearer ${h.upstream.issuedTokens[1]}`,
    ]);
  });

  it('gets a new token after expiry', async () => {
    await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    h.clock.advance(TOKEN_LIFETIME_S * 1000 + 1);
    const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    expect(res.status).toBe(200);
    expect(h.upstream.tokenRequestCount()).toBe(2);
  });

  it('renews once on an expired-token 403 and sends the request again, writes included', async () => {
    const list = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    const config = (list.json as { data: Array<Record<string, unknown>> }).data[0]!;
    // m3ter now considers the token expired although the proxy's cache does not.
    h.upstream.revokeAllTokens();
    h.clock.advance(60_000);

    const body = JSON.stringify({ ...config, name: 'Renamed through the proxy' });
    const put = await h.call(`${h.api}/integrationconfigs/${String(config.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ name: 'Renamed through the proxy' });
    expect(h.upstream.tokenRequestCount()).toBe(2);
    const puts = h.upstream.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts.map(bearerOf)).toEqual([
      `Bearer ${h.upstream.issuedTokens[0]}`,
      `Bearer ${h.upstream.issuedTokens[1]}`,
    ]);
    expect(puts[1]?.body).toBe(body);
    expect(h.logs.at(-1)).toMatchObject({ method: 'PUT', status: 200, retriedWithNewToken: true });
  });

  it('renews on a 401 from the API too, but only once per request', async () => {
    await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    h.clock.advance(60_000);
    let calls = 0;
    h.upstream.setOverride(() => {
      calls += 1;
      return Response.json({ message: 'Unauthorized' }, { status: 401 });
    });
    const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: 'Unauthorized' });
    expect(calls).toBe(2);
    expect(h.upstream.tokenRequestCount()).toBe(2);
  });

  it('passes a 403 on a fresh token through without another exchange (a real permission refusal)', async () => {
    h.upstream.setOverride(() =>
      Response.json({ message: 'Forbidden: insufficient permissions' }, { status: 403 }),
    );
    const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ message: 'Forbidden: insufficient permissions' });
    expect(h.upstream.tokenRequestCount()).toBe(1);
    expect(h.upstream.apiRequestCount()).toBe(1);
  });

  it('passes 429 through untouched and never retries it', async () => {
    h.upstream.setOverride(
      () =>
        new Response(JSON.stringify({ message: 'Too many requests' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '2' },
        }),
    );
    const res = await h.call(`${h.api}/integrationconfigs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityType: 'Bill', destination: 'Stripe' }),
    });
    expect(res.status).toBe(429);
    expect(res.json).toEqual({ message: 'Too many requests' });
    expect(res.headers.get('retry-after')).toBe('2');
    expect(h.upstream.apiRequestCount()).toBe(1);
  });

  it("passes m3ter's own answers through: 409 on a stale version, 404, 400", async () => {
    const list = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    const config = (list.json as { data: Array<Record<string, unknown>> }).data[0]!;
    const stale = await h.call(`${h.api}/integrationconfigs/${String(config.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...config, version: Number(config.version) - 1 }),
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ message: expect.stringMatching(/version/i) as unknown });

    const missing = await h.call(
      `${h.api}/integrationconfigs/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);

    const bad = await h.call(`${h.api}/integrationconfigs?pageSize=500`);
    expect(bad.status).toBe(400);
  });

  it('forwards the enable POST without a body, and DELETE', async () => {
    const list = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
    const id = String((list.json as { data: Array<{ id: string }> }).data[0]!.id);
    const enabled = await h.call(`${h.api}/integrationconfigs/${id}/enable`, { method: 'POST' });
    expect(enabled.status).toBe(200);
    const deleted = await h.call(`${h.api}/integrationconfigs/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const gone = await h.call(`${h.api}/integrationconfigs/${id}`);
    expect(gone.status).toBe(404);
  });

  it("drops the browser's Authorization and cookies, and m3ter's cookies and other headers", async () => {
    h.upstream.setOverride(
      () =>
        new Response(JSON.stringify({ data: [] }), {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'session=upstream; HttpOnly',
            'x-internal-trace': 'abc',
            'x-ratelimit-remaining': '49',
          },
        }),
    );
    const res = await h.call(`${h.api}/externalmappings`, {
      headers: {
        authorization: 'Bearer from-the-browser',
        cookie: 'console-session=123',
        'x-forwarded-for': '10.0.0.1',
      },
    });
    expect(res.status).toBe(200);
    const forwarded = h.upstream.requests.at(-1)!;
    expect(forwarded.headers.authorization).toBe(`Bearer ${h.upstream.issuedTokens[0]}`);
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers['x-forwarded-for']).toBeUndefined();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-internal-trace')).toBeNull();
    expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
  });

  it('refuses paths outside the allow-list and other organisations, without calling m3ter', async () => {
    const refused: Array<[string, number]> = [
      [`/m3ter/organizations/11111111-2222-4333-8444-555555555555/integrationconfigs`, 403],
      [`${h.api}/plans`, 404],
      [`${h.api}/integrationdestinations/marketplace`, 404],
      [`${h.api}`, 404],
      ['/m3ter/oauth/token', 404],
      ['/m3ter', 404],
      ['/m3ter/', 404],
      [`${h.api}/integrationconfigs/..%2F..%2Fusers`, 404],
      [`${h.api}/integrationconfigs/%2e%2e/x`, 404],
      [`${h.api}/integrationconfigs/a%5Cb`, 404],
      [`${h.api}/integrationconfigs//x`, 404],
      [`${h.api}/integrationconfigs/%E0%A4%A`, 404],
    ];
    for (const [path, status] of refused) {
      const res = await h.call(path);
      expect(res.status, path).toBe(status);
      expect(res.json, path).toMatchObject({
        message: expect.any(String) as unknown,
        code: 'PROXY_REFUSED',
      });
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('refuses methods the console does not use', async () => {
    const cases: Array<[string, string]> = [
      ['PATCH', `${h.api}/integrationconfigs/x`],
      ['OPTIONS', `${h.api}/integrationconfigs`],
      ['HEAD', `${h.api}/integrationconfigs`],
      ['POST', `${h.api}/integrationruns/Bill/latest`],
      ['DELETE', `${h.api}/externalmappingconfiguration`],
    ];
    for (const [method, path] of cases) {
      const res = await h.call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toMatch(/GET/);
    }
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('forwards GET on events, bills and accounts, and refuses writes to them', async () => {
    const list = await h.call(
      `${h.api}/events?eventType=IntegrationEvent&eventName=integration.missingaccountmapping.error&pageSize=2`,
    );
    expect(list.status).toBe(200);
    const [event] = (list.json as { data: Array<{ id: string; m3terEvent: unknown }> }).data;
    const data = (event?.m3terEvent as { eventData: { entityId: string; accountId: string } })
      .eventData;
    for (const path of [
      `/events/${event?.id ?? ''}`,
      `/bills/${data.entityId}`,
      `/accounts/${data.accountId}`,
    ]) {
      const res = await h.call(`${h.api}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.json, path).toMatchObject({ id: expect.any(String) as unknown });
    }
    const forwarded = h.upstream.requests.filter((r) => r.url !== '/oauth/token').length;
    expect(forwarded).toBe(4);

    for (const resource of ['events', 'bills', 'accounts']) {
      for (const [method, path] of [
        ['POST', `${h.api}/${resource}`],
        ['PUT', `${h.api}/${resource}/x`],
        ['DELETE', `${h.api}/${resource}/x`],
      ] as const) {
        const res = await h.call(path, {
          method,
          headers: { 'content-type': 'application/json' },
          ...(method === 'DELETE' ? {} : { body: '{}' }),
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe('GET');
      }
    }
    expect(h.upstream.requests.filter((r) => r.url !== '/oauth/token')).toHaveLength(forwarded);
  });

  it('refuses oversized and non-JSON bodies', async () => {
    const big = await h.call(`${h.api}/integrationconfigs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ code: 'PROXY_BODY_TOO_LARGE' });

    const form = await h.call(`${h.api}/integrationconfigs`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"entityType":"Bill","destination":"Stripe"}',
    });
    expect(form.status).toBe(415);
    expect(h.upstream.requests).toHaveLength(0);
  });

  it('refuses cross-site requests (the proxy holds an Administrator token)', async () => {
    const crossSite = await h.call(`${h.api}/integrationconfigs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await h.call(`${h.api}/integrationconfigs/x/enable`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(h.upstream.requests).toHaveLength(0);

    const sameOrigin = await h.call(`${h.api}/integrationconfigs?pageSize=1`, {
      headers: { 'sec-fetch-site': 'same-origin', origin: h.consoleUrl },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('never lets the secret, the key id or a token reach the browser or the log', async () => {
    const list = await h.call(`${h.api}/integrationconfigs?pageSize=3`);
    const id = String((list.json as { data: Array<{ id: string }> }).data[0]!.id);
    await h.call(`${h.api}/integrationconfigs/${id}`);
    await h.call(`${h.api}/integrationconfigs/${id}`, {
      method: 'PUT',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    await h.call(`${h.api}/plans`);
    await h.call('/');
    await h.call('/configs/abc');
    h.upstream.revokeAllTokens();
    h.clock.advance(60_000);
    await h.call(`${h.api}/externalmappingconfiguration`);

    const secrets = [
      TEST_SECRET,
      TEST_KEY_ID,
      Buffer.from(`${TEST_KEY_ID}:${TEST_SECRET}`).toString('base64'),
      ...h.upstream.issuedTokens,
    ];
    expect(h.upstream.issuedTokens.length).toBeGreaterThanOrEqual(2);
    const everything = JSON.stringify({ seen: h.seen, logs: h.logs, tokenEvents: h.tokenEvents });
    for (const secret of secrets) expect(everything).not.toContain(secret);
    for (const response of h.seen) {
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers.authorization).toBeUndefined();
    }
  });

  it('logs one line per request: method, path without the query, status, time', async () => {
    await h.call(`${h.api}/integrationconfigs?pageSize=1&destinationId=abc`);
    await h.call(`${h.api}/plans`);
    expect(h.logs).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `${h.api}/integrationconfigs`,
        status: 200,
        upstreamStatus: 200,
        durationMs: expect.any(Number) as unknown,
      }),
      expect.objectContaining({
        method: 'GET',
        path: `${h.api}/plans`,
        status: 404,
        code: 'PROXY_REFUSED',
      }),
    ]);
    expect(h.tokenEvents).toEqual([{ type: 'issued', expiresInSeconds: TOKEN_LIFETIME_S }]);
  });
});

describe('live-mode proxy: failures', () => {
  it('answers 401 PROXY_AUTH_FAILED when m3ter rejects the credentials, without echoing them', async () => {
    const h = await startHarness({ secret: 'a-wrong-secret-value' });
    try {
      const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        message: expect.stringContaining(
          'm3ter rejected the Service User credentials (M3TER_ACCESS_KEY_ID / M3TER_API_SECRET)',
        ) as unknown,
        code: 'PROXY_AUTH_FAILED',
      });
      expect(h.upstream.apiRequestCount()).toBe(0);
      const everything = JSON.stringify({ seen: h.seen, logs: h.logs, events: h.tokenEvents });
      for (const secret of ['a-wrong-secret-value', TEST_SECRET, TEST_KEY_ID]) {
        expect(everything).not.toContain(secret);
      }
      expect(h.tokenEvents).toEqual([{ type: 'failed', kind: 'rejected', upstreamStatus: 401 }]);
    } finally {
      await h.close();
    }
  });

  it('answers 502 with a JSON message when m3ter cannot be reached', async () => {
    const down = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      handlers: [],
    });
    await down.close();
    const h = await startHarness({ upstream: down });
    try {
      const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
      expect(res.status).toBe(502);
      expect(res.json).toEqual({
        message: expect.stringContaining('could not be reached') as unknown,
        code: 'PROXY_UPSTREAM_UNREACHABLE',
      });
    } finally {
      await h.close();
    }
  });

  it('answers 502 when m3ter goes away after the token was issued', async () => {
    const h = await startHarness();
    try {
      expect((await h.call(`${h.api}/integrationconfigs?pageSize=1`)).status).toBe(200);
      await h.upstream.close();
      const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
      expect(res.status).toBe(502);
      expect(res.json).toMatchObject({ code: 'PROXY_UPSTREAM_UNREACHABLE' });
    } finally {
      await h.close();
    }
  });

  it('answers 504 when m3ter is too slow, and a JSON 5xx for an HTML gateway error', async () => {
    const clock = createClock();
    const upstream = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      now: clock.now,
      handlers: [],
    });
    const config = liveConfig(upstream.url);
    const dist = await makeDist(config);
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
      timeoutMs: 150,
    });
    const server = await listen(createServerApp(config, { distDir: dist.dir, proxy }));
    try {
      upstream.setOverride(async () => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        return Response.json({ data: [] });
      });
      const slow = await loopbackFetch(
        `${server.url}/m3ter/organizations/${TEST_ORG_ID}/integrationruns/Bill/x`,
      );
      expect(slow.status).toBe(504);
      expect(await slow.json()).toMatchObject({ code: 'PROXY_UPSTREAM_TIMEOUT' });

      upstream.setOverride(
        () =>
          new Response('<html><body>Bad gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      );
      const html = await loopbackFetch(
        `${server.url}/m3ter/organizations/${TEST_ORG_ID}/integrationruns/Bill/x`,
      );
      expect(html.status).toBe(502);
      expect(await html.json()).toEqual({
        message: expect.stringContaining('HTTP 502') as unknown,
      });
    } finally {
      await server.close();
      await upstream.close();
      await dist.remove();
    }
  });

  it('with M3TER_API_TOKEN: forwards it as is and explains a 401', async () => {
    const clock = createClock();
    const upstream = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      now: clock.now,
      handlers: await loadFakeM3terHandlers(),
    });
    const h = await startHarness({
      upstream,
      env: { M3TER_API_TOKEN: 'not-a-token-m3ter-issued' },
    });
    try {
      const res = await h.call(`${h.api}/integrationconfigs?pageSize=1`);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({
        code: 'PROXY_AUTH_FAILED',
        message: expect.stringContaining('M3TER_API_TOKEN') as unknown,
      });
      expect(JSON.stringify(h.seen)).not.toContain('not-a-token-m3ter-issued');
      expect(upstream.tokenRequestCount()).toBe(0);
      expect(upstream.requests[0]?.headers.authorization).toBe('Bearer not-a-token-m3ter-issued');
    } finally {
      await h.close();
    }
  });
});
