/**
 * The fake m3ter for Vitest: MSW's Node interceptor over an in-memory store seeded at the fixed
 * SEED_ANCHOR. src/test/setup.ts calls resetDemoStore() before every test.
 */
import { setupServer } from 'msw/node';
import { createFaultSwitch } from './faults';
import { createHandlers } from './handlers';
import { createStore, type DemoStore } from './store';

let store: DemoStore = createStore();

/** Latency/fault switch for tests of slow or failing m3ter; off after every reset. */
export const demoFaults = createFaultSwitch();

const handlers = createHandlers({ store: () => store, faults: () => demoFaults.get() });

export const server = setupServer(...handlers);

/** A freshly seeded organisation (cheap: the run history is generated once and shared). */
export function resetDemoStore(): void {
  store = createStore();
  demoFaults.reset();
}

/**
 * The store behind `server`, to read or change state directly, e.g. "another user edited this
 * config": `demoStore().updateConfig(id, { ...config, name: 'X' }, { actor: OTHER_USER_ID })`.
 */
export function demoStore(): DemoStore {
  return store;
}
