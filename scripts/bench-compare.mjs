#!/usr/bin/env node
// Browser scenario for `npm run bench` (issues 4 and 12): the run history of the demo Bill with 6,338
// integration runs, side by side in one run, for four targets reading the same data:
//   floor         a plain page (scripts/bench/floor/) — one fetch and a <table> — behind the console's
//                 own server and proxy (server/serve.ts, live mode) and the fake m3ter upstream;
//   peer          a react-admin 5 app (scripts/bench/peer/) behind the same server, proxy and upstream;
//   console live  a live-mode build of the console (dist-bench-live/) behind the same;
//   console demo  the demo build (dist/, built by scripts/bench.mjs) under `vite preview`, its data
//                 from the demo backend (the same seed as the fake upstream) in the browser.
// Five interleaved rounds, each load in a new browser context (cold cache, no service worker):
// first run row, JS before it (gzip -9 and wire bytes), JS heap after GC, "Load all" and a steady
// scroll. Then one table and the ratios against their targets.
// See docs/benchmark.md for what is timed exactly. Exits non-zero only when a scenario could not run
// (a server, a page, or a count that is wrong), never because a ratio misses its target.
// Environment: CHROMIUM_PATH, BENCH_ROUNDS (default 5), BENCH_SCROLL_FRAMES (frames of 120 px per
// scroll, default 200; `all` scrolls frame by frame to the bottom, minutes per round).
// The callbacks of page.evaluate run in the browser page, not in Node.
/* global window */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  heapAfterGc,
  jsBefore,
  loadedCount,
  openObserved,
  resourceEntries,
  steadyScroll,
  waitForDone,
  waitForFirstRow,
  watchStatus,
} from './bench/measure.mjs';
import { checkLine, median, percentile, printTable, summary } from './bench/report.mjs';
import { pickPorts, serverLogs, startServer, stopServers } from './bench/servers.mjs';

const BIG_BILL = 'b1000000-acbe-4c0e-9b11-000000005000'; // SEED_IDS.bigBill in src/mocks/seed.ts
const ORG_ID = '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21'; // DEMO_ORG_ID, the fake upstream's organisation
const RUNS_PATH = `/integrationruns/Bill/${BIG_BILL}`;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCROLL_FRAMES =
  process.env.BENCH_SCROLL_FRAMES === 'all'
    ? Infinity
    : Number(process.env.BENCH_SCROLL_FRAMES ?? 200);
const LIVE_DIST = 'dist-bench-live';
const FLOOR_DIR = 'scripts/bench/floor';
const PEER_DIR = 'scripts/bench/peer';
const CONSOLE_ROW = '[data-testid="runs-scroll"] tbody tr[data-index]';
const LOAD_ALL_DONE = /that is all of them|Stopped at/;

const phases = [];
async function phase(name, fn) {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phases.push([name, performance.now() - t0]);
  }
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });

function hashFiles(paths) {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(path).update(readFileSync(path));
  return hash.digest('hex');
}
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}
function sizeOf(dir) {
  let bytes = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) bytes += sizeOf(path);
    else if (d.isFile()) bytes += statSync(path).size;
  }
  return bytes;
}

/** `npm ci` for the peer when node_modules is missing or the lockfile changed since the last one. */
function installPeer() {
  const lock = join(PEER_DIR, 'package-lock.json');
  const stamp = join(PEER_DIR, 'node_modules', '.bench-lock.sha256');
  const want = hashFiles([lock]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    return 'up to date';
  }
  const t0 = performance.now();
  run('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--loglevel', 'error']);
  writeFileSync(stamp, want);
  const mb = sizeOf(join(PEER_DIR, 'node_modules')) / 1024 / 1024;
  return `installed in ${seconds(performance.now() - t0)}, node_modules ${mb.toFixed(0)} MB`;
}

