// @vitest-environment node
/** The Vite plugin inside a real Vite dev server: live mode answers API_BASE through the proxy. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAppConfig, type AppConfig } from '../config/app-config.ts';
import { BUILD_INFO_FILE } from './build-info.ts';
import { loadFakeSolvimonHandlers, startFakeSolvimon } from './fake-solvimon.ts';
import { loadFakeM3terHandlers, startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import {
  liveConfig,
  loopbackFetch,
  solvimonLiveConfig,
  TEST_KEY_ID,
  TEST_ORG_ID,
  TEST_PLATFORM_ID,
  TEST_SECRET,
  TEST_SOLVIMON_KEY,
} from './test-support.ts';
import { m3terServerPlugin } from './vite-live-plugin.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startVite(config: AppConfig): Promise<{ url: string; vite: ViteDevServer }> {
  const root = await mkdtemp(join(tmpdir(), 'm3ter-vite-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>console</title>');
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [m3terServerPlugin(config)],
    server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  cleanups.push(() => vite.close());
  const { port } = vite.httpServer!.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, vite };
}

async function fakeM3ter(): Promise<FakeUpstream> {
  const upstream = await startFakeUpstream({
    accessKeyId: TEST_KEY_ID,
    apiSecret: TEST_SECRET,
    orgId: TEST_ORG_ID,
    handlers: await loadFakeM3terHandlers(),
  });
  cleanups.push(() => upstream.close());
  return upstream;
}

describe('m3terServerPlugin', () => {
  it('in live mode, the dev server proxies API_BASE and SOLVIMON_API_BASE/v1 and serves the rest itself', async () => {
    const upstream = await fakeM3ter();
    const solvimon = await startFakeSolvimon({
      apiKey: TEST_SOLVIMON_KEY,
      handlers: await loadFakeSolvimonHandlers(),
    });
    cleanups.push(() => solvimon.close());
    // The plugin's proxy uses the global fetch; Vitest's MSW interceptor must not catch it.
    const realFetch = globalThis.fetch;
    globalThis.fetch = loopbackFetch;
    cleanups.push(() => {
      globalThis.fetch = realFetch;
      return Promise.resolve();
    });
    const { url } = await startVite(solvimonLiveConfig(upstream.url, solvimon.url));

    const api = await loopbackFetch(
      `${url}/m3ter/organizations/${TEST_ORG_ID}/integrationconfigs?pageSize=2`,
    );
    expect(api.status).toBe(200);
    expect(((await api.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect(upstream.tokenRequestCount()).toBe(1);

    const refused = await loopbackFetch(`${url}/m3ter/organizations/${TEST_ORG_ID}/plans`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'PROXY_REFUSED' });

    const integrations = await loopbackFetch(`${url}/solvimon/v1/integrations?limit=2`);
    expect(integrations.status).toBe(200);
    expect(((await integrations.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect(solvimon.requests.map((r) => r.headers['x-api-key'])).toEqual([TEST_SOLVIMON_KEY]);
    expect(solvimon.requests[0]?.headers['x-platform-id']).toBe(TEST_PLATFORM_ID);
    const refusedSolvimon = await loopbackFetch(`${url}/solvimon/v1/customers`);
    expect(await refusedSolvimon.json()).toMatchObject({ code: 'PROXY_REFUSED' });

    for (const path of ['/', '/solvimon/integrations']) {
      const page = await loopbackFetch(`${url}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<title>console</title>');
    }
    expect(upstream.apiRequestCount()).toBe(1);
    expect(solvimon.requests).toHaveLength(1);
  });

  it('in demo mode, mounts nothing: API_BASE is left to the embedded demo backend', async () => {
    const { url } = await startVite(loadAppConfig({}));
    const res = await loopbackFetch(`${url}/m3ter/organizations/${TEST_ORG_ID}/integrationconfigs`);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/json/);
  });

  it('writes the public configuration into every build', () => {
    const config = liveConfig('https://api.m3ter.com');
    const plugin = m3terServerPlugin(config);
    const emitted: Array<{ fileName?: string; source?: unknown }> = [];
    const hook = plugin.generateBundle;
    const handler = typeof hook === 'function' ? hook : hook?.handler;
    const context = {
      emitFile: (file: { fileName?: string; source?: unknown }) => emitted.push(file),
    };
    (handler as unknown as (this: typeof context) => void).call(context);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.fileName).toBe(BUILD_INFO_FILE);
    expect(JSON.parse(String(emitted[0]?.source))).toEqual({
      mode: 'live',
      apiBase: '/m3ter',
      orgId: TEST_ORG_ID,
      solvimonMode: 'off',
      solvimonApiBase: '/solvimon',
    });
    expect(String(emitted[0]?.source)).not.toContain(TEST_SECRET);
  });
});
