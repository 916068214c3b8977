// @vitest-environment node
/** Which chunks index.html preloads for a URL: the route table from the bundle, and the script's choice. */
import { runInNewContext } from 'node:vm';
import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { preloadScriptOf, preloadTableOf, routePatternOf } from './route-preload-plugin.ts';

const ROOT = '/repo';

function chunk(fileName: string, facade: string | null, imports: string[] = [], isEntry = false) {
  return {
    type: 'chunk',
    fileName,
    facadeModuleId: facade === null ? null : `${ROOT}${facade}`,
    imports,
    isEntry,
  } as unknown as Rollup.OutputChunk;
}

function bundleOf(...chunks: Rollup.OutputChunk[]): Rollup.OutputBundle {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

/** Runs the generated script for a path and returns `rel:href` of each link it adds, in order. */
function linksFor(script: string, pathname: string): string[] {
  const added: string[] = [];
  runInNewContext(script, {
    location: { pathname },
    document: {
      createElement: () => ({ rel: '', href: '', as: '', crossOrigin: null }),
      head: {
        appendChild: (link: { rel: string; href: string; as: string }) =>
          added.push(`${link.rel}${link.as ? `(${link.as})` : ''}:${link.href}`),
      },
    },
  });
  return added;
}

function preloadsFor(script: string, pathname: string): string[] {
  return run(script, pathname).preloaded;
}

/** Runs the generated script for a path: the hrefs it preloads, and the `window` it leaves. */
function run(script: string, pathname: string) {
  const preloaded: string[] = [];
  const window: { m3terDemoBackend?: Promise<unknown> } = {};
  runInNewContext(script, {
    location: { pathname },
    window,
    document: {
      createElement: () => ({ rel: '', href: '' }),
      head: { appendChild: (link: { rel: string; href: string }) => preloaded.push(link.href) },
    },
  });
  // Node's vm cannot import the chunk: the promise the page would take rejects here.
  window.m3terDemoBackend?.catch(() => undefined);
  return { preloaded, window };
}

describe('routePatternOf', () => {
  it("turns this project's route files into the paths the router matches", () => {
    const matches = (file: string, path: string) =>
      new RegExp(routePatternOf(file)!.pattern).test(path);
    expect(matches('runs/$entityType.$entityId.tsx', '/runs/Bill/b1')).toBe(true);
    expect(matches('runs/$entityType.$entityId.tsx', '/runs/Bill')).toBe(false);
    expect(matches('configs/index.tsx', '/configs')).toBe(true);
    expect(matches('configs/index.tsx', '/configs/')).toBe(true);
    expect(matches('configs/$id/edit.tsx', '/configs/c-1/edit')).toBe(true);
    expect(matches('configs/$id/edit.tsx', '/configs/c-1')).toBe(false);
    expect(matches('solvimon/integrations/new.tsx', '/solvimon/integrations/new')).toBe(true);
    expect(routePatternOf('__root.tsx')).toBeUndefined();
  });

  it('counts static segments, so the more specific route can win', () => {
    expect(routePatternOf('runs/destination.$destinationId.tsx')!.staticSegments).toBe(2);
    expect(routePatternOf('runs/$entityType.$entityId.tsx')!.staticSegments).toBe(1);
  });
});

describe('the preload script', () => {
  const bundle = bundleOf(
    chunk('assets/index.js', '/index.html', ['assets/react.js'], true),
    chunk('assets/react.js', null),
    chunk('assets/history.js', '/src/routes/runs/$entityType.$entityId.tsx?tsr-split=component', [
      'assets/table.js',
      'assets/react.js',
    ]),
    chunk('assets/table.js', null, ['assets/react.js']),
    chunk(
      'assets/destination.js',
      '/src/routes/runs/destination.$destinationId.tsx?tsr-split=component',
      ['assets/table.js'],
    ),
    chunk('assets/configs.js', '/src/routes/configs/index.tsx?tsr-split=component'),
    chunk('assets/demo.js', '/src/mocks/browser.ts', ['assets/msw.js']),
    chunk('assets/msw.js', null),
  );
  const script = preloadScriptOf(preloadTableOf(bundle, ROOT, '/'));

  it("preloads the URL's route chunk and its imports, not what the entry already loads", () => {
    expect(preloadsFor(script, '/runs/Bill/b1')).toEqual([
      '/assets/history.js',
      '/assets/table.js',
    ]);
  });

  it('takes the most specific route, and preloads no route for an unknown path', () => {
    expect(preloadsFor(script, '/runs/destination/d1')).toEqual([
      '/assets/destination.js',
      '/assets/table.js',
    ]);
    expect(preloadsFor(script, '/nowhere/at/all/here')).toEqual([]);
  });

  it('starts the demo backend on every URL of a demo build, for main.tsx to take', () => {
    expect(preloadTableOf(bundle, ROOT, '/').backend).toBe('/assets/demo.js');
    // A promise of the vm's realm: thenable, not an instance of this realm's Promise.
    expect(run(script, '/configs').window.m3terDemoBackend).toHaveProperty('then');
    expect(run(script, '/nowhere/at/all/here').window.m3terDemoBackend).toHaveProperty('then');
  });

  it("fetches the route's stylesheets (not applied: Vite adds them in order when the chunk runs)", () => {
    const withCss = bundleOf(
      chunk('assets/index.js', '/src/main.tsx', [], true),
      {
        ...chunk(
          'assets/history.js',
          '/src/routes/runs/$entityType.$entityId.tsx?tsr-split=component',
          ['assets/table.js'],
        ),
        viteMetadata: { importedCss: new Set(['assets/history.css']), importedAssets: new Set() },
      } as unknown as Rollup.OutputChunk,
      {
        ...chunk('assets/table.js', null),
        viteMetadata: { importedCss: new Set(['assets/table.css']), importedAssets: new Set() },
      } as unknown as Rollup.OutputChunk,
    );
    expect(linksFor(preloadScriptOf(preloadTableOf(withCss, ROOT, '/')), '/runs/Bill/b1')).toEqual([
      'modulepreload:/assets/history.js',
      'preload(style):/assets/history.css',
      'modulepreload:/assets/table.js',
      'preload(style):/assets/table.css',
    ]);
  });

  it('starts no demo backend in a build without one, and respects the base path', () => {
    const live = bundleOf(
      chunk('assets/index.js', '/index.html', [], true),
      chunk('assets/configs.js', '/src/routes/configs/index.tsx?tsr-split=component'),
    );
    const liveScript = preloadScriptOf(preloadTableOf(live, ROOT, '/console/'));
    expect(run(liveScript, '/console/configs')).toEqual({
      preloaded: ['/console/assets/configs.js'],
      window: {},
    });
  });
});
