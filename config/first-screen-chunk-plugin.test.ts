// @vitest-environment node
/** Which modules the first pass says the entry loads before any route: they become one chunk. */
import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { initialModules } from './first-screen-chunk-plugin.ts';

function chunk(fileName: string, moduleIds: string[], imports: string[] = [], isEntry = false) {
  return { type: 'chunk', fileName, moduleIds, imports, isEntry } as unknown as Rollup.OutputChunk;
}

describe('initialModules', () => {
  it("takes the entry's modules and those of every chunk it imports statically, transitively", () => {
    const output = [
      chunk('index.js', ['/src/main.tsx', '/src/app/app.tsx'], ['react.js', 'box.js'], true),
      chunk('react.js', ['/node_modules/react/index.js'], ['jsx.js']),
      chunk('jsx.js', ['/node_modules/react/jsx-runtime.js']),
      chunk('box.js', ['/node_modules/@mantine/core/Box.mjs'], ['react.js']),
      { type: 'asset', fileName: 'index.css' } as unknown as Rollup.OutputAsset,
    ];
    expect([...initialModules(output)].sort()).toEqual([
      '/node_modules/@mantine/core/Box.mjs',
      '/node_modules/react/index.js',
      '/node_modules/react/jsx-runtime.js',
      '/src/app/app.tsx',
      '/src/main.tsx',
    ]);
  });

  it('leaves out what only lazy chunks load', () => {
    const output = [
      chunk('index.js', ['/src/main.tsx'], ['shared.js'], true),
      chunk('shared.js', ['/src/lib/labels.ts']),
      // A route chunk: imported by index.js dynamically only, so not in its `imports`.
      chunk('route.js', ['/src/features/runs/page.tsx'], ['shared.js', 'table.js']),
      chunk('table.js', ['/node_modules/@tanstack/virtual-core/index.js']),
    ];
    expect([...initialModules(output)].sort()).toEqual(['/src/lib/labels.ts', '/src/main.tsx']);
  });
});
