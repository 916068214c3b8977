/**
 * The embedded demo backend of one tab: the fake m3ter and the fake Solvimon over their persisted
 * state, the fault switch, and the MSW handlers that answer over them. It runs in the demo worker
 * (demo-worker.ts), which hands it the tab's demo user and its storage slots.
 */
import { getResponse } from 'msw';
import { createFaultSwitch } from './faults';
import { createHandlers } from './handlers';
import {
  FAULTS_STORAGE_KEY,
  SOLVIMON_STORE_STORAGE_KEY,
  STORE_STORAGE_KEY,
  type Persistence,
} from './persistence';
import { seedRuns } from './seed';
import { createSolvimonStore } from './solvimon/store';
import { createStore } from './store';
import { indexRuns } from './store/runs';

export interface DemoBackendOptions {
  /** Who this tab edits as (audit fields, conflicts between tabs). */
  actor: string;
  /** The slot stored under each of persistence.ts's DEMO_STORAGE_KEYS. */
  storage: (key: string) => Persistence;
  /** What "now" is if this start seeds afresh (no stored demo data): see demo-worker.ts. */
  firstAnchor?: string;
}

export interface DemoBackend {
  /** The handlers' answer to a request, or undefined when none of them matches it. */
  answer(request: Request): Promise<Response | undefined>;
  /** Back to the seed, dropping every edit (in every tab sharing the storage). */
  reset(): void;
}

export function createDemoBackend({
  actor,
  storage,
  firstAnchor,
}: DemoBackendOptions): DemoBackend {
  let startAnchor = firstAnchor;
  const store = createStore({
    actor,
    // Seeded relative to the first visit (and to each reset), then persisted: run dates look
    // recent ("last 7 days" is populated) and stay the same across reloads and tabs.
    anchor: () => startAnchor ?? new Date().toISOString(),
    persistence: storage(STORE_STORAGE_KEY),
    refreshAnchorAfterMs: 24 * 60 * 60 * 1000,
  });
  // Only the seed of this start; a reset later is "now" again.
  startAnchor = undefined;
  const solvimonStore = createSolvimonStore({
    persistence: storage(SOLVIMON_STORE_STORAGE_KEY),
  });
  const faults = createFaultSwitch(storage(FAULTS_STORAGE_KEY));
  const handlers = createHandlers({
    store: () => store,
    solvimonStore: () => solvimonStore,
    faults: () => faults.get(),
  });
  return {
    answer: (request) => getResponse(handlers, request),
    reset: () => {
      store.reset();
      solvimonStore.reset();
    },
  };
}

/**
 * Generates and indexes the run history of a fresh seed at `anchor` (both cached), so that a
 * backend starting afresh there answers its first run history without making them then.
 */
export function prepareFreshSeed(anchor: string): void {
  indexRuns(seedRuns(anchor));
}
