/**
 * The browser bundle has its mode, API_BASE and organisation (and Solvimon's mode and base) baked in at
 * build time (vite.config.ts `define`), so `npm run serve` must run with the configuration `npm run
 * build` saw: a demo build served in live mode would show demo data to someone who believes they are
 * editing their real organisation.
 * The Vite plugin writes this public part of the configuration into dist/; serve.ts compares it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod/mini';
import { publicConfig, type AppConfig } from '../config/app-config.ts';

/** A dot file, so the static server refuses to serve it (it holds nothing secret, but no one needs it). */
export const BUILD_INFO_FILE = '.m3ter-build.json';

const buildInfoSchema = z.object({
  mode: z.enum(['demo', 'live']),
  apiBase: z.string(),
  orgId: z.string(),
  // Absent from builds made before Solvimon's live mode: not compared then.
  solvimonMode: z.optional(z.enum(['off', 'demo', 'live'])),
  solvimonApiBase: z.optional(z.string()),
});

export type BuildInfo = z.infer<typeof buildInfoSchema>;

export function buildInfoSource(config: AppConfig): string {
  return `${JSON.stringify(publicConfig(config), null, 2)}\n`;
}

/** The build's public configuration, or undefined for a dist/ built without the plugin. */
export async function readBuildInfo(distDir: string): Promise<BuildInfo | undefined> {
  let text: string;
  try {
    text = await readFile(join(distDir, BUILD_INFO_FILE), 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = buildInfoSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Problems, one per differing setting, phrased for the person starting the server. */
export function buildInfoMismatches(built: BuildInfo, config: AppConfig): string[] {
  const running = publicConfig(config);
  const problems: string[] = [];
  if (built.mode !== running.mode) {
    problems.push(
      `dist/ was built for M3TER_MODE=${built.mode}, the server runs M3TER_MODE=${running.mode}`,
    );
  }
  if (built.apiBase !== running.apiBase) {
    problems.push(
      `dist/ was built for API_BASE=${built.apiBase}, the server uses ${running.apiBase}`,
    );
  }
  if (built.orgId !== running.orgId) {
    problems.push(
      `dist/ was built for M3TER_ORG_ID=${built.orgId}, the server uses ${running.orgId}`,
    );
  }
  if (built.solvimonMode !== undefined && built.solvimonMode !== running.solvimonMode) {
    problems.push(
      `dist/ was built for SOLVIMON_MODE=${built.solvimonMode}, the server runs SOLVIMON_MODE=${running.solvimonMode}`,
    );
  }
  if (built.solvimonApiBase !== undefined && built.solvimonApiBase !== running.solvimonApiBase) {
    problems.push(
      `dist/ was built for SOLVIMON_API_BASE=${built.solvimonApiBase}, the server uses ${running.solvimonApiBase}`,
    );
  }
  return problems;
}
