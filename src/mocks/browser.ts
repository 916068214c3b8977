/**
 * The embedded demo backend in the browser: MSW's handlers answer `{API_BASE}/organizations/…` from
 * a worker (demo-worker.ts, over demo-channel.ts), so neither the backend's code nor its seed takes
 * the page's main thread. Its state is kept in localStorage, so a reload keeps edits and every tab of
 * the origin shares one backend (each tab's worker gets what the others wrote with its next request).
 */
import { connectDemoBackend } from './demo-channel';
import type { DemoControls } from './demo-controls';
import { createFaultSwitch } from './faults';
import { createLocalStoragePersistence, FAULTS_STORAGE_KEY } from './persistence';

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
  /** Settles once the backend can answer; rejects when it cannot start. */
  ready: Promise<void>;
  controls: DemoControls;
}

declare global {
  interface Window {
    /**
     * The backend index.html's preload script started as the page began to load (demo builds;
     * config/route-preload-plugin.ts), for main.tsx to take: its worker then loads and seeds beside
     * the app's entry instead of after it.
     */
    m3terDemoBackend?: Promise<DemoBackend>;
  }
}

/** The backend's worker, and the failure to load its script (if that happens). */
export interface StartedWorker {
  worker: Worker;
  failed: Promise<never>;
}

/** What index.html's preload script also does, as the page begins to load (demo builds). */
function startWorker(): StartedWorker {
  const worker = new Worker(new URL('./demo-worker.ts', import.meta.url), {
    type: 'module',
    name: 'm3ter demo backend',
  });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', () => reject(new Error('its worker could not be loaded'))),
  );
  return { worker, failed };
}

/**
 * The backend, its fetch usable at once (its worker answers once it has seeded; `ready` says when),
 * over the worker index.html's preload script started, or (in development) one started here.
 */
export function startDemoBackend({ worker, failed }: StartedWorker = startWorker()): DemoBackend {
  forgetServiceWorkerOfEarlierBuilds();
  const connection = connectDemoBackend(worker, {
    actor: demoUserOfThisTab(),
    storage: window.localStorage,
    network: (input, init) => window.fetch(input, init),
    failed,
  });
  // The header's fault switch reads and writes the setting here, in the page; the worker gets it
  // with the next request (demo-channel.ts), like other tabs' edits.
  const faults = createFaultSwitch(createLocalStoragePersistence(FAULTS_STORAGE_KEY));
  return {
    fetch: connection.fetch,
    ready: connection.ready,
    controls: {
      reset: () => connection.reset(),
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
