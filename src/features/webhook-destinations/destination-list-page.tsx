import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { WebhookDestination } from '../../api';
import { BusyButton } from '../../components/busy-button';
import { CopyButton } from '../../components/copy-button';
import { DataTable, dataTableColumnHelper, type SortingState } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import { QueryState } from '../../components/query-state';
import { SkippedRowsNotice } from '../../components/skipped-rows-notice';
import { RelativeTime } from '../../components/relative-time';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import type { HealNote } from '../../lib/link-healing';
import { configQueries } from '../../queries/configs';
import { webhookDestinationQueries } from '../../queries/webhook-destinations';
import { ActiveBadge } from './destination-detail-page';
import { urlHost } from '../../lib/labels';
import { destinationLabel } from './labels';
import { DESTINATION_STATES, filterDestinations, type DestinationListSearch } from './list-search';

export interface DestinationListPageProps {
  search: DestinationListSearch;
  onSearchChange: (next: DestinationListSearch, options?: { replace?: boolean }) => void;
  healNotes?: readonly HealNote[];
}

interface Row {
  destination: WebhookDestination;
  /** Configs sending here; undefined while the configs load or when they could not be. */
  configCount: number | undefined;
}

const helper = dataTableColumnHelper<Row>();

const columns = helper.columns([
  helper.accessor((r) => destinationLabel(r.destination), {
    id: 'name',
    header: 'Name',
    sortFn: 'text',
    cell: (info) => (
      <AnchorLink
        to="/destinations/webhooks/$id"
        params={{ id: info.row.original.destination.id }}
        tabIndex={-1}
        fw={500}
        size="sm"
      >
        {info.getValue()}
      </AnchorLink>
    ),
  }),
  helper.accessor((r) => r.destination.code ?? '', { id: 'code', header: 'Code', sortFn: 'text' }),
  helper.accessor((r) => urlHost(r.destination.url), {
    id: 'url',
    header: 'URL',
    sortFn: 'text',
    cell: (info) => {
      const url = info.row.original.destination.url;
      if (!url) return '—';
      return (
        <Group gap={2} wrap="nowrap">
          <Text span size="sm" title={url}>
            {info.getValue()}
          </Text>
          <CopyButton value={url} label={`Copy the URL ${url}`} />
        </Group>
      );
    },
  }),
  helper.accessor((r) => (r.destination.active === false ? 0 : 1), {
    id: 'active',
    header: 'Active',
    sortFn: 'basic',
    cell: (info) => <ActiveBadge active={info.row.original.destination.active} />,
  }),
  helper.accessor(
    (r) => (r.destination.dtLastModified ? Date.parse(r.destination.dtLastModified) : undefined),
    {
      id: 'dtLastModified',
      header: 'Last modified',
      sortFn: 'basic',
      meta: { nowrap: true },
      cell: (info) => <RelativeTime value={info.row.original.destination.dtLastModified} />,
    },
  ),
  helper.accessor('configCount', {
    id: 'configs',
    header: 'Configs sending here',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => info.getValue() ?? '…',
  }),
]);

const EMPTY: Row[] = [];
const NO_NOTES: readonly HealNote[] = [];

