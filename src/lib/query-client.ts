import { QueryClient } from '@tanstack/react-query';
import { isRetryableError, NetworkError, retryAfterMsOf, type ApiError } from '../api/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
  }
}

const MAX_READ_RETRIES = 3;
/**
 * A read that timed out has already made the user wait the full timeout: one more try, then the error
 * with its Retry button, rather than about two minutes of waiting behind three more timeouts.
 */
const MAX_TIMED_OUT_READ_RETRIES = 1;

/** Whether React Query should try a failed read again (`failureCount` attempts have failed). */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (!isRetryableError(error)) return false;
  const limit =
    error instanceof NetworkError && error.timedOut ? MAX_TIMED_OUT_READ_RETRIES : MAX_READ_RETRIES;
  return failureCount < limit;
}

/** Exponential back-off with full jitter, honouring Retry-After when the platform sends it. */
export function retryDelay(attempt: number, error: unknown): number {
  const retryAfterMs = retryAfterMsOf(error);
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 30_000);
  const cap = Math.min(8_000, 500 * 2 ** attempt);
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

/**
 * Reads retry on network errors, 5xx and 429 only (timeouts once): a 400/403/404 will not get better by
 * asking again.
 * Writes never retry by themselves (a retried POST could create a duplicate in the ERP).
 */
export function createQueryClient(options: { retryDelayMs?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        retry: shouldRetryRead,
        retryDelay:
          options.retryDelayMs === undefined ? retryDelay : () => options.retryDelayMs ?? 0,
      },
      mutations: { retry: false },
    },
  });
}
