import { Text } from '@mantine/core';
import { NetworkError } from '../api';
import { describeError } from '../api/describe-error';
import { Notice } from './notice';

interface RetryingNoticeProps {
  /** The read's state: `failureCount` attempts have failed so far, the last with `failureReason`. */
  query: { isPending: boolean; failureCount: number; failureReason: unknown };
  /** What is being loaded, e.g. "the configurations". */
  what: string;
}

/**
 * While a first load is being retried (reads back off on 5xx, 429, timeouts and network errors), says
 * what went wrong so far instead of leaving a bare skeleton or spinner while the attempts run.
 */
export function RetryingNotice({ query, what }: RetryingNoticeProps) {
  if (!query.isPending || query.failureCount === 0) return null;
  const { failureReason } = query;
  const reason =
    failureReason instanceof NetworkError && failureReason.timedOut
      ? 'm3ter did not answer in time'
      : describeError(failureReason).title;
  return (
    <Notice tone="warning" role="status" title={`Still trying to load ${what}`}>
      <Text size="sm">
        {reason}. Trying again automatically (attempt {query.failureCount + 1}).
      </Text>
    </Notice>
  );
}
