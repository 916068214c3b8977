import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import {
  SOLVIMON_INTEGRATION_STATUSES,
  SOLVIMON_INTEGRATION_TYPES,
  type SolvimonIntegration,
} from '../../api/solvimon';
import { DataTable, dataTableColumnHelper, type SortingState } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import { Notice } from '../../components/notice';
import { QueryState } from '../../components/query-state';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import type { HealNote } from '../../lib/link-healing';
import { solvimonQueries, type SolvimonIntegrationList } from '../../queries/solvimon-integrations';
import {
  solvimonIntegrationLabel,
  solvimonKindLabel,
  solvimonStatusLabel,
  solvimonStatusOf,
  solvimonTypeLabel,
} from './labels';
import { SolvimonListPager } from './list-pager';
import {
  filterSolvimonIntegrations,
  isFilteredSolvimonSearch,
  pageSizeOf,
  SOLVIMON_DEFAULT_PAGE_SIZE,
  SOLVIMON_SORT_COLUMNS,
  solvimonOrderOf,
  type SolvimonListSearch,
  type SolvimonPageSize,
} from './list-search';
import { SolvimonStatusCell } from './status';

export interface SolvimonListPageProps {
  search: SolvimonListSearch;
  /** Writes the URL; `replace` for typing in the search box (docs/architecture.md §7). */
  onSearchChange: (next: SolvimonListSearch, options?: { replace?: boolean }) => void;
  /** What the link that opened this page lost, healed by the route (src/lib/link-healing.ts). */
  healNotes?: readonly HealNote[];
}

const helper = dataTableColumnHelper<SolvimonIntegration>();

// Solvimon orders the rows (order_by, order_direction): the table never reorders them itself.
const columns = helper.columns([
  helper.accessor((i) => i.name ?? '', {
    id: 'name',
    header: 'Name',
    cell: (info) => (
      // Not a tab stop: the row itself is (Enter opens it); the link serves middle-click and copy-link.
      <AnchorLink
        to="/solvimon/integrations/$id"
        params={{ id: info.row.original.id }}
        tabIndex={-1}
        fw={500}
        size="sm"
      >
        {solvimonIntegrationLabel(info.row.original)}
      </AnchorLink>
    ),
  }),
  helper.accessor('reference', {
    id: 'reference',
    header: 'Reference',
    cell: (info) => (
      <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {info.getValue()}
      </Text>
    ),
  }),
  helper.accessor((i) => solvimonKindLabel(i), { id: 'type', header: 'Type' }),
  helper.accessor((i) => solvimonStatusOf(i), {
    id: 'status',
    header: 'Status',
    cell: (info) => <SolvimonStatusCell integration={info.row.original} />,
  }),
]);

const EMPTY: SolvimonIntegration[] = [];
const NO_NOTES: readonly HealNote[] = [];
const CAPTION = 'Solvimon integrations';
const WHAT = 'the Solvimon integrations';
const ERROR_TITLE = 'Could not load Solvimon integrations';

interface TableProps {
  rows: readonly SolvimonIntegration[];
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  loading?: boolean;
  empty?: ReactNode;
}

function IntegrationsTable({ rows, sorting, onSortingChange, loading, empty }: TableProps) {
  const navigate = useNavigate();
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(i) => i.id}
      sorting={sorting}
      onSortingChange={onSortingChange}
      manualSorting
      caption={CAPTION}
      loading={loading}
      onRowOpen={(i) => void navigate({ to: '/solvimon/integrations/$id', params: { id: i.id } })}
      empty={empty}
    />
  );
}

/** A link to a page past the last one: say so, and offer the last page there is. */
function PastTheLastPage({
  page,
  lastPage,
  onGo,
}: {
  page: number;
  lastPage: number;
  onGo: (page: number) => void;
}) {
  return (
    <EmptyState
      title={`There is no page ${page}`}
      action={
        <Button variant="default" onClick={() => onGo(lastPage)}>
          {lastPage > 1 ? `Go to page ${lastPage}, the last` : 'Go to the first page'}
        </Button>
      }
    >
      The list has {lastPage === 1 ? 'one page' : `${lastPage} pages`}: it may have become shorter
      since the link was made.
    </EmptyState>
  );
}

interface ResultsProps {
  search: SolvimonListSearch;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: SolvimonPageSize) => void;
  clearFilters: () => void;
}

