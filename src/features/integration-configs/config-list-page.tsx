import { Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { IntegrationConfig } from '../../api';
import { actorLabel, shortId } from '../../lib/labels';
import { CopyButton } from '../../components/copy-button';
import { DataTable, dataTableColumnHelper, type SortingState } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { RelativeTime } from '../../components/relative-time';
import {
  CONFIG_SORT_COLUMNS,
  CONFIG_STATE_LABELS,
  CONFIG_STATES,
  filterConfigs,
  type ConfigListSearch,
} from './list-search';
import { READABLE_TEXT } from '../../components/readable';
import { configQueries } from '../../queries/configs';
import { Notice } from '../../components/notice';
import { QueryState } from '../../components/query-state';
import { SkippedRowsNotice } from '../../components/skipped-rows-notice';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import type { HealNote } from '../../lib/link-healing';
import {
  DestinationCell,
  useWebhookDestinationNames,
  WebhookNamesContext,
} from './webhook-destination';

export interface ConfigListPageProps {
  search: ConfigListSearch;
  /** Writes the URL; `replace` for typing in the search box (docs/architecture.md §7). */
  onSearchChange: (next: ConfigListSearch, options?: { replace?: boolean }) => void;
  /** What the link that opened this page lost, healed by the route (src/lib/link-healing.ts). */
  healNotes?: readonly HealNote[];
}

function IdCell({ id, what }: { id: string | undefined; what: string }) {
  if (!id) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={2} wrap="nowrap">
      <Text span size="sm" ff="monospace" title={id}>
        {shortId(id)}
      </Text>
      <CopyButton value={id} label={`Copy ${what} ${id}`} />
    </Group>
  );
}

function YesNo({ value, yes, no }: { value: boolean | undefined; yes: string; no: string }) {
  if (value === undefined) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Badge
      size="sm"
      variant="light"
      color={value ? 'teal' : 'red'}
      c={READABLE_TEXT}
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {value ? yes : no}
    </Badge>
  );
}

const helper = dataTableColumnHelper<IntegrationConfig>();

const columns = helper.columns([
  helper.accessor((c) => c.name ?? '', {
    id: 'name',
    header: 'Name',
    sortFn: 'text',
    cell: (info) => (
      // Not a tab stop: the row itself is (Enter opens it); the link serves middle-click and copy-link.
      <AnchorLink
        to="/configs/$id"
        params={{ id: info.row.original.id }}
        tabIndex={-1}
        fw={500}
        size="sm"
      >
        {info.getValue() || '(unnamed)'}
      </AnchorLink>
    ),
  }),
  helper.accessor('destination', {
    id: 'destination',
    header: 'Destination',
    sortFn: 'text',
    cell: (info) => (
      <DestinationCell
        destination={info.getValue()}
        destinationId={info.row.original.destinationId}
      />
    ),
  }),
  helper.accessor('entityType', { id: 'entityType', header: 'Entity type', sortFn: 'text' }),
  helper.accessor('entityId', {
    id: 'entityId',
    header: 'Entity id',
    sortFn: 'alphanumeric',
    cell: (info) => <IdCell id={info.getValue()} what="entity id" />,
  }),
  helper.accessor((c) => (c.enabled === undefined ? undefined : c.enabled ? 1 : 0), {
    id: 'enabled',
    header: 'Enabled',
    sortFn: 'basic',
    cell: (info) => <YesNo value={info.row.original.enabled} yes="Enabled" no="Disabled" />,
  }),
  helper.accessor((c) => (c.authorized === undefined ? undefined : c.authorized ? 1 : 0), {
    id: 'authorized',
    header: 'Authorized',
    sortFn: 'basic',
    cell: (info) => (
      <YesNo value={info.row.original.authorized} yes="Authorized" no="Not authorized" />
    ),
  }),
  helper.accessor('integrationCredentialsId', {
    id: 'integrationCredentialsId',
    header: 'Credentials id',
    sortFn: 'alphanumeric',
    cell: (info) => <IdCell id={info.getValue()} what="credentials id" />,
  }),
  helper.accessor((c) => (c.dtLastModified ? Date.parse(c.dtLastModified) : undefined), {
    id: 'dtLastModified',
    header: 'Last modified',
    sortFn: 'basic',
    meta: { nowrap: true },
    cell: (info) => <RelativeTime value={info.row.original.dtLastModified} />,
  }),
  helper.accessor('lastModifiedBy', {
    id: 'lastModifiedBy',
    header: 'Modified by',
    sortFn: 'text',
    cell: (info) => (
      <Text span size="sm" title={info.getValue()}>
        {actorLabel(info.getValue())}
      </Text>
    ),
  }),
  helper.accessor('version', {
    id: 'version',
    header: 'Version',
    sortFn: 'basic',
    meta: { align: 'end' },
  }),
]);

