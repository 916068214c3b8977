import { Skeleton, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isNotFoundError } from '../api/describe-error';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { RetryingNotice } from './retrying-notice';

/** The part of a React Query result this component reads (a query or an infinite query). */
interface QueryStateQuery<T> {
  data: T | undefined;
  error: unknown;
  /** When the last error happened (ms), to tell a retried error from a later one. */
  errorUpdatedAt: number;
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
  /** Shown instead of an error when the platform answers 404: the entity is gone or the link is wrong. */
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
 *
 * Retry keeps the keyboard where it is: while the retry runs, the error stays with its Retry button
 * busy (the query itself goes back to "pending"), and when the data arrives focus moves to it.
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
  const gone = isNotFoundError(query.error) && notFound !== undefined;
  /** The error the user asked to retry, and when it happened (its query's `errorUpdatedAt`). */
  const [retried, setRetried] = useState<{ error: unknown; at: number } | null>(null);
  const focusAfterRetry = useRef(false);
  const content = useRef<HTMLDivElement>(null);
  const retry = () => {
    if (query.error !== null && query.data === undefined) {
      setRetried({ error: query.error, at: query.errorUpdatedAt });
      focusAfterRetry.current = true;
    }
    void query.refetch();
  };
  const hasData = query.data !== undefined && !gone;
  useEffect(() => {
    if (hasData && focusAfterRetry.current) {
      focusAfterRetry.current = false;
      content.current?.focus();
    }
  }, [hasData]);

  const headingNode = heading ? (
    <Title order={1} size="h2">
      {heading}
    </Title>
  ) : null;

  if (query.data !== undefined && !gone) {
    return (
      <Stack gap="md" ref={content} tabIndex={-1} style={{ outline: 'none' }}>
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
  // A retry the user asked for: the query is pending again, but the error (and its busy Retry) stays.
  const error =
    query.isPending && retried?.at === query.errorUpdatedAt ? retried.error : query.error;
  if (query.isPending && error === null) {
    return (
      <Stack gap="md">
        {headingNode}
        <RetryingNotice query={query} what={what} />
        <Stack gap="md" role="status" aria-busy="true" aria-label={`Loading ${what}`}>
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
      <Stack>
        {headingNode}
        <EmptyState title={notFound.title} action={notFound.action}>
          {notFound.body}
        </EmptyState>
      </Stack>
    );
  }
  return (
    <Stack>
      {headingNode}
      <ErrorState
        error={error}
        title={
          typeof errorTitle === 'function'
            ? errorTitle(error)
            : (errorTitle ?? `Could not load ${what}`)
        }
        onRetry={retry}
        retrying={query.isFetching}
      />
      {errorAction}
    </Stack>
  );
}
