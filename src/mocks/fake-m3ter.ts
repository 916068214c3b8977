/**
 * One self-contained fake m3ter (store + fault switch + handlers), for reuse outside the demo and
 * Vitest wiring, e.g. a Node HTTP server acting as the live-mode proxy's upstream:
 *
 *   const fake = createFakeM3ter();
 *   const response = await getResponse(fake.handlers, request); // from 'msw'
 */
import type { RequestHandler } from 'msw';
import { createFaultSwitch, type FaultSwitch } from './faults';
import { createHandlers } from './handlers';
import { createStore, type DemoStore, type StoreOptions } from './store';

export interface FakeM3ter {
  store: DemoStore;
  faults: FaultSwitch;
  handlers: RequestHandler[];
}

export function createFakeM3ter(options: StoreOptions = {}): FakeM3ter {
  const store = createStore(options);
  const faults = createFaultSwitch();
  return {
    store,
    faults,
    handlers: createHandlers({ store: () => store, faults: () => faults.get() }),
  };
}
