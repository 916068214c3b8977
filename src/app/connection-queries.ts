import { queryOptions } from '@tanstack/react-query';
import { configsApi } from '../api';

export const connectionQueries = {
  /** The cheapest call that proves the proxy, the credentials and the organisation all work. */
  check: () =>
    queryOptions({
      queryKey: ['connection', 'check'] as const,
      queryFn: ({ signal }) => configsApi.list({ pageSize: 1 }, { signal }).then(() => true),
      staleTime: 5 * 60_000,
      retry: false,
    }),
};