/** `vite build` of the peer when its sources or lockfile changed since the last build. */
function buildPeer() {
  const sources = [
    join(PEER_DIR, 'package-lock.json'),
    join(PEER_DIR, 'index.html'),
    join(PEER_DIR, 'vite.config.js'),
    ...filesUnder(join(PEER_DIR, 'src')).sort(),
  ];
  const stamp = join(PEER_DIR, 'dist', '.bench-build.sha256');
  const want = hashFiles(sources);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return 'up to date';
  run('npm', ['run', 'build', '--prefix', PEER_DIR, '--silent']);
  writeFileSync(stamp, want);
  const js = readdirSync(join(PEER_DIR, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
  return `built (${js.length} JS file${js.length === 1 ? '' : 's'})`;
}

const failures = [];
const fail = (what, error) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  failures.push(`${what}: ${message}`);
  console.error(`  ✗ ${what}: ${message}`);
};

// ---------------------------------------------------------------------------------------------------

let browser;
try {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run bench` (it builds first) or `npx vite build`.');
  }
  const builtFor = existsSync('dist/.m3ter-build.json')
    ? JSON.parse(readFileSync('dist/.m3ter-build.json', 'utf8')).mode
    : 'unknown';
  if (builtFor !== 'demo') {
    throw new Error(`dist/ is a ${builtFor}-mode build; the bench needs the demo build there.`);
  }

  const [upstreamPort, livePort, demoPort, floorPort, peerPort] = await pickPorts(5);
  const origin = (port) => `http://127.0.0.1:${port}`;
  const credentials = { key: 'bench-access-key', secret: 'bench-api-secret-not-real' };
  // Every variable the servers read is set here, so a developer's .env.local cannot change them.
  const LIVE_ENV = {
    M3TER_MODE: 'live',
    API_BASE: '/m3ter',
    M3TER_BASE_URL: origin(upstreamPort),
    M3TER_ORG_ID: ORG_ID,
    M3TER_ACCESS_KEY_ID: credentials.key,
    M3TER_API_SECRET: credentials.secret,
    M3TER_API_TOKEN: '',
    SOLVIMON_MODE: 'off',
    SOLVIMON_API_BASE: '/solvimon',
    ALLOWED_HOSTS: '',
  };

  await phase('live build (vite build)', () =>
    run('npx', ['vite', 'build', '--outDir', LIVE_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, ...LIVE_ENV },
    }),
  );
  const peerInstall = await phase('peer install (npm ci)', installPeer);
  console.log(`peer dependencies: ${peerInstall}`);
  const peerBuild = await phase('peer build (vite build)', buildPeer);
  console.log(`peer: ${peerBuild}`);

  const serveArgs = (dist, port) => [
    'tsx',
    'server/serve.ts',
    '--dist',
    dist,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
  ];
  await phase('servers up', () =>
    Promise.all([
      startServer({
        name: 'fake m3ter upstream',
        command: 'npx',
        args: [
          'tsx',
          'server/fake-upstream-cli.ts',
          '--port',
          String(upstreamPort),
          '--org-id',
          ORG_ID,
          '--access-key-id',
          credentials.key,
          '--api-secret',
          credentials.secret,
          '--token-lifetime',
          '18000',
        ],
        readyUrl: `${origin(upstreamPort)}/`,
      }),
      startServer({
        name: 'console live (serve.ts)',
        command: 'npx',
        args: serveArgs(LIVE_DIST, livePort),
        env: LIVE_ENV,
        readyUrl: `${origin(livePort)}/`,
      }),
      startServer({
        name: 'console demo (vite preview)',
        command: 'npx',
        args: [
          'vite',
          'preview',
          '--port',
          String(demoPort),
          '--strictPort',
          '--host',
          '127.0.0.1',
        ],
        env: { M3TER_MODE: 'demo', API_BASE: '/m3ter', SOLVIMON_MODE: 'demo' },
        readyUrl: `${origin(demoPort)}/`,
      }),
      startServer({
        name: 'floor (serve.ts)',
        command: 'npx',
        args: serveArgs(FLOOR_DIR, floorPort),
        env: LIVE_ENV,
        readyUrl: `${origin(floorPort)}/`,
      }),
      startServer({
        name: 'peer (serve.ts)',
        command: 'npx',
        args: serveArgs(join(PEER_DIR, 'dist'), peerPort),
        env: LIVE_ENV,
        readyUrl: `${origin(peerPort)}/`,
      }),
    ]),
  );

  const query = `org=${ORG_ID}&bill=${BIG_BILL}`;
  const TARGETS = [
    {
      key: 'floor',
      label: 'floor',
      url: `${origin(floorPort)}/?${query}`,
      allUrl: `${origin(floorPort)}/?${query}&all=1`,
      walkUrl: `${origin(floorPort)}/?${query}&all=1&render=0`,
      row: '#runs tbody tr',
      scroll: { container: null, rows: '#runs tbody tr' },
    },
    {
      key: 'peer',
      label: 'peer',
      url: `${origin(peerPort)}/?${query}#/runs`,
      row: 'tbody.RaDatagrid-tbody tr.RaDatagrid-row',
    },
    {
      key: 'live',
      label: 'console live',
      url: `${origin(livePort)}/runs/Bill/${BIG_BILL}`,
      row: CONSOLE_ROW,
      loadAll: true,
      scroll: { container: '[data-testid="runs-scroll"]', rows: 'tbody tr[data-index]' },
    },
    {
      key: 'demo',
      label: 'console demo',
      url: `${origin(demoPort)}/runs/Bill/${BIG_BILL}`,
      row: CONSOLE_ROW,
      loadAll: true,
      scroll: { container: '[data-testid="runs-scroll"]', rows: 'tbody tr[data-index]' },
    },
  ];

  // The proxies' first call exchanges the Service User's key for a token, and each server's first
  // requests warm its code: done here, so that no round pays for it.
  await phase('warm-up', async () => {
    for (const port of [livePort, floorPort, peerPort]) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(
          `${origin(port)}/m3ter/organizations/${ORG_ID}${RUNS_PATH}?order=DESC&pageSize=200`,
          { headers: { Accept: 'application/json' } },
        );
        if (!res.ok) throw new Error(`warm-up: ${res.status} from the proxy on port ${port}`);
        await res.arrayBuffer();
      }
    }
  });

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--enable-precise-memory-info',
    ],
  });
  const newContext = () =>
    browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'allow' });

  /** Samples per target: arrays of numbers per metric. */
  const samples = Object.fromEntries(TARGETS.map((t) => [t.key, {}]));
  const add = (target, metric, value) => (samples[target][metric] ??= []).push(value);
  const counts = {};

  /** One cold load to the first row: time, JS before it, heap. Returns the page for more. */
  async function firstLoad(target, context, record) {
    const page = await openObserved(context, { rowSelector: target.row });
    await page.goto(target.url);
    const firstRow = await waitForFirstRow(page);
    if (record) {
      const entries = await resourceEntries(page);
      const js = await jsBefore(entries, firstRow);
      add(target.key, 'firstRow', firstRow);
      // Not seen when the demo backend answers in the page (no network request).
      const runsRequests = entries.filter((e) => e.name.includes(RUNS_PATH));
      if (runsRequests.length > 0) {
        add(target.key, 'runsRequest', Math.min(...runsRequests.map((e) => e.startTime)));
      }
      add(target.key, 'jsGzip', js.gzip);
      add(target.key, 'jsWire', js.wire);
      add(target.key, 'jsCount', js.count);
      add(target.key, 'heap', await heapAfterGc(page));
    }
    return page;
  }

  /** The steady scroll: frame times per round, and the last row really shown at the bottom. */
  async function doScroll(target, page, count) {
    const s = await steadyScroll(page, { ...target.scroll, maxFrames: SCROLL_FRAMES });
    if (!(s.atBottom && s.lastInView && s.lastIndex === count - 1)) {
      throw new Error(
        `at the bottom the last row shown is #${s.lastIndex} of ${count} (in view: ${s.lastInView})`,
      );
    }
    add(target.key, 'scrollFrames', s.frames);
    add(target.key, 'scrollP50', percentile(s.deltas, 50));
    add(target.key, 'scrollP95', percentile(s.deltas, 95));
    add(target.key, 'scrollMax', Math.max(...s.deltas));
    add(target.key, 'scrollRows', s.maxRows);
  }

  /** The console: first load, then "Load all" timed from the click, then the scroll. */
  async function consoleSample(target, record) {
    const context = await newContext();
    try {
      const page = await firstLoad(target, context, record);
      if (!record) return;
      const button = page.getByRole('button', { name: /^Load all/ });
      await button.waitFor({ timeout: 30_000 });
      await watchStatus(page, LOAD_ALL_DONE);
      await button.click();
      const doneAt = await waitForDone(page);
      const clickAt = await page.evaluate(() => window.__lastClickAt);
      const count = await loadedCount(page);
      if (!(count > 5000)) throw new Error(`"Load all" loaded ${count} runs, expected over 5,000`);
      counts[target.key] = count;
      add(target.key, 'loadAll', doneAt - clickAt);
      await doScroll(target, page, count);
    } finally {
      await context.close();
    }
  }

  async function peerSample(target, record) {
    const context = await newContext();
    try {
      await firstLoad(target, context, record);
    } finally {
      await context.close();
    }
  }

  /**
   * The floor: a first load, then a load of `?all=1`, timed from its first rows (when it requests
   * the second page) to its done marker, then the scroll.
   */
  async function floorSample(target, record) {
    let context = await newContext();
    try {
      await firstLoad(target, context, record);
    } finally {
      await context.close();
    }
    if (!record) return;
    context = await newContext();
    try {
      const page = await openObserved(context, {
        rowSelector: target.row,
        doneSelector: 'body[data-done]',
      });
      await page.goto(target.allUrl);
      const doneAt = await waitForDone(page);
      const firstRowAt = await page.evaluate(() => window.__firstRowAt);
      const count = await loadedCount(page);
      if (!(count > 5000)) throw new Error(`the walk loaded ${count} runs, expected over 5,000`);
      counts[target.key] = count;
      add(target.key, 'loadAll', doneAt - firstRowAt);
      await doScroll(target, page, count);
    } finally {
      await context.close();
    }
    // The same walk without adding rows: what the network and JSON alone take, for reference.
    context = await newContext();
    try {
      const page = await openObserved(context, {
        rowSelector: target.row,
        doneSelector: 'body[data-done]',
      });
      await page.goto(target.walkUrl);
      const doneAt = await waitForDone(page);
      add(target.key, 'walkOnly', doneAt - (await page.evaluate(() => window.__firstRowAt)));
    } finally {
      await context.close();
    }
  }

  const sampleOf = {
    floor: floorSample,
    peer: peerSample,
    live: consoleSample,
    demo: consoleSample,
  };
  async function sample(target, round) {
    try {
      await sampleOf[target.key](target, round > 0);
    } catch (error) {
      fail(`${target.label}, ${round === 0 ? 'warm-up' : `round ${round}`}`, error);
    }
  }

  // Round 0 warms the servers' static paths and the browser's own code; it is not recorded.
  await phase('browser warm-up (round 0)', async () => {
    for (const target of TARGETS) await sample(target, 0);
  });
  for (let round = 1; round <= ROUNDS; round++) {
    await phase(`round ${round}`, async () => {
      for (const target of TARGETS) await sample(target, round);
    });
    console.log(`  round ${round}/${ROUNDS} done`);
  }

  // ---- the table -----------------------------------------------------------------------------
  const col = (metric, scale = 1, digits = 0) =>
    TARGETS.map((t) =>
      summary(
        (samples[t.key][metric] ?? []).map((v) => v / scale),
        digits,
      ),
    );
  const scrollNote = Number.isFinite(SCROLL_FRAMES) ? `${SCROLL_FRAMES} frames` : 'to the bottom';
  console.log(
    `\nRun history of Bill ${BIG_BILL}: median (min–max) of ${ROUNDS} cold loads per target, interleaved`,
  );
  printTable(
    ['metric', ...TARGETS.map((t) => t.label)],
    [
      ['first run row (ms from navigation)', ...col('firstRow')],
      ['first runs request starts (ms)', ...col('runsRequest')],
      ['JS before the first row, gzip -9 (kB)', ...col('jsGzip', 1024, 1)],
      ['JS before the first row, wire (kB)', ...col('jsWire', 1024, 1)],
      ['JS files before the first row', ...col('jsCount')],
      ['JS heap after GC at the first row (MB)', ...col('heap', 1024 * 1024, 1)],
      ['Load all (ms, start → last rows in the DOM)', ...col('loadAll')],
      ['Load all without adding rows (ms, floor only)', ...col('walkOnly')],
      ['runs loaded by Load all', ...TARGETS.map((t) => counts[t.key]?.toLocaleString('en') ?? '')],
      [`steady scroll (${scrollNote} of 120 px): frames`, ...col('scrollFrames')],
      ['scroll frame time p50 (ms)', ...col('scrollP50', 1, 1)],
      ['scroll frame time p95 (ms)', ...col('scrollP95', 1, 1)],
      ['scroll frame time max (ms)', ...col('scrollMax', 1, 1)],
      ['table rows in the DOM (max while scrolling)', ...col('scrollRows')],
    ],
  );

  const m = (key, metric) => median(samples[key][metric] ?? []);
  console.log('\nRatios (medians) against their targets');
  printTable(
    ['', 'ratio', 'value', 'target'],
    [
      checkLine(
        'console live first row / peer',
        m('live', 'firstRow') / m('peer', 'firstRow'),
        0.5,
      ),
      checkLine(
        'console live first row / floor',
        m('live', 'firstRow') / m('floor', 'firstRow'),
        3,
      ),
      checkLine(
        'console demo first row / console live',
        m('demo', 'firstRow') / m('live', 'firstRow'),
        1.25,
      ),
      checkLine(
        'console live JS before first row (gzip) / peer',
        m('live', 'jsGzip') / m('peer', 'jsGzip'),
        0.75,
      ),
      // One frame at 60 Hz. requestAnimationFrame times an on-time frame anywhere from 16.6 to
      // 16.8 ms (timer jitter) and a missed one at 33.3 ms, so 0.5 ms of jitter is allowed.
      checkLine('console live scroll frame p95', m('live', 'scrollP95'), 16.7, 'ms', 0.5),
      checkLine('console demo scroll frame p95', m('demo', 'scrollP95'), 16.7, 'ms', 0.5),
      checkLine('console live Load all / floor', m('live', 'loadAll') / m('floor', 'loadAll'), 1.2),
      checkLine('console demo Load all / floor', m('demo', 'loadAll') / m('floor', 'loadAll'), 1.2),
    ],
  );

  if (counts.floor !== undefined) {
    for (const key of ['live', 'demo']) {
      if (counts[key] !== undefined && counts[key] !== counts.floor) {
        fail(`${key} count`, `the console loaded ${counts[key]} runs, the floor ${counts.floor}`);
      }
    }
  }
} catch (error) {
  fail('bench-compare could not run', error);
  console.error(error);
  const logs = serverLogs();
  if (logs) console.error(`\nServer output:\n${logs}`);
} finally {
  await browser?.close();
  await phase('servers down', stopServers);
  console.log('\nPhases');
  for (const [name, ms] of phases) console.log(`  ${name.padEnd(32)}${seconds(ms)}`);
}
if (failures.length > 0) {
  console.error(`\n${failures.length} scenario(s) could not run:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