const EMPTY: IntegrationConfig[] = [];
const NO_NOTES: readonly HealNote[] = [];

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** `/configs`: every integration configuration, searchable, filterable and sortable from the URL. */
export function ConfigListPage({
  search,
  onSearchChange,
  healNotes = NO_NOTES,
}: ConfigListPageProps) {
  const navigate = useNavigate();
  const query = useQuery(configQueries.list());
  const all = query.data?.items ?? EMPTY;
  const shown = useMemo(() => filterConfigs(all, search), [all, search]);
  // After the configs: the names of the webhook destinations they send to, in one small call.
  const webhookNames = useWebhookDestinationNames(all);

  // The box shows what is typed at once; the URL follows after a pause, replacing history.
  const [text, setText] = useState(search.q ?? '');
  const [lastUrlQ, setLastUrlQ] = useState(search.q);
  if (search.q !== lastUrlQ) {
    // Back/forward or a pasted link changed the URL: the box follows it (not our own debounced write).
    setLastUrlQ(search.q);
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '');
  }
  const writeQ = useDebouncedCallback((value: string) => {
    onSearchChange(
      { ...search, q: value.trim() === '' ? undefined : value.trim() },
      { replace: true },
    );
  }, 300);

  const destinations = useMemo(
    () =>
      uniqueSorted([
        ...all.map((c) => c.destination),
        ...(search.destination ? [search.destination] : []),
      ]),
    [all, search.destination],
  );
  const entityTypes = useMemo(
    () =>
      uniqueSorted([
        ...all.map((c) => c.entityType),
        ...(search.entityType ? [search.entityType] : []),
      ]),
    [all, search.entityType],
  );

  const sorting: SortingState = search.sort
    ? [{ id: search.sort, desc: search.desc === true }]
    : [];
  const setSorting = (next: SortingState) => {
    const first = next[0];
    const column = CONFIG_SORT_COLUMNS.find((c) => c === first?.id);
    onSearchChange({
      ...search,
      sort: column,
      desc: column && first?.desc ? true : undefined,
    });
  };

  const filtered = Boolean(search.q || search.destination || search.entityType || search.state);
  const clearFilters = () => {
    setText('');
    onSearchChange({ sort: search.sort, desc: search.desc });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Integration configurations
          </Title>
          <Text size="sm" c="dimmed">
            Where Bills and Notifications are sent, and whether each integration is healthy.
          </Text>
        </div>
        <ButtonLink to="/configs/new">New configuration</ButtonLink>
      </Group>

      <HealedLinkNotice notes={healNotes} />

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter configurations">
        <TextInput
          label="Search"
          placeholder="Name or id"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            writeQ(e.currentTarget.value);
          }}
          w={260}
        />
        <Select
          label="Destination"
          placeholder="Any destination"
          data={destinations}
          value={search.destination ?? null}
          onChange={(value) => onSearchChange({ ...search, destination: value ?? undefined })}
          clearable
          w={200}
        />
        <Select
          label="Entity type"
          placeholder="Any entity type"
          data={entityTypes}
          value={search.entityType ?? null}
          onChange={(value) => onSearchChange({ ...search, entityType: value ?? undefined })}
          clearable
          w={180}
        />
        <Select
          label="State"
          placeholder="Any state"
          data={CONFIG_STATES.map((s) => ({ value: s, label: CONFIG_STATE_LABELS[s] }))}
          value={search.state ?? null}
          onChange={(value) =>
            onSearchChange({ ...search, state: CONFIG_STATES.find((s) => s === value) })
          }
          clearable
          w={180}
        />
        {filtered ? (
          <Button variant="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </Group>

      <SkippedRowsNotice invalid={query.data?.invalid} what="configurations" />
      <QueryState
        query={query}
        what="the configurations"
        errorTitle="Could not load integration configurations"
        skeleton={
          <DataTable
            data={EMPTY}
            columns={columns}
            getRowId={(c) => c.id}
            sorting={sorting}
            onSortingChange={setSorting}
            caption="Integration configurations"
            loading
          />
        }
      >
        {(list) => (
          <>
            {list.truncated ? (
              <Notice tone="warning" title="Not every configuration is shown">
                This organisation has more configurations than the console loads at once (
                {list.items.length}). Narrow the list with the filters.
              </Notice>
            ) : null}
            <Text size="sm" c="dimmed" aria-live="polite">
              {filtered
                ? `${shown.length} of ${all.length} configurations match`
                : `${all.length} configuration${all.length === 1 ? '' : 's'}`}
            </Text>
            <WebhookNamesContext value={webhookNames.data}>
              <DataTable
                data={shown}
                columns={columns}
                getRowId={(c) => c.id}
                sorting={sorting}
                onSortingChange={setSorting}
                caption="Integration configurations"
                onRowOpen={(c) => void navigate({ to: '/configs/$id', params: { id: c.id } })}
                empty={
                  filtered ? (
                    <EmptyState
                      title="No configuration matches"
                      action={
                        <Button variant="default" onClick={clearFilters}>
                          Clear filters
                        </Button>
                      }
                    >
                      Nothing matches these filters. Clear them to see every configuration.
                    </EmptyState>
                  ) : (
                    <EmptyState
                      title="No integration configurations yet"
                      action={<ButtonLink to="/configs/new">New configuration</ButtonLink>}
                    >
                      A configuration sends Bills or Notifications to an external system such as
                      Stripe, NetSuite or a webhook.
                    </EmptyState>
                  )
                }
              />
            </WebhookNamesContext>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
