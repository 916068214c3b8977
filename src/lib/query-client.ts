import { QueryClient } from '@tanstack/react-query';
import { isRetryableError, RateLimitedError, type ApiError } from '../api/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
  }
}

const MAX_READ_RETRIES = 3;

/** Exponential back-off with full jitter, honouring Retry-After when m3ter sends it. */
export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof RateLimitedError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, 30_000);
  }
  const cap = Math.min(8_000, 500 * 2 ** attempt);
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

/**
 * Reads retry on network errors, 5xx and 429 only: a 400/403/404 will not get better by asking again.
 * Writes never retry by themselves (a retried POST could create a duplicate in the ERP).
 */
export function createQueryClient(options: { retryDelayMs?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => failureCount < MAX_READ_RETRIES && isRetryableError(error),
        retryDelay:
          options.retryDelayMs === undefined ? retryDelay : () => options.retryDelayMs ?? 0,
      },
      mutations: { retry: false },
    },
  });
}
