/**
 * The build's first pass: the same build once in memory, before the real one, for what can only be
 * known after tree-shaking (which modules the entry loads, which Mantine components the app uses).
 * Every plugin that needs it shares one pass per build (config/first-screen-chunk-plugin.ts,
 * config/mantine-styles-plugin.ts); inside the pass those plugins do nothing.
 */
import { build, type ConfigEnv, type Rollup, type UserConfig } from 'vite';

/** Set while the first pass runs, so that its own copies of the plugins stand aside. */
const FIRST_PASS = 'M3TER_FIRST_PASS';

export type BuildOutput = Rollup.OutputChunk | Rollup.OutputAsset;

export function isFirstPass(): boolean {
  return process.env[FIRST_PASS] === '1';
}

let pending: { key: string; output: Promise<BuildOutput[]> } | undefined;

/** The first pass's output chunks and assets (built once per root and mode, then shared). */
export function firstPassOutput(config: UserConfig, env: ConfigEnv): Promise<BuildOutput[]> {
  const key = `${config.root ?? process.cwd()}\n${env.mode}`;
  if (pending?.key !== key) pending = { key, output: runFirstPass(config, env) };
  return pending.output;
}

async function runFirstPass(config: UserConfig, env: ConfigEnv): Promise<BuildOutput[]> {
  process.env[FIRST_PASS] = '1';
  try {
    const result = await build({
      root: config.root,
      mode: env.mode,
      logLevel: 'silent',
      build: { write: false },
    });
    if (Array.isArray(result)) return result.flatMap((r) => r.output);
    if ('output' in result) return result.output;
    throw new Error('The first build pass did not return its output');
  } finally {
    delete process.env[FIRST_PASS];
  }
}

/** Every module id in the output's chunks. */
export function bundledModules(output: readonly BuildOutput[]): Set<string> {
  return new Set(output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])));
}
