// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_ORG_ID, loadAppConfig, publicConfig } from './app-config.ts';

const ORG = '0f4c2a11-7d3e-4b5a-9c8d-1e2f3a4b5c6d';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('defaults to demo mode on the demo organisation, without credentials', () => {
    expect(loadAppConfig({})).toEqual({
      mode: 'demo',
      apiBase: '/m3ter',
      orgId: DEMO_ORG_ID,
      upstreamBaseUrl: 'https://api.m3ter.com',
      credentials: null,
      port: undefined,
      host: undefined,
      allowedHosts: [],
    });
  });

  it('live mode with nothing set names every missing variable', () => {
    const problems = problemsOf({ M3TER_MODE: 'live' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^M3TER_ORG_ID is missing/);
    expect(problems[1]).toMatch(/^M3TER_ACCESS_KEY_ID is missing/);
    expect(problems[2]).toMatch(/^M3TER_API_SECRET is missing/);
    expect(new ConfigError(problems).message).toContain('M3TER_API_SECRET');
  });

  it('treats empty values (as in a template .env.local) as missing', () => {
    const problems = problemsOf({
      M3TER_MODE: 'live',
      M3TER_ORG_ID: ORG,
      M3TER_ACCESS_KEY_ID: 'key',
      M3TER_API_SECRET: '  ',
    });
    expect(problems).toEqual([
      'M3TER_API_SECRET is missing: the Api Secret generated for that Service User',
    ]);
  });

  it('accepts the key id and secret, or a ready token instead', () => {
    const live = loadAppConfig({
      M3TER_MODE: 'live',
      M3TER_ORG_ID: ORG,
      M3TER_ACCESS_KEY_ID: 'key',
      M3TER_API_SECRET: 'secret',
      M3TER_BASE_URL: 'https://api.m3ter.com/',
    });
    expect(live).toMatchObject({
      mode: 'live',
      orgId: ORG,
      upstreamBaseUrl: 'https://api.m3ter.com',
      credentials: { kind: 'client-credentials', accessKeyId: 'key', apiSecret: 'secret' },
    });
    const withToken = loadAppConfig({
      M3TER_MODE: 'live',
      M3TER_ORG_ID: ORG,
      M3TER_API_TOKEN: 't',
    });
    expect(withToken.credentials).toEqual({ kind: 'static-token', token: 't' });
  });

  it('wants https for m3ter, except on loopback (the fake upstream)', () => {
    const base = { M3TER_MODE: 'live', M3TER_ORG_ID: ORG, M3TER_API_TOKEN: 't' };
    expect(problemsOf({ ...base, M3TER_BASE_URL: 'http://api.m3ter.com' })).toEqual([
      expect.stringMatching(/^M3TER_BASE_URL must use https/),
    ]);
    expect(problemsOf({ ...base, M3TER_BASE_URL: 'https://user:pw@api.m3ter.com' })).toEqual([
      expect.stringMatching(/user name or password/),
    ]);
    expect(
      loadAppConfig({ ...base, M3TER_BASE_URL: 'http://127.0.0.1:8787' }).upstreamBaseUrl,
    ).toBe('http://127.0.0.1:8787');
  });

  it('rejects malformed values with the variable named', () => {
    expect(problemsOf({ M3TER_MODE: 'prod' })).toEqual([
      expect.stringMatching(/^M3TER_MODE: M3TER_MODE must be "demo" or "live"/),
    ]);
    expect(problemsOf({ API_BASE: 'https://elsewhere' })[0]).toMatch(/^API_BASE/);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT/);
    expect(problemsOf({ ALLOWED_HOSTS: 'a b' })[0]).toMatch(/^ALLOWED_HOSTS/);
  });

  it('parses HOST, PORT and ALLOWED_HOSTS', () => {
    expect(
      loadAppConfig({
        HOST: '0.0.0.0',
        PORT: '8080',
        ALLOWED_HOSTS: 'Console.Example.com, .corp.example',
      }),
    ).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      allowedHosts: ['console.example.com', '.corp.example'],
    });
    expect(loadAppConfig({ ALLOWED_HOSTS: '*' }).allowedHosts).toBe('any');
  });
});

describe('publicConfig', () => {
  it('never carries credentials to the browser', () => {
    const live = loadAppConfig({
      M3TER_MODE: 'live',
      M3TER_ORG_ID: ORG,
      M3TER_ACCESS_KEY_ID: 'key-id-value',
      M3TER_API_SECRET: 'secret-value',
    });
    const pub = publicConfig(live);
    expect(pub).toEqual({ mode: 'live', apiBase: '/m3ter', orgId: ORG });
    expect(JSON.stringify(pub)).not.toMatch(/key-id-value|secret-value/);
  });
});
