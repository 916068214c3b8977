import { Skeleton, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { NotFoundError } from '../api/errors';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { RetryingNotice } from './retrying-notice';

/** The part of a React Query result this component reads (a query or an infinite query). */
interface QueryStateQuery<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  /** A refresh of data already shown failed (not a failed "load more" of an infinite list). */
  isRefetchError: boolean;
  isFetching: boolean;
  failureCount: number;
  failureReason: unknown;
  refetch: () => Promise<unknown>;
}

export interface QueryStateProps<T> {
  query: QueryStateQuery<T>;
  /** What is loaded, in words: "this configuration", "the runs". */
  what: string;
  /** The page's heading, kept above an error so the page still says where the user is. */
  heading?: string;
  /** The error's title when "Could not load {what}" reads badly (or depends on the error). */
  errorTitle?: string | ((error: unknown) => string);
  /** Shown instead of an error when m3ter answers 404: the entity is gone or the link is wrong. */
  notFound?: { title: string; body?: ReactNode; action?: ReactNode };
  /** Next to the error's Retry: a way out (back to the list). */
  errorAction?: ReactNode;
  /** The shape of the page while it loads (default: a heading and a block). */
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The one way a page shows a read: a skeleton while it loads (saying what went wrong while it is being
 * retried), "not found" for a 404, an error with Retry, and the data — which stays on screen when a
 * background refresh fails, under a note that says so. A 404 on a refresh means the entity is gone.
 */
export function QueryState<T>({
  query,
  what,
  heading,
  errorTitle,
  notFound,
  errorAction,
  skeleton,
  children,
}: QueryStateProps<T>) {
  const gone = query.error instanceof NotFoundError && notFound !== undefined;
  const retry = () => void query.refetch();

  if (query.data !== undefined && !gone) {
    return (
      <Stack gap="md">
        {query.isRefetchError ? (
          <ErrorState
            error={query.error}
            title={`Could not refresh ${what}; showing what was loaded before`}
            onRetry={retry}
            retrying={query.isFetching}
          />
        ) : null}
        {children(query.data)}
      </Stack>
    );
  }
  if (query.isPending) {
    return (
      <Stack gap="md">
        <RetryingNotice query={query} what={what} />
        <Stack gap="md" aria-busy="true" aria-label={`Loading ${what}`}>
          {skeleton ?? (
            <>
              <Skeleton height={32} width="40%" />
              <Skeleton height={200} />
            </>
          )}
        </Stack>
      </Stack>
    );
  }
  if (gone) {
    return (
      <EmptyState title={notFound.title} action={notFound.action}>
        {notFound.body}
      </EmptyState>
    );
  }
  return (
    <Stack>
      {heading ? (
        <Title order={1} size="h2">
          {heading}
        </Title>
      ) : null}
      <ErrorState
        error={query.error}
        title={
          typeof errorTitle === 'function'
            ? errorTitle(query.error)
            : (errorTitle ?? `Could not load ${what}`)
        }
        onRetry={retry}
        retrying={query.isFetching}
      />
      {errorAction}
    </Stack>
  );
}
