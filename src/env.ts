/**
 * The browser's configuration, fixed at build time by vite.config.ts from the server-side environment
 * (see config/app-config.ts, where it is validated with zod). It never contains credentials.
 *
 * A leaf: it imports nothing, and reads the build's constants on first use rather than at import, so
 * `src/api` (which builds every URL from it) also loads outside Vite — in a Node script or a test that
 * only needs schemas. Checked here without zod, so the entry chunk stays small.
 */
export interface ClientEnv {
  mode: 'demo' | 'live';
  apiBase: string;
  orgId: string;
  /**
   * Whether the console shows Solvimon, and against what: the demo backend, the live proxy, or not at
   * all. Unset: `demo` beside a demo m3ter, `off` beside a live one.
   */
  solvimonMode: 'demo' | 'live' | 'off';
  /**
   * Where Solvimon's API is served (the demo backend or the live proxy); `/solvimon` by default. The
   * live proxy adds the API key and `x-platform-id`; the browser holds neither.
   */
  solvimonApiBase: string;
}

type M3terEnv = Pick<ClientEnv, 'mode' | 'apiBase' | 'orgId'>;
type SolvimonEnv = Pick<ClientEnv, 'solvimonMode' | 'solvimonApiBase'>;

/** The build's constants; none of them outside Vite. */
type BuiltEnv = Partial<ImportMetaEnv>;

const DEFAULT_SOLVIMON_API_BASE = '/solvimon';

function parseClientEnv(raw: Record<string, unknown>): M3terEnv {
  const { mode, apiBase, orgId } = raw;
  if (mode !== 'demo' && mode !== 'live') throw new Error(`Invalid M3TER_MODE: ${String(mode)}`);
  if (typeof apiBase !== 'string' || !apiBase.startsWith('/')) {
    throw new Error(`Invalid API_BASE: ${String(apiBase)}`);
  }
  if (typeof orgId !== 'string' || orgId.length === 0) throw new Error('Missing M3TER_ORG_ID');
  return { mode, apiBase, orgId };
}

/** Solvimon's settings are both optional: an unset mode follows m3ter's, an unset base is `/solvimon`. */
function parseSolvimonEnv(raw: Record<string, unknown>): SolvimonEnv {
  const { mode, m3terMode, base } = raw;
  const solvimonMode =
    mode === undefined || mode === '' ? (m3terMode === 'live' ? 'off' : 'demo') : mode;
  if (solvimonMode !== 'demo' && solvimonMode !== 'live' && solvimonMode !== 'off') {
    throw new Error(`Invalid SOLVIMON_MODE: ${String(mode)}`);
  }
  const solvimonApiBase = base === undefined || base === '' ? DEFAULT_SOLVIMON_API_BASE : base;
  if (typeof solvimonApiBase !== 'string' || !solvimonApiBase.startsWith('/')) {
    throw new Error(`Invalid SOLVIMON_API_BASE: ${String(base)}`);
  }
  return { solvimonMode, solvimonApiBase };
}

/** Outside Vite `import.meta.env` is undefined: the m3ter error then names the missing setting. */
const built = (): BuiltEnv | undefined => import.meta.env;

let parsed: M3terEnv | undefined;
let parsedSolvimon: SolvimonEnv | undefined;

function read(): M3terEnv {
  const raw = built();
  parsed ??= parseClientEnv({
    mode: raw?.VITE_M3TER_MODE,
    apiBase: raw?.VITE_API_BASE,
    orgId: raw?.VITE_ORG_ID,
  });
  return parsed;
}

/** Read apart from m3ter's settings, so Solvimon's module also loads where no m3ter org is set. */
function readSolvimon(): SolvimonEnv {
  const raw = built();
  parsedSolvimon ??= parseSolvimonEnv({
    mode: raw?.VITE_SOLVIMON_MODE,
    m3terMode: raw?.VITE_M3TER_MODE,
    base: raw?.VITE_SOLVIMON_API_BASE,
  });
  return parsedSolvimon;
}

export const env: ClientEnv = {
  get mode() {
    return read().mode;
  },
  get apiBase() {
    return read().apiBase;
  },
  get orgId() {
    return read().orgId;
  },
  get solvimonMode() {
    return readSolvimon().solvimonMode;
  },
  get solvimonApiBase() {
    return readSolvimon().solvimonApiBase;
  },
};

/** `{API_BASE}/organizations/{orgId}`: every m3ter call starts here. */
export function orgBaseUrl(): string {
  return `${env.apiBase}/organizations/${env.orgId}`;
}
