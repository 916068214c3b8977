/**
 * Server-side configuration: read once at start (Vite dev server, `npm run serve`), checked with zod,
 * and failing with a message that names the variable to fix. Only `publicConfig` ever reaches the
 * browser; credentials stay in this process.
 */
import { z } from 'zod/mini';

// zod/mini loads no locale: English keeps the default messages of the checks without one (PORT's
// range, for instance) in the problems a ConfigError lists. This runs in Node, apart from src/.
z.config(z.locales.en());

export const DEMO_ORG_ID = '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21';

const uuidish = /^[0-9a-fA-F-]{8,64}$/;
const sameOriginPath = /^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/;

const matching = (pattern: RegExp, message: string) => z.string().check(z.regex(pattern, message));
const nonEmpty = z.optional(z.string().check(z.minLength(1)));

const baseSchema = z.object({
  M3TER_MODE: z._default(
    z.enum(['demo', 'live'], { error: 'M3TER_MODE must be "demo" or "live"' }),
    'demo',
  ),
  API_BASE: z._default(
    matching(sameOriginPath, 'API_BASE must be a same-origin path such as /m3ter'),
    '/m3ter',
  ),
  M3TER_ORG_ID: z.optional(matching(uuidish, 'M3TER_ORG_ID must be your organisation UUID')),
  M3TER_BASE_URL: z._default(
    z.url({ error: 'M3TER_BASE_URL must be an absolute URL' }),
    'https://api.m3ter.com',
  ),
  M3TER_ACCESS_KEY_ID: nonEmpty,
  M3TER_API_SECRET: nonEmpty,
  M3TER_API_TOKEN: nonEmpty,
  PORT: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535))),
  HOST: z.optional(
    matching(/^[A-Za-z0-9.:_-]+$/, 'HOST must be a hostname or IP address to listen on'),
  ),
  SOLVIMON_MODE: z.optional(
    z.enum(['off', 'demo', 'live'], { error: 'SOLVIMON_MODE must be "off", "demo" or "live"' }),
  ),
  SOLVIMON_API_BASE: z._default(
    matching(sameOriginPath, 'SOLVIMON_API_BASE must be a same-origin path such as /solvimon'),
    '/solvimon',
  ),
  SOLVIMON_BASE_URL: z._default(
    z.url({ error: 'SOLVIMON_BASE_URL must be an absolute URL' }),
    'https://api.solvimon.com',
  ),
  SOLVIMON_API_KEY: nonEmpty,
  SOLVIMON_PLATFORM_ID: z.optional(
    matching(
      /^[\x21-\x7e]+$/,
      'SOLVIMON_PLATFORM_ID must be printable ASCII without spaces (it is sent as a header)',
    ),
  ),
  ALLOWED_HOSTS: z.optional(
    matching(
      /^\s*(\*|[A-Za-z0-9.:_-]+(\s*,\s*[A-Za-z0-9.:_-]+)*)\s*$/,
      'ALLOWED_HOSTS must be a comma-separated list of host names, or *',
    ),
  ),
});

/** Hosts that may reach the live-mode proxy besides localhost and IP literals; `any` turns the check off. */
export type AllowedHosts = readonly string[] | 'any';

