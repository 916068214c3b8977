import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { ConfigError, loadAppConfig, publicConfig } from './config/app-config.ts';
import { firstScreenChunkPlugin } from './config/first-screen-chunk-plugin.ts';
import { mantineStylesPlugin } from './config/mantine-styles-plugin.ts';
import { precompressPlugin } from './config/precompress-plugin.ts';
import { routePreloadPlugin } from './config/route-preload-plugin.ts';
import { m3terServerPlugin } from './server/vite-live-plugin.ts';

export default defineConfig(({ mode }) => {
  // .env, .env.local and the process environment; process.env wins.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  let appConfig;
  try {
    appConfig = loadAppConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`\n${e.message}\n\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw e;
  }
  const pub = publicConfig(appConfig);
  return {
    plugins: [
      tanstackRouter({
        target: 'react',
        autoCodeSplitting: true,
        codeSplittingOptions: {
          // The loader in a chunk of its own, not in the entry: every route's loader in the entry
          // brought every API module, its schemas and query helpers to every first screen. The route
          // the URL names has its loader chunk preloaded with the entry (routePreloadPlugin).
          defaultBehavior: [
            ['loader'],
            ['component'],
            ['pendingComponent'],
            ['errorComponent'],
            ['notFoundComponent'],
          ],
          // Except the run histories', the page support engineers open most (from ticket links): in
          // the entry, their first request starts as soon as the router matches, before React has
          // drawn the shell; behind a chunk boundary it waited for that first render.
          splitBehavior: ({ routeId }: { routeId: string }) =>
            routeId.startsWith('/runs/') && routeId !== '/runs/'
              ? [['component'], ['pendingComponent'], ['errorComponent'], ['notFoundComponent']]
              : undefined,
        },
      }),
      react(),
      // Live mode: API_BASE → the m3ter proxy, SOLVIMON_API_BASE/v1 → the Solvimon proxy (server/);
      // every build: dist/.m3ter-build.json.
      m3terServerPlugin(appConfig),
      // The entry and what it loads before the first render in one file (the build's first pass,
      // config/first-pass.ts, finds which modules those are).
      firstScreenChunkPlugin(),
      // Mantine's stylesheet with only the components the console uses (the same first pass).
      mantineStylesPlugin(),
      // index.html preloads the chunks of the route the URL names (and the demo backend).
      routePreloadPlugin(),
      // dist/ also holds .br and .gz copies, which `npm run serve` sends to browsers that take them.
      precompressPlugin(),
    ],
    define: {
      'import.meta.env.VITE_M3TER_MODE': JSON.stringify(pub.mode),
      'import.meta.env.VITE_API_BASE': JSON.stringify(pub.apiBase),
      'import.meta.env.VITE_ORG_ID': JSON.stringify(pub.orgId),
      'import.meta.env.VITE_SOLVIMON_MODE': JSON.stringify(pub.solvimonMode),
      'import.meta.env.VITE_SOLVIMON_API_BASE': JSON.stringify(pub.solvimonApiBase),
    },
    worker: {
      // The demo backend's worker (src/mocks/demo-worker.ts) is an ES module, like the app.
      format: 'es' as const,
      // Built without tough-cookie (why: config/no-cookie-jar.ts).
      plugins: () => [
        {
          name: 'm3ter:demo-worker-no-cookie-jar',
          enforce: 'pre' as const,
          resolveId: (id: string) =>
            id === 'tough-cookie'
              ? fileURLToPath(new URL('./config/no-cookie-jar.ts', import.meta.url))
              : undefined,
        },
      ],
    },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: {
      sourcemap: false,
      // The entry is one file (firstScreenChunkPlugin), about 590 kB minified; `npm run bench` holds
      // its gzip size to a budget.
      chunkSizeWarningLimit: 700,
      target: 'es2022',
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Only the group's own modules: by default a group also takes what they import (React).
            includeDependenciesRecursively: false,
            // Floating UI (positioning for popovers, tooltips, menus) in a chunk of its own: left to
            // the default grouping it shared a chunk with Mantine's ScrollArea, so every Table (which
            // imports ScrollArea) also loaded ~30 kB of positioning code no table uses.
            groups: [{ name: 'floating-ui', test: /[\\/]node_modules[\\/]@floating-ui[\\/]/ }],
          },
        },
      },
    },
  };
});
