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
      solvimon: {
        mode: 'demo',
        apiBase: '/solvimon',
        upstreamBaseUrl: 'https://api.solvimon.com',
        apiKey: null,
        platformId: undefined,
      },
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

describe('loadAppConfig: Solvimon', () => {
  const live = { M3TER_MODE: 'live', M3TER_ORG_ID: ORG, M3TER_API_TOKEN: 't' };
  const solvimonLive = { ...live, SOLVIMON_MODE: 'live', SOLVIMON_API_KEY: 'sk_live_123' };

  it('is demo beside a demo m3ter and off beside a live one, unless set', () => {
    expect(loadAppConfig({}).solvimon.mode).toBe('demo');
    expect(loadAppConfig({ SOLVIMON_MODE: 'off' }).solvimon.mode).toBe('off');
    expect(loadAppConfig(live).solvimon).toMatchObject({ mode: 'off', apiKey: null });
  });

  it('live: the key, the platform id, the base URL (the test environment too), the base path', () => {
    expect(
      loadAppConfig({
        ...solvimonLive,
        SOLVIMON_BASE_URL: 'https://test.api.solvimon.com/',
        SOLVIMON_PLATFORM_ID: 'plat_42',
        SOLVIMON_API_BASE: '/api/solvimon',
      }).solvimon,
    ).toEqual({
      mode: 'live',
      apiBase: '/api/solvimon',
      upstreamBaseUrl: 'https://test.api.solvimon.com',
      apiKey: 'sk_live_123',
      platformId: 'plat_42',
    });
    expect(loadAppConfig(solvimonLive).solvimon).toMatchObject({
      apiBase: '/solvimon',
      upstreamBaseUrl: 'https://api.solvimon.com',
      platformId: undefined,
    });
  });

  it('live without SOLVIMON_API_KEY (or with an empty one) refuses to start, naming it', () => {
    for (const key of [undefined, '', '  ']) {
      const problems = problemsOf({ ...live, SOLVIMON_MODE: 'live', SOLVIMON_API_KEY: key });
      expect(problems).toEqual([expect.stringMatching(/^SOLVIMON_API_KEY is missing/)]);
    }
    // Listed with m3ter's own problems, all at once.
    expect(problemsOf({ M3TER_MODE: 'live', SOLVIMON_MODE: 'live' })).toEqual([
      expect.stringMatching(/^M3TER_ORG_ID is missing/),
      expect.stringMatching(/^M3TER_ACCESS_KEY_ID is missing/),
      expect.stringMatching(/^M3TER_API_SECRET is missing/),
      expect.stringMatching(/^SOLVIMON_API_KEY is missing/),
    ]);
  });

  it('refuses the combinations the demo backend cannot serve, saying why', () => {
    const demoBesideLive = problemsOf({ ...live, SOLVIMON_MODE: 'demo' });
    expect(demoBesideLive).toEqual([
      expect.stringMatching(/^SOLVIMON_MODE=demo is not supported with M3TER_MODE=live: /),
    ]);
    expect(demoBesideLive[0]).toContain('only in demo mode');
    const liveBesideDemo = problemsOf({ SOLVIMON_MODE: 'live', SOLVIMON_API_KEY: 'k' });
    expect(liveBesideDemo).toEqual([
      expect.stringMatching(/^SOLVIMON_MODE=live is not supported with M3TER_MODE=demo: /),
    ]);
    expect(liveBesideDemo[0]).toContain('demo backend in the browser');
  });

  it('wants https for Solvimon too, except on loopback, and no credentials or query in the URL', () => {
    expect(problemsOf({ ...solvimonLive, SOLVIMON_BASE_URL: 'http://api.solvimon.com' })).toEqual([
      expect.stringMatching(/^SOLVIMON_BASE_URL must use https/),
    ]);
    expect(
      problemsOf({ ...solvimonLive, SOLVIMON_BASE_URL: 'https://u:p@api.solvimon.com' }),
    ).toEqual([expect.stringMatching(/^SOLVIMON_BASE_URL must not contain a user name/)]);
    expect(
      problemsOf({ ...solvimonLive, SOLVIMON_BASE_URL: 'https://api.solvimon.com/?key=x' }),
    ).toEqual([expect.stringMatching(/^SOLVIMON_BASE_URL must not contain a query/)]);
    expect(problemsOf({ ...solvimonLive, SOLVIMON_BASE_URL: 'api.solvimon.com' })[0]).toMatch(
      /^SOLVIMON_BASE_URL/,
    );
    expect(
      loadAppConfig({ ...solvimonLive, SOLVIMON_BASE_URL: 'http://localhost:8788' }).solvimon
        .upstreamBaseUrl,
    ).toBe('http://localhost:8788');
  });

  it('keeps SOLVIMON_API_BASE apart from API_BASE', () => {
    for (const [api, solvimon] of [
      ['/solvimon', '/solvimon'],
      ['/api', '/api/solvimon'],
      ['/solvimon/m3ter', '/solvimon'],
    ] as const) {
      expect(problemsOf({ API_BASE: api, SOLVIMON_API_BASE: solvimon }), api).toEqual([
        expect.stringMatching(/^SOLVIMON_API_BASE \(.+\) must differ from API_BASE/),
      ]);
    }
    expect(
      loadAppConfig({ API_BASE: '/api/m3ter', SOLVIMON_API_BASE: '/api/solvimon' }),
    ).toBeTruthy();
    // Off, Solvimon serves nothing: its base may be anything.
    expect(loadAppConfig({ SOLVIMON_MODE: 'off', SOLVIMON_API_BASE: '/m3ter' })).toBeTruthy();
  });

  it('rejects malformed Solvimon values with the variable named', () => {
    expect(problemsOf({ SOLVIMON_MODE: 'on' })).toEqual([
      expect.stringMatching(/^SOLVIMON_MODE: SOLVIMON_MODE must be "off", "demo" or "live"/),
    ]);
    expect(problemsOf({ SOLVIMON_API_BASE: 'https://api.solvimon.com' })[0]).toMatch(
      /^SOLVIMON_API_BASE/,
    );
    expect(problemsOf({ SOLVIMON_API_BASE: '/solvimon/' })[0]).toMatch(/^SOLVIMON_API_BASE/);
    for (const id of ['plat 42', 'plat\r\nx-api-key: k', 'pläte']) {
      expect(problemsOf({ ...solvimonLive, SOLVIMON_PLATFORM_ID: id })[0], id).toMatch(
        /^SOLVIMON_PLATFORM_ID/,
      );
    }
  });
});

describe('publicConfig', () => {
  it('never carries credentials to the browser', () => {
    const live = loadAppConfig({
      M3TER_MODE: 'live',
      M3TER_ORG_ID: ORG,
      M3TER_ACCESS_KEY_ID: 'key-id-value',
      M3TER_API_SECRET: 'secret-value',
      SOLVIMON_MODE: 'live',
      SOLVIMON_API_KEY: 'solvimon-key-value',
      SOLVIMON_PLATFORM_ID: 'platform-id-value',
    });
    const pub = publicConfig(live);
    expect(pub).toEqual({
      mode: 'live',
      apiBase: '/m3ter',
      orgId: ORG,
      solvimonMode: 'live',
      solvimonApiBase: '/solvimon',
    });
    expect(JSON.stringify(pub)).not.toMatch(/key-id-value|secret-value|solvimon-key-value/);
  });
});
