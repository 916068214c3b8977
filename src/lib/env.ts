/**
 * The browser's configuration, fixed at build time by vite.config.ts from the server-side
 * environment (see config/app-config.ts, where it is validated with zod). It never contains
 * credentials. Checked again here without zod, so the entry chunk stays small.
 */
export interface ClientEnv {
  mode: 'demo' | 'live';
  apiBase: string;
  orgId: string;
}

export function parseClientEnv(raw: Record<string, unknown>): ClientEnv {
  const { mode, apiBase, orgId } = raw;
  if (mode !== 'demo' && mode !== 'live') throw new Error(`Invalid M3TER_MODE: ${String(mode)}`);
  if (typeof apiBase !== 'string' || !apiBase.startsWith('/')) {
    throw new Error(`Invalid API_BASE: ${String(apiBase)}`);
  }
  if (typeof orgId !== 'string' || orgId.length === 0) throw new Error('Missing M3TER_ORG_ID');
  return { mode, apiBase, orgId };
}

export const env: ClientEnv = parseClientEnv({
  mode: import.meta.env.VITE_M3TER_MODE,
  apiBase: import.meta.env.VITE_API_BASE,
  orgId: import.meta.env.VITE_ORG_ID,
});

/** `{API_BASE}/organizations/{orgId}`: every m3ter call starts here. */
export const orgBaseUrl = `${env.apiBase}/organizations/${env.orgId}`;
