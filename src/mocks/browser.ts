/**
 * The embedded demo backend in the browser: MSW's service worker answers `{API_BASE}/organizations/…`
 * from a store kept in localStorage, so a reload keeps edits and every tab of the origin shares one
 * backend (each request re-reads the snapshot another tab may have written).
 */
import { setupWorker } from 'msw/browser';
import type { DemoControls } from './demo-controls';
import { createFaultSwitch } from './faults';
import { createHandlers } from './handlers';
import {
  createLocalStoragePersistence,
  FAULTS_STORAGE_KEY,
  STORE_STORAGE_KEY,
} from './persistence';
import { createSolvimonStore, SOLVIMON_STORE_STORAGE_KEY } from './solvimon/store';
import { createStore } from './store';

export type { DemoControls } from './demo-controls';

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

export async function startDemoBackend(): Promise<DemoControls> {
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
  const worker = setupWorker(
    ...createHandlers({
      store: () => store,
      solvimonStore: () => solvimonStore,
      faults: () => faults.get(),
    }),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return {
    reset: () => {
      store.reset();
      solvimonStore.reset();
    },
    getFaults: () => faults.get(),
    setFaults: (settings) => faults.set(settings),
  };
}
