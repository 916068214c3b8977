/**
 * The demo backend's worker (started by browser.ts): the fake m3ter and the fake Solvimon answer
 * from here, off the page's main thread (see demo-channel.ts).
 */
// First: MSW needs a localStorage when it loads.
import './worker-storage-shim';
import { createDemoBackend, prepareFreshSeed } from './demo-backend';
import { serveDemoBackend, type ChannelPort } from './demo-channel';

// A first visit (no demo data stored yet, as on every cold load) seeds relative to now. That seed,
// ~7,000 runs and their index, is made at once, while the page is still loading and before its start message
// arrives, so the run history is ready when the page asks for it. A returning visitor's stored
// anchor is seeded on start instead.
const firstAnchor = new Date().toISOString();
prepareFreshSeed(firstAnchor);

// The worker's global scope is the port to its page (DOM typings call it a Window).
serveDemoBackend(self as unknown as ChannelPort, (options) =>
  createDemoBackend({ ...options, firstAnchor }),
);
