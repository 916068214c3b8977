/**
 * Build plugin: the entry and everything it loads before the router runs, in one file.
 *
 * Left to itself, Rolldown puts each module the entry shares with lazy routes (React's JSX runtime,
 * Mantine's Box, the router, zod…) into a chunk of its own: about 30 files, all requested at once on
 * every first screen. Each costs the browser a request and main-thread time to receive, compile and
 * link, and the small files compress worse. Measured on the run history (5,000-run Bill, headless
 * Chromium, 2 cores): one file instead of 30 brought the first row about 100 ms sooner and sent
 * 10 kB less JS (gzip).
 *
 * Which modules those are is known only after tree-shaking (Mantine's and our barrels re-export far
 * more than the entry uses), so a first pass builds in memory and reads them off its output; the real
 * build then groups exactly those modules into the entry chunk. Nothing lazy becomes eager: the group
 * holds only what the entry already loaded before its first render.
 */
import { build, type Plugin, type Rollup } from 'vite';

/** Set while the in-memory first pass runs, so that its own copy of this plugin does nothing. */
const FIRST_PASS = 'M3TER_FIRST_SCREEN_PASS';

type Output = Rollup.OutputChunk | Rollup.OutputAsset;

/** The modules of the entry chunks and of every chunk they import statically. */
export function initialModules(output: readonly Output[]): Set<string> {
  const chunks = new Map(
    output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])),
  );
  const modules = new Set<string>();
  const seen = new Set<string>();
  const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  while (pending.length > 0) {
    const fileName = pending.pop()!;
    const chunk = chunks.get(fileName);
    if (seen.has(fileName) || !chunk) continue;
    seen.add(fileName);
    for (const id of chunk.moduleIds) modules.add(id);
    pending.push(...chunk.imports);
  }
  return modules;
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Output[] {
  if (Array.isArray(result)) return result.flatMap((r) => r.output);
  if ('output' in result) return result.output;
  throw new Error('first-screen-chunk: the first pass did not return its output');
}

export function firstScreenChunkPlugin(): Plugin {
  return {
    name: 'm3ter:first-screen-chunk',
    apply: 'build',
    async config(config, env) {
      if (process.env[FIRST_PASS]) return;
      process.env[FIRST_PASS] = '1';
      let result;
      try {
        result = await build({
          root: config.root,
          mode: env.mode,
          logLevel: 'silent',
          build: { write: false },
        });
      } finally {
        delete process.env[FIRST_PASS];
      }
      const initial = initialModules(outputsOf(result));
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // Above every other group, so that a module the entry needs is never taken elsewhere.
                groups: [{ name: 'index', test: (id: string) => initial.has(id), priority: 100 }],
              },
            },
          },
        },
      };
    },
  };
}