function parseAllowedHosts(value: string | undefined): AllowedHosts {
  if (value === undefined) return [];
  if (value.trim() === '*') return 'any';
  return value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

/**
 * The upstream gets the credentials (m3ter's token exchange sends the Api Secret, every Solvimon call
 * the API key), so it must be https; plain http is accepted only on loopback, where the fake upstreams
 * of the tests and of a local try-out run.
 */
function upstreamProblem(variable: string, baseUrl: string): string | undefined {
  const url = new URL(baseUrl);
  if (url.username || url.password) return `${variable} must not contain a user name or password`;
  if (url.search || url.hash) return `${variable} must not contain a query or fragment`;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return undefined;
  return `${variable} must use https (http is allowed only for localhost), got ${url.protocol}//${url.host}`;
}

/** True when one same-origin path is the other or lies below it. */
function nests(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

export type Credentials =
  | { kind: 'client-credentials'; accessKeyId: string; apiSecret: string }
  | { kind: 'static-token'; token: string };

interface SolvimonCommon {
  /** Same-origin path the browser calls Solvimon under (`{apiBase}/v1/…`). */
  apiBase: string;
  /** Solvimon's API, without a trailing slash; used in live mode only. */
  upstreamBaseUrl: string;
  /** Sent as `x-platform-id` by the proxy (never by the browser). */
  platformId: string | undefined;
}

/**
 * Solvimon's settings. `off`: the console shows no Solvimon; `demo`: the fake Solvimon in the browser
 * beside the fake m3ter; `live`: the Solvimon proxy, which holds the API key.
 */
type SolvimonConfig =
  | (SolvimonCommon & { mode: 'off' | 'demo'; apiKey: null })
  | (SolvimonCommon & { mode: 'live'; apiKey: string });

export interface AppConfig {
  mode: 'demo' | 'live';
  apiBase: string;
  orgId: string;
  upstreamBaseUrl: string;
  credentials: Credentials | null;
  /** `npm run serve`'s port (default 4173 there); the Vite dev server keeps its own. */
  port: number | undefined;
  /** Interface `npm run serve` listens on (default 127.0.0.1 there). */
  host: string | undefined;
  /** Host names the proxy answers besides localhost and IP literals (DNS-rebinding guard). */
  allowedHosts: AllowedHosts;
  solvimon: SolvimonConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Throws `ConfigError` listing every problem at once. */
export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings (e.g. `M3TER_ORG_ID=` in .env.local) mean "not set".
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = baseSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const common = {
    apiBase: e.API_BASE,
    upstreamBaseUrl: e.M3TER_BASE_URL.replace(/\/+$/, ''),
    port: e.PORT,
    host: e.HOST,
    allowedHosts: parseAllowedHosts(e.ALLOWED_HOSTS),
  };
  const solvimonProblems: string[] = [];
  const solvimon = solvimonConfig(e, solvimonProblems);
  if (e.M3TER_MODE === 'demo') {
    if (solvimonProblems.length > 0) throw new ConfigError(solvimonProblems);
    return {
      ...common,
      mode: 'demo',
      orgId: e.M3TER_ORG_ID ?? DEMO_ORG_ID,
      credentials: null,
      solvimon,
    };
  }
  const problems: string[] = [];
  const upstream = upstreamProblem('M3TER_BASE_URL', e.M3TER_BASE_URL);
  if (upstream) problems.push(upstream);
  if (!e.M3TER_ORG_ID)
    problems.push('M3TER_ORG_ID is missing: set it to your m3ter organisation UUID');
  let credentials: Credentials | null = null;
  if (e.M3TER_API_TOKEN) {
    credentials = { kind: 'static-token', token: e.M3TER_API_TOKEN };
  } else if (e.M3TER_ACCESS_KEY_ID && e.M3TER_API_SECRET) {
    credentials = {
      kind: 'client-credentials',
      accessKeyId: e.M3TER_ACCESS_KEY_ID,
      apiSecret: e.M3TER_API_SECRET,
    };
  } else {
    if (!e.M3TER_ACCESS_KEY_ID)
      problems.push('M3TER_ACCESS_KEY_ID is missing: the Access Key id of an m3ter Service User');
    if (!e.M3TER_API_SECRET)
      problems.push('M3TER_API_SECRET is missing: the Api Secret generated for that Service User');
  }
  problems.push(...solvimonProblems);
  if (problems.length > 0 || !credentials || !e.M3TER_ORG_ID) throw new ConfigError(problems);
  return { ...common, mode: 'live', orgId: e.M3TER_ORG_ID, credentials, solvimon };
}

/**
 * Solvimon's part. The supported combinations follow from where each fake runs: the demo backend (both
 * fakes) runs in the browser page, which the console starts only when M3TER_MODE=demo, and which
 * then answers every call, Solvimon's included. So Solvimon can be `demo` only beside a demo
 * m3ter and `live` only beside a live one; `off` goes with either.
 */
function solvimonConfig(e: z.infer<typeof baseSchema>, problems: string[]): SolvimonConfig {
  const m3terMode = e.M3TER_MODE;
  const mode = e.SOLVIMON_MODE ?? (m3terMode === 'live' ? 'off' : 'demo');
  const common: SolvimonCommon = {
    apiBase: e.SOLVIMON_API_BASE,
    upstreamBaseUrl: e.SOLVIMON_BASE_URL.replace(/\/+$/, ''),
    platformId: e.SOLVIMON_PLATFORM_ID,
  };
  const off: SolvimonConfig = { ...common, mode: 'off', apiKey: null };
  if (mode === 'off') return off;
  if (mode === 'demo' && m3terMode === 'live') {
    problems.push(
      'SOLVIMON_MODE=demo is not supported with M3TER_MODE=live: the Solvimon demo runs in the ' +
        'browser beside the m3ter demo, which the console starts only in demo mode (M3TER_MODE=demo). ' +
        'Set SOLVIMON_MODE=live (with SOLVIMON_API_KEY) or SOLVIMON_MODE=off.',
    );
    return off;
  }
  if (mode === 'live' && m3terMode === 'demo') {
    problems.push(
      'SOLVIMON_MODE=live is not supported with M3TER_MODE=demo: in demo mode the demo backend in ' +
        "the browser answers Solvimon's calls, so they would never reach " +
        'the Solvimon proxy. Set M3TER_MODE=live as well, or SOLVIMON_MODE=demo or off.',
    );
    return off;
  }
  if (nests(common.apiBase, e.API_BASE)) {
    problems.push(
      `SOLVIMON_API_BASE (${common.apiBase}) must differ from API_BASE (${e.API_BASE}), and neither ` +
        'may lie inside the other: each platform is served under its own path',
    );
  }
  if (mode === 'demo') return { ...common, mode: 'demo', apiKey: null };
  const upstream = upstreamProblem('SOLVIMON_BASE_URL', e.SOLVIMON_BASE_URL);
  if (upstream) problems.push(upstream);
  if (!e.SOLVIMON_API_KEY) {
    problems.push(
      'SOLVIMON_API_KEY is missing: the API key of your Solvimon environment (required with ' +
        'SOLVIMON_MODE=live)',
    );
    return off;
  }
  return { ...common, mode: 'live', apiKey: e.SOLVIMON_API_KEY };
}

/** The part of the configuration the browser bundle is built with: never credentials. */
export function publicConfig(c: AppConfig) {
  return {
    mode: c.mode,
    apiBase: c.apiBase,
    orgId: c.orgId,
    solvimonMode: c.solvimon.mode,
    solvimonApiBase: c.solvimon.apiBase,
  };
}
