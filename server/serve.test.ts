// @vitest-environment node
/** `npm run serve`'s start function: refuses bad configurations before listening, then serves. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from '../config/app-config.ts';
import { loadFakeSolvimonHandlers, startFakeSolvimon } from './fake-solvimon.ts';
import { loadFakeM3terHandlers, startFakeUpstream } from './fake-upstream.ts';
import { main, readEnvironment, startServer, StartError, type RunningServer } from './serve.ts';
import {
  liveConfig,
  loopbackFetch,
  makeDist,
  solvimonLiveConfig,
  TEST_KEY_ID,
  TEST_ORG_ID,
  TEST_PLATFORM_ID,
  TEST_SECRET,
  TEST_SOLVIMON_KEY,
} from './test-support.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'm3ter-serve-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { info: (l: string) => out.push(l), error: (l: string) => err.push(l) } };
}

function track(running: RunningServer): RunningServer {
  cleanups.push(() => running.close());
  return running;
}

describe('serve: refusing to start', () => {
  it('live mode without credentials: names every missing variable and exits 1', async () => {
    const cwd = await tempDir();
    const { err, out, io } = captureIo();
    const result = await main({ cwd, env: { M3TER_MODE: 'live' }, port: 0 }, io);
    expect(result.exitCode).toBe(1);
    const message = err.join('\n');
    expect(message).toContain('M3TER_ORG_ID is missing');
    expect(message).toContain('M3TER_ACCESS_KEY_ID is missing');
    expect(message).toContain('M3TER_API_SECRET is missing');
    expect(out).toEqual([]);
  });

  it('names only what is missing, reading .env.local, with the process environment winning', async () => {
    const cwd = await tempDir({
      '.env': 'M3TER_MODE=demo\n',
      '.env.local': `M3TER_MODE=live\nM3TER_ORG_ID=${TEST_ORG_ID}\nM3TER_ACCESS_KEY_ID=from-file\n`,
    });
    const error = await startServer({ cwd, env: {}, port: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'M3TER_API_SECRET is missing: the Api Secret generated for that Service User',
    ]);
    expect(readEnvironment(cwd, { M3TER_ACCESS_KEY_ID: 'from-env' })).toMatchObject({
      M3TER_MODE: 'live',
      M3TER_ACCESS_KEY_ID: 'from-env',
    });
  });

  it('refuses a missing dist/ and a build made for another mode', async () => {
    const cwd = await tempDir();
    await expect(startServer({ cwd, env: {}, port: 0 })).rejects.toThrow(/npm run build/);

    const demoBuild = await makeDist(loadAppConfig({}));
    cleanups.push(demoBuild.remove);
    const env = {
      M3TER_MODE: 'live',
      M3TER_ORG_ID: TEST_ORG_ID,
      M3TER_ACCESS_KEY_ID: TEST_KEY_ID,
      M3TER_API_SECRET: TEST_SECRET,
    };
    const error = await startServer({ cwd, env, distDir: demoBuild.dir, port: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toContain('dist/ was built for M3TER_MODE=demo');
    expect((error as Error).message).not.toContain(TEST_SECRET);

    // Solvimon's mode is baked in too: a demo build with Solvimon shown is not served without it.
    const withoutSolvimon = await startServer({
      cwd,
      env: { SOLVIMON_MODE: 'off' },
      distDir: demoBuild.dir,
      port: 0,
    }).catch((e: unknown) => e);
    expect(withoutSolvimon).toBeInstanceOf(StartError);
    expect((withoutSolvimon as Error).message).toContain(
      'dist/ was built for SOLVIMON_MODE=demo, the server runs SOLVIMON_MODE=off',
    );

    const { err, io } = captureIo();
    expect((await main({ cwd, env, distDir: demoBuild.dir, port: 0 }, io)).exitCode).toBe(1);
    expect(err.join('\n')).toContain('npm run build');
  });
});

describe('serve: running', () => {
  it('demo mode serves dist/ with security headers and says so', async () => {
    const cwd = await tempDir();
    const dist = await makeDist(loadAppConfig({}));
    cleanups.push(dist.remove);
    const { out, io } = captureIo();
    const result = await main({ cwd, env: {}, distDir: dist.dir, port: 0 }, io);
    if (result.exitCode !== 0) throw new Error('did not start');
    const running = track(result.running);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out.join('\n')).toContain('(demo mode)');
    const res = await loopbackFetch(`${running.url}/runs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('live mode proxies to m3ter and prints neither the secret nor the key id', async () => {
    const upstream = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      orgId: TEST_ORG_ID,
      handlers: await loadFakeM3terHandlers(),
    });
    cleanups.push(() => upstream.close());
    const config = liveConfig(upstream.url);
    const dist = await makeDist(config);
    cleanups.push(dist.remove);
    const cwd = await tempDir({
      '.env.local': [
        'M3TER_MODE=live',
        `M3TER_ORG_ID=${TEST_ORG_ID}`,
        `M3TER_BASE_URL=${upstream.url}`,
        `M3TER_ACCESS_KEY_ID=${TEST_KEY_ID}`,
        // Quoted: an unquoted `#` would start a comment (as in Vite's .env parsing).
        `M3TER_API_SECRET='${TEST_SECRET}'`,
      ].join('\n'),
    });
    const { out, err, io } = captureIo();
    const result = await main(
      { cwd, env: {}, distDir: dist.dir, port: 0, fetchImpl: loopbackFetch },
      io,
    );
    if (result.exitCode !== 0) throw new Error(err.join('\n'));
    const running = track(result.running);
    const printed = out.join('\n');
    expect(printed).toContain('(live mode)');
    expect(printed).toContain(`/m3ter → ${upstream.url}`);
    expect(printed).toContain('Solvimon: off');
    expect(printed).not.toContain(TEST_SECRET);
    expect(printed).not.toContain(TEST_KEY_ID);

    const res = await loopbackFetch(
      `${running.url}/m3ter/organizations/${TEST_ORG_ID}/integrationconfigs?pageSize=1`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(1);
    expect(upstream.tokenRequestCount()).toBe(1);
  });

  it('with SOLVIMON_MODE=live also proxies to Solvimon, and never prints the key', async () => {
    const solvimon = await startFakeSolvimon({
      apiKey: TEST_SOLVIMON_KEY,
      handlers: await loadFakeSolvimonHandlers(),
    });
    cleanups.push(() => solvimon.close());
    const config = solvimonLiveConfig('http://127.0.0.1:9', solvimon.url);
    const dist = await makeDist(config);
    cleanups.push(dist.remove);
    const cwd = await tempDir();
    const env = {
      M3TER_MODE: 'live',
      M3TER_ORG_ID: TEST_ORG_ID,
      M3TER_BASE_URL: 'http://127.0.0.1:9',
      M3TER_API_TOKEN: 'unused-token',
      SOLVIMON_MODE: 'live',
      SOLVIMON_BASE_URL: solvimon.url,
      SOLVIMON_API_KEY: TEST_SOLVIMON_KEY,
      SOLVIMON_PLATFORM_ID: TEST_PLATFORM_ID,
    };
    const { out, err, io } = captureIo();
    const result = await main(
      { cwd, env, distDir: dist.dir, port: 0, fetchImpl: loopbackFetch },
      io,
    );
    if (result.exitCode !== 0) throw new Error(err.join('\n'));
    const running = track(result.running);
    const printed = out.join('\n');
    expect(printed).toContain(`/solvimon/v1 → ${solvimon.url}/v1, credentials: SOLVIMON_API_KEY`);
    expect(printed).not.toContain(TEST_SOLVIMON_KEY);

    const res = await loopbackFetch(`${running.url}/solvimon/v1/integrations?limit=1`);
    expect(res.status).toBe(200);
    expect(solvimon.requests[0]?.headers['x-api-key']).toBe(TEST_SOLVIMON_KEY);
  });
});
