import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { M3terEvent } from '../../api';
import { BusyButton } from '../../components/busy-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import { QueryState } from '../../components/query-state';
import { SkippedRowsNotice } from '../../components/skipped-rows-notice';
import type { HealNote } from '../../lib/link-healing';
import { useFocusWhenLoadMoreGoes } from '../../lib/use-focus-when-load-more-goes';
import { accountQueries } from '../../queries/bills';
import { configQueries } from '../../queries/configs';
import { eventQueries } from '../../queries/events';
import { EventFilters } from './event-filters';
import { EventsTable } from './events-table';
import { formatCount } from '../../lib/count';
import {
  describeEventFilters,
  isFiltered,
  toEventFilters,
  type EventsSearch,
} from './search-schema';

interface EventsPageProps {
  search: EventsSearch;
  /** Writes the URL: a new history entry unless `replace`. */
  onSearchChange: (next: EventsSearch, options?: { replace?: boolean }) => void;
  /** What the link that opened this page lost, healed by the route (src/lib/link-healing.ts). */
  healNotes?: readonly HealNote[];
}

const NO_NOTES: readonly HealNote[] = [];

/** Pages can overlap when m3ter's newest-first list gains events between two reads. */
function dedupe(events: readonly M3terEvent[]): M3terEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => (seen.has(event.id) ? false : (seen.add(event.id), true)));
}

/** `/events`: m3ter's integration error events, newest first, each with what to do about it. */
export function EventsPage({ search, onSearchChange, healNotes = NO_NOTES }: EventsPageProps) {
  const filters = useMemo(() => toEventFilters(search), [search]);
  const list = useInfiniteQuery(eventQueries.list(filters));
  const configs = useQuery(configQueries.list());
  // Shares the filter's look-up (same key): only to name the account in the sentences below.
  const account = useQuery({
    ...accountQueries.detail(search.accountId ?? ''),
    enabled: search.accountId !== undefined,
  });
  const accountName = search.accountId ? account.data?.name : undefined;

  const events = useMemo(
    () => dedupe((list.data?.pages ?? []).flatMap((page) => page.events)),
    [list.data],
  );
  const invalid = useMemo(
    () => (list.data?.pages ?? []).flatMap((page) => page.invalid ?? []),
    [list.data],
  );
  const described = describeEventFilters(search, accountName);
  const filtered = isFiltered(search);

  const loadedStatus = useFocusWhenLoadMoreGoes<HTMLParagraphElement>(list.hasNextPage);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Integration events</Title>
        <Text c="dimmed">
          m3ter records every integration failure as an event: a run that failed validation or
          sending, an Account without a mapping, a connection that lost its credentials, an
          integration that was disabled. Start from what is failing now.
        </Text>
      </div>

      <HealedLinkNotice notes={healNotes} />

      <EventFilters search={search} onSearchChange={onSearchChange} healNotes={healNotes} />

      <QueryState
        query={list}
        what="the integration events"
        skeleton={
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">Loading events…</Text>
          </Group>
        }
      >
        {() => (
          <>
            <SkippedRowsNotice invalid={invalid} what="events" />
            {events.length === 0 ? (
              <EmptyState
                title={
                  filtered
                    ? 'No integration errors match these filters'
                    : search.includeActioned
                      ? 'No integration errors recorded'
                      : 'No integration errors waiting for action'
                }
                action={
                  filtered || search.includeActioned ? (
                    <Button variant="default" onClick={() => onSearchChange({})}>
                      Clear the filters
                    </Button>
                  ) : undefined
                }
              >
                Showing integration errors {described}.
                {search.includeActioned ? '' : ' Include actioned events to see those dealt with.'}
              </EmptyState>
            ) : (
              <EventsTable
                events={events}
                configs={configs.data?.items}
                caption={`Integration error events ${described}, newest first`}
                dimmed={list.isPlaceholderData}
              />
            )}
          </>
        )}
      </QueryState>

      {list.data && events.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" role="status" aria-live="polite" ref={loadedStatus} tabIndex={-1}>
            {formatCount(events.length)} {events.length === 1 ? 'event' : 'events'} loaded
            {list.hasNextPage ? '; more exist.' : '; that is all of them.'}
          </Text>
          {list.isFetchNextPageError ? (
            <ErrorState
              error={list.error}
              title="Could not load more events"
              onRetry={() => void list.fetchNextPage()}
              retrying={list.isFetchingNextPage}
            />
          ) : null}
          {list.hasNextPage ? (
            <Group>
              <BusyButton
                variant="default"
                onClick={() => void list.fetchNextPage()}
                busy={list.isFetchingNextPage}
              >
                Load more
              </BusyButton>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
