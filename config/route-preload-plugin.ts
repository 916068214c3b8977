/**
 * Build plugin: no waterfall to the first screen. Without it the browser learns which route chunks a
 * URL needs only once the entry has downloaded and run and the router has matched (hundreds of ms
 * later); with it a tiny script in <head> (a file, as the CSP allows no inline script) matches the
 * URL against the file routes and adds `<link rel="modulepreload">` for the route's chunks and their
 * imports, so they download while the entry does. Demo builds also start the embedded backend: its
 * worker (src/mocks/demo-worker.ts) loads and seeds beside the entry, and its page side
 * (src/mocks/browser.ts) connects to it once its chunk is in; main.tsx takes the result.
 *
 * Routes come from the file names under src/routes (TanStack Router's conventions as this project
 * uses them: `.` and `/` separate segments, `$name` is a parameter, `index` is the folder's path).
 */
import { createHash } from 'node:crypto';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const ROUTES_DIR = '/src/routes/';
const DEMO_BACKEND = '/src/mocks/browser.ts';
/** The demo backend's worker as Vite emits it: an asset named after src/mocks/demo-worker.ts. */
const DEMO_WORKER = /(^|\/)demo-worker-[\w-]+\.js$/;
/** Where the script leaves the backend it started (declared in src/mocks/browser.ts). */
const STARTED_BACKEND_GLOBAL = 'm3terDemoBackend';

export interface RoutePattern {
  /** Anchored regular expression source matched against `location.pathname`. */
  pattern: string;
  /** Static segments: the router prefers `/runs/destination/$id` over `/runs/$type/$id`. */
  staticSegments: number;
}

/** `runs/$entityType.$entityId.tsx` → `^/runs/[^/]+/[^/]+/?$`; undefined for files that are no page. */
export function routePatternOf(routeFile: string): RoutePattern | undefined {
  const withoutExt = routeFile.replace(/\.tsx$/, '');
  const segments = withoutExt
    .split('/')
    .flatMap((part) => part.split('.'))
    .filter((s) => s !== 'index');
  if (segments.some((s) => s.startsWith('__') || s.startsWith('_') || s === '')) return undefined;
  const parts = segments.map((s) => (s.startsWith('$') ? '[^/]+' : escapeRegExp(s)));
  return {
    pattern: `^/${parts.join('/')}${parts.length > 0 ? '/?' : ''}$`,
    staticSegments: segments.filter((s) => !s.startsWith('$')).length,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A chunk and everything it imports statically, as file names. */
function closureOf(
  chunk: OutputChunk,
  bundle: OutputBundle,
  into = new Set<string>(),
): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const imported of chunk.imports) {
    const next = bundle[imported];
    if (next?.type === 'chunk') closureOf(next, bundle, into);
  }
  return into;
}

export interface PreloadTable {
  /** Every file a route may preload, once; routes refer to them by index. */
  files: string[];
  /** Most specific first: the script takes the first route that matches. */
  routes: [pattern: string, files: number[]][];
  /** The demo backend's chunk and its worker, started on every URL (demo builds only). */
  backend?: string;
  worker?: string;
}

