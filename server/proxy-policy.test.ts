// @vitest-environment node
/**
 * The proxies' policy (proxy-policy.ts) on its own, through createProxyHandler and
 * createSolvimonProxyHandler with a fake upstream fetch. The allow-lists, origin and body refusals are
 * tested end to end in proxy.test.ts and solvimon-proxy.test.ts, behind the production server.
 */
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from './proxy.ts';
import { m3terRoute } from './proxy-policy.ts';
import { createSolvimonProxyHandler } from './solvimon-proxy.ts';
import { TEST_ORG_ID } from './test-support.ts';

describe('proxy Host check (DNS rebinding)', () => {
  const tokens = {
    kind: 'static-token' as const,
    getToken: () => Promise.resolve('t'),
    shouldRetryAfterAuthFailure: () => false,
  };
  const upstreamCalls: string[] = [];
  const fakeFetch: typeof fetch = (input) => {
    upstreamCalls.push(input instanceof Request ? input.url : input.toString());
    return Promise.resolve(Response.json({ data: [] }));
  };
  const proxyFor = (allowedHosts: readonly string[] | 'any') =>
    createProxyHandler({
      apiBase: '/m3ter',
      orgId: TEST_ORG_ID,
      upstreamBaseUrl: 'https://api.m3ter.example',
      tokens,
      fetchImpl: fakeFetch,
      allowedHosts,
    });
  const path = `/m3ter/organizations/${TEST_ORG_ID}/integrationconfigs`;

  it('answers localhost, IP literals and listed hosts; refuses other names', async () => {
    const proxy = proxyFor(['console.example.com', '.corp.example']);
    for (const host of [
      'localhost:5173',
      '127.0.0.1:4173',
      '[::1]:4173',
      'console.example.com',
      'a.corp.example',
    ]) {
      expect((await proxy(new Request(`http://${host}${path}`))).status, host).toBe(200);
    }
    const rebound = await proxy(new Request(`http://attacker.example:5173${path}`));
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({
      message: expect.stringContaining('ALLOWED_HOSTS') as unknown,
    });
    expect(upstreamCalls).toHaveLength(5);
    expect(upstreamCalls[0]).toBe(
      `https://api.m3ter.example/organizations/${TEST_ORG_ID}/integrationconfigs`,
    );
    expect((await proxyFor('any')(new Request(`http://anything.example${path}`))).status).toBe(200);
  });

  it("guards Solvimon's proxy the same way, naming it", async () => {
    const calls: string[] = [];
    const proxy = createSolvimonProxyHandler({
      apiBase: '/solvimon',
      upstreamBaseUrl: 'https://test.api.solvimon.example',
      apiKey: 'k',
      fetchImpl: (input) => {
        calls.push(input instanceof Request ? input.url : input.toString());
        return Promise.resolve(Response.json({ data: [] }));
      },
      allowedHosts: ['console.example.com'],
    });
    const solvimonPath = '/solvimon/v1/integrations?limit=1';
    expect((await proxy(new Request(`http://console.example.com${solvimonPath}`))).status).toBe(
      200,
    );
    const rebound = await proxy(new Request(`http://attacker.example${solvimonPath}`));
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toEqual({
      type: 'INVALID_REQUEST',
      code: 'PROXY_REFUSED',
      message: expect.stringMatching(/Solvimon proxy; add it to ALLOWED_HOSTS/) as unknown,
    });
    expect(calls).toEqual(['https://test.api.solvimon.example/v1/integrations?limit=1']);
  });
});

describe("m3ter's allow-list: webhook destinations", () => {
  const route = m3terRoute(TEST_ORG_ID);
  const segments = (path: string) =>
    path.split('/').map((value) => ({ value, kind: 'name' as const }));

  it('forwards the webhook destination operations the console uses, and nothing else under integrationdestinations', () => {
    const base = `organizations/${TEST_ORG_ID}/integrationdestinations`;
    const id = '28f3a4b5-6d7e-4f2a-8b3c-4d5e6f7a8b9c';
    for (const path of [
      `${base}/webhooks`,
      `${base}/webhooks/${id}`,
      `${base}/webhooks/${id}/active`,
    ]) {
      const match = route(segments(path));
      expect(match, path).toMatchObject({ resource: 'integrationdestinations/webhooks' });
      expect(Object.keys('methods' in match ? match.methods : {}).sort(), path).toEqual([
        'DELETE',
        'GET',
        'POST',
        'PUT',
      ]);
    }
    for (const path of [base, `${base}/marketplace/usageReport`, `${base}/workflows`]) {
      expect(route(segments(path)), path).toEqual({ refused: 404 });
    }
  });
});