/** No filter: Solvimon's own pages, "Page N of M" from `total_number_of_pages`. */
function PagedResults({
  search,
  sorting,
  onSortingChange,
  onPageChange,
  onPageSizeChange,
}: ResultsProps) {
  const table = { sorting, onSortingChange };
  const page = search.page ?? 1;
  const pageSize = pageSizeOf(search);
  const query = useQuery(
    solvimonQueries.page({ page, limit: pageSize, ...solvimonOrderOf(search) }),
  );
  return (
    <QueryState
      query={query}
      what={WHAT}
      errorTitle={ERROR_TITLE}
      skeleton={<IntegrationsTable rows={EMPTY} loading {...table} />}
    >
      {(answer) => {
        const totalPages = answer.total_number_of_pages ?? undefined;
        if (answer.data.length === 0 && page > 1 && !query.isPlaceholderData) {
          return <PastTheLastPage page={page} lastPage={totalPages ?? 1} onGo={onPageChange} />;
        }
        const hasNext =
          answer.links?.next != null ||
          (totalPages !== undefined ? page < totalPages : answer.data.length === pageSize);
        return (
          <>
            <IntegrationsTable
              rows={answer.data}
              {...table}
              empty={
                <EmptyState
                  title="No Solvimon integrations yet"
                  action={<ButtonLink to="/solvimon/integrations/new">New integration</ButtonLink>}
                >
                  An integration connects Solvimon to a payment gateway, an e-invoicing network, a
                  tax engine, a data warehouse or an email provider.
                </EmptyState>
              }
            />
            {answer.data.length > 0 || page > 1 ? (
              <SolvimonListPager
                page={page}
                totalPages={totalPages}
                hasNext={hasNext}
                loading={query.isPlaceholderData}
                pageSize={pageSize}
                onPageChange={onPageChange}
                onPageSizeChange={onPageSizeChange}
              />
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}

/** The filtered list: every integration in Solvimon's order, filtered and paged here. */
function FilteredList({
  list,
  loading,
  search,
  sorting,
  onSortingChange,
  onPageChange,
  onPageSizeChange,
  clearFilters,
}: ResultsProps & { list: SolvimonIntegrationList; loading: boolean }) {
  const table = { sorting, onSortingChange };
  const matches = useMemo(() => filterSolvimonIntegrations(list.items, search), [list, search]);
  const page = search.page ?? 1;
  const pageSize = pageSizeOf(search);
  const totalPages = Math.max(1, Math.ceil(matches.length / pageSize));
  const rows = useMemo(
    () => matches.slice((page - 1) * pageSize, page * pageSize),
    [matches, page, pageSize],
  );
  const total = list.items.length;
  return (
    <>
      {list.truncated ? (
        <Notice tone="warning" title="Not every integration is searched">
          This platform has more integrations than the console reads at once ({total}). Matches
          among the rest are not shown.
        </Notice>
      ) : null}
      <Text size="sm" c="dimmed" aria-live="polite">
        {matches.length === 1
          ? `1 of ${total} integrations matches`
          : `${matches.length} of ${total} integrations match`}
      </Text>
      {rows.length === 0 && matches.length > 0 ? (
        <PastTheLastPage page={page} lastPage={totalPages} onGo={onPageChange} />
      ) : (
        <IntegrationsTable
          rows={rows}
          {...table}
          empty={
            <EmptyState
              title="No integration matches"
              action={
                <Button variant="default" onClick={clearFilters}>
                  Clear filters
                </Button>
              }
            >
              Nothing matches these filters. Clear them to see every integration.
            </EmptyState>
          }
        />
      )}
      {matches.length > 0 ? (
        <SolvimonListPager
          page={page}
          totalPages={totalPages}
          hasNext={page < totalPages}
          loading={loading}
          pageSize={pageSize}
          onPageChange={onPageChange}
          onPageSizeChange={onPageSizeChange}
        />
      ) : null}
    </>
  );
}

function FilteredResults(props: ResultsProps) {
  const query = useQuery(solvimonQueries.everything(solvimonOrderOf(props.search)));
  return (
    <QueryState
      query={query}
      what={WHAT}
      errorTitle={ERROR_TITLE}
      skeleton={
        <IntegrationsTable
          rows={EMPTY}
          loading
          sorting={props.sorting}
          onSortingChange={props.onSortingChange}
        />
      }
    >
      {(list) => <FilteredList list={list} loading={query.isPlaceholderData} {...props} />}
    </QueryState>
  );
}

/** The known values and any other the data or the URL holds, known ones first, for a filter. */
function options(
  known: readonly string[],
  seen: Iterable<string>,
  current: string | undefined,
  label: (value: string) => string,
): Array<{ value: string; label: string }> {
  const extra = [...new Set([...seen, ...(current ? [current] : [])])]
    .filter((v) => !known.includes(v))
    .sort();
  return [...known, ...extra].map((value) => ({ value, label: label(value) }));
}

/** `/solvimon/integrations`: every Solvimon integration, searchable, filterable, sortable, paged. */
export function SolvimonListPage({
  search,
  onSearchChange,
  healNotes = NO_NOTES,
}: SolvimonListPageProps) {
  const filtered = isFilteredSolvimonSearch(search);
  // The whole list, when it is cached (after a filter), also offers the types and statuses it holds.
  const cached = useQuery({
    ...solvimonQueries.everything(solvimonOrderOf(search)),
    enabled: false,
  });
  const seen = cached.data?.items ?? EMPTY;

  // The box shows what is typed at once; the URL follows after a pause, replacing history.
  const [text, setText] = useState(search.q ?? '');
  const [lastUrlQ, setLastUrlQ] = useState(search.q);
  if (search.q !== lastUrlQ) {
    // Back/forward or a pasted link changed the URL: the box follows it (not our own debounced write).
    setLastUrlQ(search.q);
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '');
  }
  const writeQ = useDebouncedCallback((value: string) => {
    const q = value.trim() === '' ? undefined : value.trim();
    if (q === search.q) return;
    onSearchChange({ ...search, q, page: undefined }, { replace: true });
  }, 300);

  /** A filter change starts again at the first page. */
  const setFilter = (next: Partial<SolvimonListSearch>) =>
    onSearchChange({ ...search, ...next, page: undefined });

  const sorting: SortingState = search.sort
    ? [{ id: search.sort, desc: search.desc === true }]
    : [];
  const setSorting = (next: SortingState) => {
    const first = next[0];
    const column = SOLVIMON_SORT_COLUMNS.find((c) => c === first?.id);
    onSearchChange({
      ...search,
      sort: column,
      desc: column && first?.desc ? true : undefined,
      page: undefined,
    });
  };

  const clearFilters = () => {
    setText('');
    onSearchChange({ sort: search.sort, desc: search.desc, pageSize: search.pageSize });
  };

  const results: ResultsProps = {
    search,
    sorting,
    onSortingChange: setSorting,
    onPageChange: (page) => onSearchChange({ ...search, page: page > 1 ? page : undefined }),
    onPageSizeChange: (size) =>
      onSearchChange({
        ...search,
        pageSize: size === SOLVIMON_DEFAULT_PAGE_SIZE ? undefined : size,
        page: undefined,
      }),
    clearFilters,
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Solvimon integrations
          </Title>
          <Text size="sm" c="dimmed">
            Payment gateways, e-invoicing, tax calculation, data exports and email providers
            connected to Solvimon, and whether each one is in use.
          </Text>
        </div>
        <ButtonLink to="/solvimon/integrations/new">New integration</ButtonLink>
      </Group>

      <HealedLinkNotice notes={healNotes} />

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter integrations">
        <TextInput
          label="Search"
          placeholder="Name or reference"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            writeQ(e.currentTarget.value);
          }}
          w={260}
        />
        <Select
          label="Type"
          placeholder="Any type"
          data={options(
            SOLVIMON_INTEGRATION_TYPES,
            seen.map((i) => i.type),
            search.type,
            solvimonTypeLabel,
          )}
          value={search.type ?? null}
          onChange={(value) => setFilter({ type: value ?? undefined })}
          clearable
          w={200}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={options(
            SOLVIMON_INTEGRATION_STATUSES,
            seen.map(solvimonStatusOf),
            search.status,
            solvimonStatusLabel,
          )}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: value ?? undefined })}
          clearable
          w={180}
        />
        {filtered ? (
          <Button variant="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </Group>

      {filtered ? <FilteredResults {...results} /> : <PagedResults {...results} />}
    </Stack>
  );
}
