import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { DemoControlsContext, type DemoControls } from '../app/demo-context';
import { createAppRouter } from '../app/router';
import { theme } from '../app/theme';
import { createQueryClient } from '../lib/query-client';

export interface RenderAppResult extends RenderResult {
  user: UserEvent;
  router: ReturnType<typeof createAppRouter>;
  queryClient: QueryClient;
}

/**
 * Renders the whole console at `url` with real providers, a fresh QueryClient (retries without
 * waiting) and the real router over memory history; requests go to the MSW fake m3ter.
 */
export async function renderApp(
  url: string,
  options: { demo?: DemoControls | null } = {},
): Promise<RenderAppResult> {
  const queryClient = createQueryClient({ retryDelayMs: 0 });
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [url] }));
  const user = userEvent.setup();
  const result = render(
    <MantineProvider theme={theme}>
      <Notifications />
      <DemoControlsContext.Provider value={options.demo ?? null}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DemoControlsContext.Provider>
    </MantineProvider>,
  );
  await router.load();
  return { ...result, user, router, queryClient };
}

export { screen };
