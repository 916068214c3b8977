import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useWhenSettled } from '../lib/deferred';
import { DemoControlsContext, type DemoControls } from './demo-context';
import type { AppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

// The toast container is only needed once something is shown; it loads once the first screen is
// built (a toast asked for before then waits in Mantine's store and shows when it mounts).
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

interface AppProps {
  queryClient: QueryClient;
  /** Created and started by main.tsx before the first render (see there). */
  router: AppRouter;
  demo: DemoControls | null;
}

export function App({ queryClient, router, demo }: AppProps) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <DemoControlsContext.Provider value={demo}>
        <QueryClientProvider client={queryClient}>
          <ToastContainer />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DemoControlsContext.Provider>
    </MantineProvider>
  );
}

function ToastContainer() {
  const due = useWhenSettled();
  return due ? (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  ) : null;
}
