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
}

function parseClientEnv(raw: Record<string, unknown>): ClientEnv {
  const { mode, apiBase, orgId } = raw;
  if (mode !== 'demo' && mode !== 'live') throw new Error(`Invalid M3TER_MODE: ${String(mode)}`);
  if (typeof apiBase !== 'string' || !apiBase.startsWith('/')) {
    throw new Error(`Invalid API_BASE: ${String(apiBase)}`);
  }
  if (typeof orgId !== 'string' || orgId.length === 0) throw new Error('Missing M3TER_ORG_ID');
  return { mode, apiBase, orgId };
}

let parsed: ClientEnv | undefined;

function read(): ClientEnv {
  // Outside Vite `import.meta.env` is undefined: the error then names the missing setting.
  const built = import.meta.env as Partial<ImportMetaEnv> | undefined;
  parsed ??= parseClientEnv({
    mode: built?.VITE_M3TER_MODE,
    apiBase: built?.VITE_API_BASE,
    orgId: built?.VITE_ORG_ID,
  });
  return parsed;
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
};

/** `{API_BASE}/organizations/{orgId}`: every m3ter call starts here. */
export function orgBaseUrl(): string {
  return `${env.apiBase}/organizations/${env.orgId}`;
}
