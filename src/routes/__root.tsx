import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { ConsoleShell } from '../app/app-shell';
import { NotFoundPage } from '../app/not-found-page';
import { RouteError } from '../app/route-error';

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: ConsoleShell,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});
