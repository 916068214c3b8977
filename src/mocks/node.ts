/**
 * The fake m3ter for Vitest: MSW's Node interceptor over an in-memory store seeded at the fixed
 * SEED_ANCHOR, and the fake Solvimon beside it. src/test/setup.ts calls resetDemoStore() before every
 * test, which reseeds both.
 */
import { setupServer } from 'msw/node';
import { createFaultSwitch } from './faults';
import { createHandlers } from './handlers';
import { createSolvimonStore, type SolvimonStore } from './solvimon/store';
import { createStore, type DemoStore } from './store';

let store: DemoStore = createStore();
let solvimonStore: SolvimonStore = createSolvimonStore();

/** Latency/fault switch for tests of slow or failing m3ter; off after every reset. */
export const demoFaults = createFaultSwitch();

const handlers = createHandlers({
  store: () => store,
  solvimonStore: () => solvimonStore,
  faults: () => demoFaults.get(),
});

export const server = setupServer(...handlers);

/** A freshly seeded organisation (cheap: the run history is generated once and shared). */
export function resetDemoStore(): void {
  store = createStore();
  solvimonStore = createSolvimonStore();
  demoFaults.reset();
}

/**
 * The store behind `server`, to read or change state directly, e.g. "another user edited this
 * config": `demoStore().updateConfig(id, { ...config, name: 'X' }, { actor: OTHER_USER_ID })`.
 */
export function demoStore(): DemoStore {
  return store;
}

/** The store behind the fake Solvimon's handlers, to read or change state directly. */
export function solvimonDemoStore(): SolvimonStore {
  return solvimonStore;
}
