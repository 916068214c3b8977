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
 * more than the entry uses), so the build's first pass (config/first-pass.ts) tells; the real build
 * then groups exactly those modules into the entry chunk. Nothing lazy becomes eager: the group
 * holds only what the entry already loaded before its first render.
 */
import type { Plugin } from 'vite';
import { firstPassOutput, isFirstPass, type BuildOutput } from './first-pass.ts';

/** The modules of the entry chunks and of every chunk they import statically. */
export function initialModules(output: readonly BuildOutput[]): Set<string> {
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

export function firstScreenChunkPlugin(): Plugin {
  return {
    name: 'm3ter:first-screen-chunk',
    apply: 'build',
    async config(config, env) {
      if (isFirstPass()) return;
      const initial = initialModules(await firstPassOutput(config, env));
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
