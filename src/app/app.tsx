import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { DemoControlsContext, type DemoControls } from './demo-context';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

// The toast container is only needed once something is shown; it loads just after start.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

interface AppProps {
  queryClient: QueryClient;
  demo: DemoControls | null;
}

export function App({ queryClient, demo }: AppProps) {
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <DemoControlsContext.Provider value={demo}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DemoControlsContext.Provider>
    </MantineProvider>
  );
}
