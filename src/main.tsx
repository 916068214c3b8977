import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setPlatformFetch } from './api/transport';
import { App } from './app/app';
import type { DemoControls } from './app/demo-context';
import { env } from './env';
import { createQueryClient } from './lib/query-client';

async function startDemoBackendIfNeeded(): Promise<DemoControls | null> {
  // The build-time constant (not env.mode) lets a live build drop the fake m3ter chunk entirely.
  if (import.meta.env.VITE_M3TER_MODE !== 'demo' || env.mode !== 'demo') return null;
  const { startDemoBackend } = await import('./mocks/browser');
  const backend = startDemoBackend();
  setPlatformFetch(backend.fetch);
  return backend.controls;
}

const root = createRoot(document.getElementById('root')!);
startDemoBackendIfNeeded()
  .then((demo) => {
    root.render(
      <StrictMode>
        <App queryClient={createQueryClient()} demo={demo} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    // Without the demo backend every request would fail: say so instead of a blank page.
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText = 'font-family: sans-serif; padding: 2rem; max-width: 40rem';
    p.textContent = `The embedded demo backend could not start (${message}). Reload to try again.`;
    document.getElementById('root')!.replaceChildren(p);
  });
