// @vitest-environment node
/**
 * The proxy's policy (proxy-policy.ts) on its own, through createProxyHandler with a fake m3ter
 * fetch. The allow-list, origin and body refusals are tested end to end in proxy.test.ts, behind the
 * production server.
 */
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from './proxy.ts';
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
});
