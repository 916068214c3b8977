// What `npm run bench` (scripts/bench-compare.mjs) measures in one page: the first run row, the JS that
// arrived before it, the JS heap, "Load all" and the steady scroll. Times are taken inside the page
// (performance.now(), whose origin is the navigation start) by MutationObservers, so Playwright's own
// round trips are never part of a figure.
// The callbacks of page.evaluate/addInitScript run in the browser page, not in Node.
/* global window, document, MutationObserver, requestAnimationFrame */
import { gzipSync } from 'node:zlib';

/**
 * Installed before any script of the page: records when `rowSelector` first matches
 * (`__firstRowAt`), when `doneSelector` (if any) first matches (`__doneAt`), and the last click.
 */
function installObservers({ rowSelector, doneSelector }) {
  try {
    performance.setResourceTimingBufferSize(10_000);
  } catch {
    // Older browsers: the default buffer (250) is enough for a first load.
  }
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (window.__firstRowAt === undefined && document.querySelector(rowSelector)) {
      window.__firstRowAt = now;
    }
    if (doneSelector && window.__doneAt === undefined && document.querySelector(doneSelector)) {
      window.__doneAt = now;
    }
    if (window.__firstRowAt !== undefined && (!doneSelector || window.__doneAt !== undefined)) {
      observer.disconnect();
    }
  });
  // Attributes only when a done marker is an attribute (the floor's `data-done`).
  observer.observe(document, { childList: true, subtree: true, attributes: !!doneSelector });
  document.addEventListener('click', () => (window.__lastClickAt = performance.now()), true);
}

/** A new page in `context` whose first row (and done marker) are observed from the first byte. */
export async function openObserved(context, { rowSelector, doneSelector }) {
  const page = await context.newPage();
  await page.addInitScript(installObservers, { rowSelector, doneSelector: doneSelector ?? null });
  return page;
}

export async function waitForFirstRow(page, timeout = 60_000) {
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout });
  return page.evaluate(() => window.__firstRowAt);
}

export async function waitForDone(page, timeout = 120_000) {
  await page.waitForFunction(() => window.__doneAt !== undefined, null, { timeout });
  return page.evaluate(() => window.__doneAt);
}

/** Resource Timing entries of the page so far (name, start, end, bytes). */
export function resourceEntries(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      startTime: e.startTime,
      responseEnd: e.responseEnd,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
    })),
  );
}

const isJs = (url) => /\.m?js$/.test(new URL(url).pathname);

const gzipCache = new Map();
/** gzip -9 size of a URL's body, fetched once from Node (so the server's own compression is not in it). */
async function gzipSize(url) {
  if (!gzipCache.has(url)) {
    gzipCache.set(
      url,
      fetch(url).then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} for ${url}`);
        return gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
      }),
    );
  }
  return gzipCache.get(url);
}

/** The JS whose response ended by `atMs`: count, gzip -9 bytes, and bytes on the wire. */
export async function jsBefore(entries, atMs) {
  const js = entries.filter((e) => isJs(e.name) && e.responseEnd <= atMs);
  const gzip = (await Promise.all(js.map((e) => gzipSize(e.name)))).reduce((a, b) => a + b, 0);
  // transferSize is 0 for a response served by a service worker; its encoded body is then the best figure.
  const wire = js.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0);
  return { count: js.length, gzip, wire };
}

/** Bytes of JS heap in use after a full GC (the page's main isolate; a service worker's is not in it). */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Before a "Load all" click: records in `__doneAt` the moment a `[role="status"]` element's text
 * matches `pattern` (the console's "6,338 runs loaded; that is all of them." or "Stopped at …").
 */
export function watchStatus(page, pattern) {
  return page.evaluate((source) => {
    window.__doneAt = undefined;
    const re = new RegExp(source);
    const observer = new MutationObserver(() => {
      const done = [...document.querySelectorAll('[role="status"]')].some((el) =>
        re.test(el.textContent ?? ''),
      );
      if (done) {
        window.__doneAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, pattern.source);
}

/**
 * Scrolls `container` (the document when null) from the top by 120 px per animation frame, to the
 * bottom or for `maxFrames`, recording frame-to-frame times and the most `rows` in the DOM. Then it
 * jumps to the bottom (when capped) and reports the last row there: its `data-index` (or position)
 * and whether it is in view, waiting up to 30 frames for a virtualized list to render it.
 */
export function steadyScroll(page, { container, rows, maxFrames = Infinity }) {
  return page.evaluate(
    async ({ container, rows, maxFrames }) => {
      const el = container ? document.querySelector(container) : document.scrollingElement;
      if (!el) throw new Error(`no scroll container ${container}`);
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const atBottom = () => el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      el.scrollTop = 0;
      await frame();
      const deltas = [];
      let maxRows = el.querySelectorAll(rows).length;
      await new Promise((resolve) => {
        let last = performance.now();
        const step = (now) => {
          deltas.push(now - last);
          last = now;
          // Counting thousands of rows costs time itself: every 8th frame is enough to see the most.
          if (deltas.length % 8 === 0)
            maxRows = Math.max(maxRows, el.querySelectorAll(rows).length);
          if (atBottom() || deltas.length > maxFrames) {
            resolve();
            return;
          }
          el.scrollTop += 120;
          requestAnimationFrame(step);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      });
      el.scrollTop = el.scrollHeight;
      const lastRow = () => {
        const rendered = el.querySelectorAll(rows);
        maxRows = Math.max(maxRows, rendered.length);
        const row = rendered[rendered.length - 1];
        const rect = row?.getBoundingClientRect();
        return {
          index: Number(row?.getAttribute('data-index') ?? rendered.length - 1),
          inView: rect ? rect.top < window.innerHeight && rect.bottom > 0 : false,
        };
      };
      let end = lastRow();
      for (let i = 0; i < 30 && !(atBottom() && end.inView); i++) {
        await frame();
        end = lastRow();
      }
      return {
        frames: deltas.length - 1,
        // The first delta is from the frame before the first scroll step.
        deltas: deltas.slice(1),
        maxRows,
        atBottom: atBottom(),
        lastIndex: end.index,
        lastInView: end.inView,
      };
    },
    { container, rows, maxFrames },
  );
}

/** The leading number of "6,338 runs loaded; …" in the page's status text. */
export async function loadedCount(page) {
  const text = await page
    .getByText(/runs loaded;/)
    .first()
    .textContent();
  return Number(((text ?? '').match(/([\d,]+)\s+runs loaded/)?.[1] ?? '').replace(/,/g, ''));
}