/** `/destinations/webhooks`: m3ter's webhook destinations, a page at a time, searchable from the URL. */
export function DestinationListPage({
  search,
  onSearchChange,
  healNotes = NO_NOTES,
}: DestinationListPageProps) {
  const navigate = useNavigate();
  const query = useInfiniteQuery(webhookDestinationQueries.pages());
  const configs = useQuery(configQueries.list());
  const [sorting, setSorting] = useState<SortingState>([]);

  const loaded = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const invalid = useMemo(
    () => query.data?.pages.flatMap((p) => p.invalid ?? []) ?? [],
    [query.data],
  );
  const rows = useMemo<Row[]>(() => {
    const counts = new Map<string, number>();
    for (const c of configs.data?.items ?? []) {
      const id = c.destinationId?.toLowerCase();
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return filterDestinations(loaded, search).map((destination) => ({
      destination,
      configCount: configs.data ? (counts.get(destination.id.toLowerCase()) ?? 0) : undefined,
    }));
  }, [loaded, search, configs.data]);

  const [text, setText] = useState(search.q ?? '');
  const [lastUrlQ, setLastUrlQ] = useState(search.q);
  if (search.q !== lastUrlQ) {
    setLastUrlQ(search.q);
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '');
  }
  const writeQ = useDebouncedCallback((value: string) => {
    onSearchChange(
      { ...search, q: value.trim() === '' ? undefined : value.trim() },
      { replace: true },
    );
  }, 300);
  const filtered = Boolean(search.q || search.state);
  const clearFilters = () => {
    setText('');
    onSearchChange({});
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Webhook destinations
          </Title>
          <Text size="sm" c="dimmed">
            Where Notification integrations send, signed by m3ter.
          </Text>
        </div>
        <ButtonLink to="/destinations/webhooks/new">New destination</ButtonLink>
      </Group>

      <HealedLinkNotice notes={healNotes} />

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter destinations">
        <TextInput
          label="Search"
          placeholder="Name, code, URL or id"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            writeQ(e.currentTarget.value);
          }}
          w={260}
        />
        <Select
          label="State"
          placeholder="Active and inactive"
          data={DESTINATION_STATES.map((s) => ({
            value: s,
            label: s === 'active' ? 'Active' : 'Inactive',
          }))}
          value={search.state ?? null}
          onChange={(value) =>
            onSearchChange({ ...search, state: DESTINATION_STATES.find((s) => s === value) })
          }
          clearable
          w={200}
        />
        {filtered ? (
          <Button variant="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </Group>

      <SkippedRowsNotice invalid={invalid} what="webhook destinations" />

      <QueryState
        query={query}
        what="the webhook destinations"
        errorTitle="Could not load webhook destinations"
        skeleton={
          <DataTable
            data={EMPTY}
            columns={columns}
            getRowId={(r) => r.destination.id}
            sorting={sorting}
            onSortingChange={setSorting}
            caption="Webhook destinations"
            loading
          />
        }
      >
        {() => (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {filtered
                ? `${rows.length} of ${loaded.length} loaded destinations match`
                : `${loaded.length} destination${loaded.length === 1 ? '' : 's'}${query.hasNextPage ? ' loaded so far' : ''}`}
            </Text>
            {configs.isError && !configs.data ? (
              <Group gap="xs">
                <Text size="sm">How many configs send to each could not be counted.</Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => void configs.refetch()}
                  loading={configs.isFetching}
                >
                  Retry
                </Button>
              </Group>
            ) : null}
            <DataTable
              data={rows}
              columns={columns}
              getRowId={(r) => r.destination.id}
              sorting={sorting}
              onSortingChange={setSorting}
              caption="Webhook destinations"
              onRowOpen={(r) =>
                void navigate({
                  to: '/destinations/webhooks/$id',
                  params: { id: r.destination.id },
                })
              }
              empty={
                filtered ? (
                  <EmptyState
                    title="No destination matches"
                    action={
                      <Button variant="default" onClick={clearFilters}>
                        Clear filters
                      </Button>
                    }
                  >
                    {query.hasNextPage
                      ? 'Nothing loaded so far matches. Load more, or clear the filters.'
                      : 'Nothing matches these filters. Clear them to see every destination.'}
                  </EmptyState>
                ) : (
                  <EmptyState
                    title="No webhook destinations yet"
                    action={
                      <ButtonLink to="/destinations/webhooks/new">New destination</ButtonLink>
                    }
                  >
                    A webhook destination is an HTTPS endpoint that m3ter sends Notifications to.
                  </EmptyState>
                )
              }
            />
            {query.isFetchNextPageError ? (
              <ErrorState error={query.error} title="Could not load more destinations" />
            ) : null}
            {query.hasNextPage ? (
              <Group>
                <BusyButton
                  variant="default"
                  busy={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {query.isFetchNextPageError ? 'Try loading more again' : 'Load more'}
                </BusyButton>
              </Group>
            ) : null}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
