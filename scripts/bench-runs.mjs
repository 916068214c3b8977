#!/usr/bin/env node
// Browser scenario for `npm run bench` (issue 4): the demo Bill with 5,000+ integration runs.
// Serves the already built dist/ (demo mode) with `vite preview`, opens the Bill's run history in
// headless Chromium and prints: time to the first rows, time until every run is loaded ("Load all"),
// frame times while scrolling the virtualized table to the bottom, DOM rows rendered, and JS heap.
// Exits non-zero only when the scenario could not run.
// The callbacks of page.evaluate/addInitScript run in the browser page, not in Node.
/* global window, document, MutationObserver, requestAnimationFrame */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const PORT = 5190;
const BASE = `http://localhost:${PORT}`;
const BIG_BILL = 'b1000000-acbe-4c0e-9b11-000000005000'; // SEED_IDS.bigBill in src/mocks/seed.ts
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npx vite build`.');
  process.exit(1);
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  env: { ...process.env, M3TER_MODE: process.env.M3TER_MODE ?? 'demo' },
  stdio: ['ignore', 'pipe', 'pipe'],
  // Its own process group, so stopping it also stops the node process npx starts (TOOLCHAIN P9).
  detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

function stopServer() {
  if (server.exitCode === null && server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

async function waitForServer(timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited early:\n${serverLog}`);
    try {
      const res = await fetch(BASE);
      if (res.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer on ${BASE} within ${timeoutMs} ms`);
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const mb = (n) => (Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(1)} MB` : 'n/a');

let browser;
let failed = false;
try {
  await waitForServer();
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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();

  // Record, inside the page, when the first run row appears (relative to navigation start).
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="runs-scroll"] tbody tr[data-index]')) {
        window.__firstRowAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });

  await page.goto(`${BASE}/runs/Bill/${BIG_BILL}`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const firstRowsMs = await page.evaluate(() => window.__firstRowAt);
  const firstLoadedText = await page
    .getByText(/runs loaded;/)
    .first()
    .textContent();

  // "Load all", timed in the page from the click to the "that is all of them" message.
  const loadAll = page.getByRole('button', { name: /^Load all/ });
  await loadAll.waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    window.__loadAllStart = performance.now();
    const observer = new MutationObserver(() => {
      const status = [...document.querySelectorAll('[role="status"]')].find((el) =>
        /that is all of them|Stopped at/.test(el.textContent ?? ''),
      );
      if (status) {
        window.__loadAllEnd = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await loadAll.click();
  await page.waitForFunction(() => window.__loadAllEnd !== undefined, null, { timeout: 120_000 });
  const allLoadedMs = await page.evaluate(() => window.__loadAllEnd - window.__loadAllStart);
  const loadedText = await page
    .getByText(/runs loaded;/)
    .first()
    .textContent();
  const loadedCount = Number(
    ((loadedText ?? '').match(/^\s*([\d,]+)/)?.[1] ?? '').replace(/,/g, ''),
  );

  // Scroll the table to the bottom, 3 rows' height per frame, recording frame-to-frame times.
  const scroll = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="runs-scroll"]');
    if (!el) throw new Error('no runs scroll container');
    const deltas = [];
    let maxRows = 0;
    await new Promise((resolve) => {
      let last = performance.now();
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, el.querySelectorAll('tbody tr[data-index]').length);
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return resolve();
        el.scrollTop += 120;
        requestAnimationFrame(step);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(step);
      });
    });
    const rendered = [...el.querySelectorAll('tbody tr[data-index]')];
    const last = rendered[rendered.length - 1];
    return {
      lastIndex: Number(last?.getAttribute('data-index') ?? -1),
      rowHeight: rendered[0]?.getBoundingClientRect().height ?? NaN,
      frames: deltas.length,
      deltas: deltas.slice(1),
      maxRows,
      scrollHeight: el.scrollHeight,
    };
  });
  const sorted = [...scroll.deltas].sort((a, b) => a - b);

  const memory = await page.evaluate(() =>
    'memory' in performance ? performance.memory.usedJSHeapSize : NaN,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');

  const rows = [
    ['first page text', (firstLoadedText ?? '').trim()],
    ['after "Load all"', (loadedText ?? '').trim()],
    ['time to first rows (from navigation)', ms(firstRowsMs)],
    ['runs loaded by "Load all"', loadedCount.toLocaleString('en')],
    ['time to all loaded (from click)', ms(allLoadedMs)],
    ['scroll frames', String(scroll.frames)],
    ['scroll frame time p50', ms(percentile(sorted, 50))],
    ['scroll frame time p95', ms(percentile(sorted, 95))],
    ['scroll frame time max', ms(sorted[sorted.length - 1])],
    ['table rows in the DOM (max while scrolling)', String(scroll.maxRows)],
    ['row height / last row index at the bottom', `${scroll.rowHeight} px / ${scroll.lastIndex}`],
    ['JS heap (performance.memory)', mb(memory)],
    ['JS heap after GC (CDP Runtime.getHeapUsage)', mb(usedSize)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log(`Run history of the demo Bill ${BIG_BILL} (headless Chromium, vite preview)`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}${v}`);
  if (scroll.lastIndex !== loadedCount - 1) {
    console.error(`Scrolled to the bottom but the last row shown is #${scroll.lastIndex}.`);
    failed = true;
  }
  if (!(loadedCount > 5000)) {
    console.error(`Expected more than 5,000 runs to load, got ${loadedCount}.`);
    failed = true;
  }
} catch (error) {
  console.error('bench-runs could not run:', error);
  failed = true;
} finally {
  await browser?.close();
  stopServer();
}
process.exit(failed ? 1 : 0);
