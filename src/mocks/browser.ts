/**
 * The embedded demo backend in the browser: MSW's handlers answer `{API_BASE}/organizations/…` in the
 * page (in-page-fetch.ts) from a store kept in localStorage, so a reload keeps edits and every tab of
 * the origin shares one backend (each request re-reads the snapshot another tab may have written).
 */
import type { DemoControls } from './demo-controls';
import { createFaultSwitch } from './faults';
import { createHandlers } from './handlers';
import { createInPageFetch } from './in-page-fetch';
import {
  createLocalStoragePersistence,
  FAULTS_STORAGE_KEY,
  STORE_STORAGE_KEY,
} from './persistence';
import { createSolvimonStore, SOLVIMON_STORE_STORAGE_KEY } from './solvimon/store';
import { createStore } from './store';

/**
 * Each tab edits as its own demo user (kept for the tab's life in sessionStorage), so a conflict
 * between two tabs shows who changed what, as it would between two colleagues.
 */
function demoUserOfThisTab(): string {
  const key = 'm3ter-demo:tab-user';
  const existing = sessionStorage.getItem(key);
  if (existing) return existing;
  const id = `USER_${crypto.randomUUID()}`;
  sessionStorage.setItem(key, id);
  return id;
}

export interface DemoBackend {
  /** The fetch the API modules send through (transport.ts `setPlatformFetch`). */
  fetch: typeof fetch;
  controls: DemoControls;
}

export function startDemoBackend(): DemoBackend {
  forgetServiceWorkerOfEarlierBuilds();
  const store = createStore({
    actor: demoUserOfThisTab(),
    // Seeded relative to the first visit (and to each reset), then persisted: run dates look
    // recent ("last 7 days" is populated) and stay the same across reloads and tabs.
    anchor: () => new Date().toISOString(),
    persistence: createLocalStoragePersistence(STORE_STORAGE_KEY),
    refreshAnchorAfterMs: 24 * 60 * 60 * 1000,
  });
  // The fake Solvimon keeps its integrations in localStorage too, shared by tabs the same way.
  const solvimonStore = createSolvimonStore({
    persistence: createLocalStoragePersistence(SOLVIMON_STORE_STORAGE_KEY),
  });
  const faults = createFaultSwitch(createLocalStoragePersistence(FAULTS_STORAGE_KEY));
  const handlers = createHandlers({
    store: () => store,
    solvimonStore: () => solvimonStore,
    faults: () => faults.get(),
  });
  return {
    fetch: createInPageFetch(handlers, (input, init) => window.fetch(input, init)),
    controls: {
      reset: () => {
        store.reset();
        solvimonStore.reset();
      },
      getFaults: () => faults.get(),
      setFaults: (settings) => faults.set(settings),
    },
  };
}

/**
 * Earlier demo builds answered through MSW's service worker; a browser that still has it registered
 * would keep routing this origin's requests through it, so it is unregistered.
 */
function forgetServiceWorkerOfEarlierBuilds(): void {
  void navigator.serviceWorker
    ?.getRegistrations()
    .then((registrations) =>
      Promise.all(
        registrations
          .filter((r) => r.active?.scriptURL.endsWith('/mockServiceWorker.js'))
          .map((r) => r.unregister()),
      ),
    )
    .catch(() => {
      // Nothing to forget, or service workers are unavailable here.
    });
}
