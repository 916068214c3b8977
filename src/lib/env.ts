/**
 * The browser's configuration, fixed at build time by vite.config.ts from the server-side
 * environment (see config/app-config.ts). It never contains credentials.
 */
import { z } from 'zod';

const envSchema = z.object({
  mode: z.enum(['demo', 'live']),
  apiBase: z.string().startsWith('/'),
  orgId: z.string().min(1),
});

export type ClientEnv = z.infer<typeof envSchema>;

export const env: ClientEnv = envSchema.parse({
  mode: import.meta.env.VITE_M3TER_MODE,
  apiBase: import.meta.env.VITE_API_BASE,
  orgId: import.meta.env.VITE_ORG_ID,
});

/** `{API_BASE}/organizations/{orgId}`: every m3ter call starts here. */
export const orgBaseUrl = `${env.apiBase}/organizations/${env.orgId}`;
