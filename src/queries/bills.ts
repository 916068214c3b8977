/**
 * Bills and their Accounts, for what a run history is about. Read-only; both change rarely while a
 * support engineer looks at a history, so they stay fresh for a few minutes.
 */
import { queryOptions } from '@tanstack/react-query';
import { accountsApi, billsApi } from '../api';

const FEW_MINUTES = 5 * 60_000;

export const billQueries = {
  all: () => ['bills'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...billQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => billsApi.get(id, { signal }),
      staleTime: FEW_MINUTES,
    }),
};

export const accountQueries = {
  all: () => ['accounts'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => accountsApi.get(id, { signal }),
      staleTime: FEW_MINUTES,
    }),
};
