import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setPlatformFetch } from './api/transport';
import { App } from './app/app';
import type { DemoControls } from './app/demo-context';
import { createAppRouter } from './app/router';
import { env } from './env';
import { createQueryClient } from './lib/query-client';

const root = createRoot(document.getElementById('root')!);
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
const render = (demo: DemoControls | null) =>
  root.render(
    <StrictMode>
      <App queryClient={queryClient} router={router} demo={demo} />
    </StrictMode>,
  );

// The build-time constant (not env.mode) lets a live build drop the fake m3ter chunk entirely.
if (import.meta.env.VITE_M3TER_MODE === 'demo' && env.mode === 'demo') {
  // The app renders while the demo backend starts (in its worker) instead of after it: index.html's
  // preload script started it as the page began to load (none in development: started here). The
  // first request goes to it as soon as its page side is in; its worker answers once it has seeded.
  // Its controls (the header's demo menu) come once it is up.
  const backend =
    window.m3terDemoBackend ?? import('./mocks/browser').then((m) => m.startDemoBackend());
  setPlatformFetch((input, init) => backend.then((b) => b.fetch(input, init)));
  startRouting();
  render(null);
  backend
    .then(async (b) => {
      await b.ready;
      return b;
    })
    .then(
      (b) => render(b.controls),
      (error: unknown) => {
        // Without the demo backend every request would fail: say so instead of a page of errors.
        console.error(error);
        root.unmount();
        const message = error instanceof Error ? error.message : String(error);
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.style.cssText = 'font-family: sans-serif; padding: 2rem; max-width: 40rem';
        p.textContent = `The embedded demo backend could not start (${message}). Reload to try again.`;
        document.getElementById('root')!.replaceChildren(p);
      },
    );
} else {
  startRouting();
  render(null);
}

/**
 * The URL's route is matched and loaded now, not once React has drawn the shell (the router's own
 * start is an effect after the first commit): its loader's request and its page's code start while
 * the shell renders. The router's mount sees the load under way and does not start another.
 */
function startRouting() {
  // A route's own failure is its error page; what reaches here is the router's, logged as it does.
  router.load().catch(console.error);
}