export function preloadTableOf(bundle: OutputBundle, root: string, base: string): PreloadTable {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  const inEntry = entry ? closureOf(entry, bundle) : new Set<string>();
  const files: string[] = [];
  const indexOf = (file: string) => {
    const url = `${base}${file}`;
    const at = files.indexOf(url);
    return at >= 0 ? at : files.push(url) - 1;
  };
  // The chunks' stylesheets too: Vite's loader waits for a lazy chunk's CSS before it runs the chunk,
  // so CSS fetched only then held the route's first render back (measured 30–110 ms).
  const filesOf = (chunk: OutputChunk) =>
    [...closureOf(chunk, bundle)]
      .filter((f) => !inEntry.has(f))
      .flatMap((f) => {
        const importedCss = (bundle[f] as OutputChunk | undefined)?.viteMetadata?.importedCss;
        return [f, ...(importedCss ?? [])];
      })
      .map(indexOf);

  const byRoute = new Map<string, { route: RoutePattern; files: Set<number> }>();
  let backend: string | undefined;
  for (const chunk of chunks) {
    const id = chunk.facadeModuleId?.replace(/\\/g, '/');
    if (!id?.startsWith(root)) continue;
    const local = id.slice(root.length);
    if (local === DEMO_BACKEND) backend = `${base}${chunk.fileName}`;
    if (!local.startsWith(ROUTES_DIR)) continue;
    const route = routePatternOf(local.slice(ROUTES_DIR.length).replace(/\?.*$/, ''));
    if (!route) continue;
    const forRoute = byRoute.get(route.pattern) ?? { route, files: new Set<number>() };
    for (const f of filesOf(chunk)) forRoute.files.add(f);
    byRoute.set(route.pattern, forRoute);
  }
  const routes = [...byRoute.values()]
    .sort((a, b) => b.route.staticSegments - a.route.staticSegments)
    // The app is served under `base`: `/console/` + `^/configs/?$` → `^/console/configs/?$`.
    .map(({ route, files: routeFiles }): [string, number[]] => [
      route.pattern.replace(/^\^/, `^${escapeRegExp(base.replace(/\/$/, ''))}`),
      [...routeFiles],
    ]);
  const worker = Object.keys(bundle).find((file) => DEMO_WORKER.test(file));
  return {
    files,
    routes,
    ...(backend ? { backend } : {}),
    ...(backend && worker ? { worker: `${base}${worker}` } : {}),
  };
}

/** The classic script: runs in <head> before the module entry starts, so no waiting on the entry. */
export function preloadScriptOf(table: PreloadTable): string {
  return `(function () {
  var t = ${JSON.stringify(table)};
  var wanted = [];
  for (var i = 0; i < t.routes.length; i++) {
    if (new RegExp(t.routes[i][0]).test(location.pathname)) {
      wanted = wanted.concat(t.routes[i][1]);
      break;
    }
  }
  for (var j = 0; j < wanted.length; j++) {
    var href = t.files[wanted[j]];
    var link = document.createElement('link');
    // Stylesheets are fetched, not applied: Vite adds them (in their order) when the chunk loads,
    // and its link, anonymous CORS like this one, takes the preloaded response.
    if (/\\.css$/.test(href)) {
      link.rel = 'preload';
      link.as = 'style';
      link.crossOrigin = '';
    } else {
      link.rel = 'modulepreload';
    }
    link.href = href;
    document.head.appendChild(link);
  }
  if (t.backend) {
    // The demo backend starts now, not once the entry has run: its worker loads and seeds beside the
    // entry, its page side (startDemoBackend) connects when its chunk is in. main.tsx takes the
    // promise and shows its failure. The same shape as browser.ts's startWorker().
    var started;
    if (t.worker) {
      var worker = new Worker(t.worker, { type: 'module', name: 'm3ter demo backend' });
      var failed = new Promise(function (_, reject) {
        worker.addEventListener('error', function () {
          reject(new Error('its worker could not be loaded'));
        });
      });
      // Handled by startDemoBackend; until it runs a failure is no unhandled rejection.
      failed.catch(function () {});
      started = { worker: worker, failed: failed };
    }
    window.${STARTED_BACKEND_GLOBAL} = import(t.backend).then(function (m) {
      return m.startDemoBackend(started);
    });
  }
})();
`;
}

export function routePreloadPlugin(): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'm3ter:route-preload',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root.replace(/\\/g, '/');
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') return;
      const source = preloadScriptOf(preloadTableOf(bundle, root, base));
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 10);
      const fileName = `assets/route-preload-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source });
      // First after the charset, so the browser fetches it before the entry's files; a classic
      // script runs before any module script (those are deferred).
      const tag = `<script src="${base}${fileName}"></script>`;
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      html.source = charset.test(html.source)
        ? html.source.replace(charset, (meta) => `${meta}\n    ${tag}`)
        : html.source.replace('<head>', `<head>\n    ${tag}`);
    },
  };
}
