import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentVisibility } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  RUN_STATUS_GROUPS,
  statusGroupOf,
  type IntegrationRun,
  type RunStatusGroupId,
} from '../../api';
import { CopyButton } from '../../components/copy-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { RetryingNotice } from '../../components/retrying-notice';
import { STATUS_GROUP_COLORS, statusGroupLabel } from '../../components/status-badge';
import { downloadText } from '../../lib/download';
import type { RunScope } from '../../queries/runs';
import { parseEntityType } from './entity-ref';
import { runQueries } from '../../queries/runs';
import { rememberRecent } from './recent-entities';
import { chainInfoOfLoaded } from '../../queries/run-chains';
import { RunDetail } from './run-detail';
import { RunFilters } from './run-filters';
import { MAX_EXPORT_ROWS, runsToCsv } from './runs-csv';
import { RunsTable, shortId, type RunLinkHandlers, type RunRow } from './runs-table';
import {
  healRunsSearch,
  isCanonicalSearch,
  takeHealNotes,
  toRunFilters,
  RANGE_LABELS,
  type RunsSearch,
} from './search-schema';
import { formatInstant } from './time';
import { AnchorLink } from '../../components/router-links';
import { BusyButton } from '../../components/busy-button';

/** Bound for "Load all" and for an export: enough for the biggest demo Bill, small enough for a tab. */
export const MAX_LOADED_RUNS = MAX_EXPORT_ROWS;
export const AUTO_REFRESH_MS = 15_000;
/** Refreshing re-reads every loaded page; beyond this many runs that costs too many requests. */
export const AUTO_REFRESH_MAX_RUNS = 1_000;

export interface RunHistoryPageProps {
  scope: RunScope;
  search: RunsSearch;
  /** Writes the URL: a new history entry unless `replace`. */
  onSearchChange: (next: RunsSearch, options?: { replace?: boolean }) => void;
  /** The URL of this list with `run` set, for links that open a run beside it. */
  runHref: (runId: string) => string;
  /** False when the path is spelled differently (`bill/ABC…`): the page then rewrites the URL. */
  pathIsCanonical: boolean;
}

export function RunHistoryPage({
  scope,
  search,
  onSearchChange,
  runHref,
  pathIsCanonical,
}: RunHistoryPageProps) {
  const rawSearch = useLocation({
    select: (location) => location.search as Record<string, unknown>,
  });
  // What a pasted or old link lost, said once; the URL itself shows the healed form.
  // The raw location already holds the router's validated values for the known keys, so it only
  // still shows unknown parameters; what the known ones lost is in the report validation kept.
  const [healNotes, setHealNotes] = useState(() => [
    ...new Set([...takeHealNotes(search), ...healRunsSearch(rawSearch).notes]),
  ]);
  // The location is the whole app's: a link out of this page (to /configs?q=…) changes it while this
  // page is still mounted, and that search is not ours to heal.
  // Read from the location itself: route params change only once the next page has loaded.
  const pathname = useLocation({ select: (location) => location.pathname });
  const onOwnPath = isPathOf(scope, pathname);
  useEffect(() => {
    if (!onOwnPath) return;
    const healed = healRunsSearch(rawSearch);
    if (!pathIsCanonical || !isCanonicalSearch(rawSearch, healed.search)) {
      onSearchChange(healed.search, { replace: true });
    }
  }, [rawSearch, onSearchChange, pathIsCanonical, onOwnPath]);

  const scopeKey =
    scope.kind === 'entity' ? `${scope.entityType}/${scope.entityId}` : scope.destinationId;
  const destinations = useQuery({
    ...runQueries.destinations(),
    enabled: scope.kind === 'destination',
  });
  const destination =
    scope.kind === 'destination'
      ? destinations.data?.destinations.find((d) => d.destinationId === scope.destinationId)
      : undefined;
  useEffect(() => {
    if (scope.kind === 'entity') rememberRecent({ kind: scope.entityType, id: scope.entityId });
    else
      rememberRecent({
        kind: 'Destination',
        id: scope.destinationId,
        label: destination?.destination,
      });
    // scopeKey identifies the scope; the label only improves the entry once known.
  }, [scopeKey, destination?.destination]); // eslint-disable-line react-hooks/exhaustive-deps

  const filters = useMemo(() => toRunFilters(search), [search]);
  const [autoRefresh, setAutoRefresh] = useState(true);
  const visibility = useDocumentVisibility();

  const list = useInfiniteQuery({
    ...runQueries.list(scope, filters),
    refetchInterval: (query) => {
      if (!autoRefresh) return false;
      const pages = query.state.data?.pages ?? [];
      let count = 0;
      let inProgress = false;
      for (const page of pages) {
        count += page.runs.length;
        if (!inProgress)
          inProgress = page.runs.some((r) => statusGroupOf(r.status) === 'in-progress');
      }
      return inProgress && count <= AUTO_REFRESH_MAX_RUNS ? AUTO_REFRESH_MS : false;
    },
    // React Query pauses interval refetches while the tab is hidden; say so rather than pretend.
    refetchIntervalInBackground: false,
  });

  const runs = useMemo(
    () => dedupe((list.data?.pages ?? []).flatMap((page) => page.runs)),
    [list.data],
  );
  const rows = useMemo<RunRow[]>(() => {
    const chains = chainInfoOfLoaded(runs);
    return runs.map((run) => ({ run, chain: chains.get(run.id) }));
  }, [runs]);
  const summary = useMemo(() => summarise(runs), [runs]);
  const inProgressCount = summary.get('in-progress') ?? 0;

  const [bulk, setBulk] = useState<null | 'all' | 'export'>(null);
  const stopBulk = useRef(false);
  /**
   * Pulls pages until everything (up to MAX_LOADED_RUNS) is loaded, the user stops, or a page fails
   * (the failure shows with a retry under the list). Resolves with the runs loaded, or null.
   */
  const loadRemaining = async (): Promise<IntegrationRun[] | null> => {
    stopBulk.current = false;
    let hasNext = list.hasNextPage;
    let pages = list.data?.pages ?? [];
    let count = runs.length;
    while (hasNext && count < MAX_LOADED_RUNS) {
      if (stopBulk.current) return null;
      const next = await list.fetchNextPage({ cancelRefetch: false });
      if (next.isFetchNextPageError || !next.data) return null;
      hasNext = next.hasNextPage;
      pages = next.data.pages;
      count = pages.reduce((sum, page) => sum + page.runs.length, 0);
    }
    return dedupe(pages.flatMap((page) => page.runs));
  };

  const loadAll = async () => {
    setBulk('all');
    try {
      await loadRemaining();
    } finally {
      setBulk(null);
    }
  };

  const exportCsv = async () => {
    setBulk('export');
    try {
      const all = await loadRemaining();
      if (!all) return;
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
      const name =
        scope.kind === 'entity'
          ? `runs-${scope.entityType}-${scope.entityId}-${stamp}.csv`
          : `runs-destination-${scope.destinationId}-${stamp}.csv`;
      downloadText(name, runsToCsv(all), 'text/csv;charset=utf-8');
    } finally {
      setBulk(null);
    }
  };

  const links = useMemo<RunLinkHandlers>(
    () => ({ href: runHref, open: (runId) => onSearchChange({ ...search, run: runId }) }),
    [runHref, onSearchChange, search],
  );

  const title =
    scope.kind === 'entity' ? (
      <>
        Runs for {scope.entityType}{' '}
        <Text span ff="monospace" inherit>
          {scope.entityId}
        </Text>
      </>
    ) : (
      <>
        Runs sent to {destination ? destination.destination : 'destination'}{' '}
        <Text span ff="monospace" inherit>
          {scope.destinationId}
        </Text>
      </>
    );
  const scopeLabel =
    scope.kind === 'entity'
      ? `${scope.entityType} ${scope.entityId}`
      : `destination ${destination?.destination ?? ''} ${scope.destinationId}`;
  const tz = search.tz ?? 'utc';
  const filtered = filters.statuses.length > 0 || filters.range !== 'all';
  const truncatedAtBound = runs.length >= MAX_LOADED_RUNS && list.hasNextPage;
  const canLoadMore = list.hasNextPage && !truncatedAtBound;
  // When the last page arrives, "Load more" and "Load all" go away; if one of them had focus, the
  // browser drops it to <body>. Put it on the count of runs loaded, where those buttons were.
  const loadedStatus = useRef<HTMLParagraphElement>(null);
  const couldLoadMore = useRef(canLoadMore);
  useEffect(() => {
    const focusDropped = !document.activeElement || document.activeElement === document.body;
    if (couldLoadMore.current && !canLoadMore && focusDropped) loadedStatus.current?.focus();
    couldLoadMore.current = canLoadMore;
  }, [canLoadMore]);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/runs" size="sm">
          ← Find another Bill, Notification or destination
        </AnchorLink>
        <Group gap="xs" wrap="nowrap" align="center">
          <Title order={1} size="h3" style={{ wordBreak: 'break-all' }}>
            {title}
          </Title>
          <CopyButton
            value={scope.kind === 'entity' ? scope.entityId : scope.destinationId}
            label={
              scope.kind === 'entity'
                ? `Copy the ${scope.entityType} id`
                : 'Copy the destination id'
            }
          />
        </Group>
        {scope.kind === 'destination' && destination?.configNames.length ? (
          <Text size="sm" c="dimmed">
            Configs: {destination.configNames.join(', ')}
          </Text>
        ) : null}
      </Stack>

      {healNotes.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title="Parts of this link could not be used"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setHealNotes([])}
        >
          <Stack gap={2}>
            {healNotes.map((note) => (
              <Text key={note} size="sm">
                {note}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}

      <RunFilters
        search={search}
        onChange={(next) => onSearchChange({ ...next, run: undefined })}
      />

      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="wrap" aria-label="Loaded runs per status group" role="group">
          {/* Nothing loaded yet (or the load failed): no counts, rather than "Failed: 0". */}
          {(list.data
            ? (['in-progress', 'failed', 'stopped', 'succeeded', 'unknown'] as const)
            : []
          ).map((group) => {
            const count = summary.get(group) ?? 0;
            if (group === 'unknown' && count === 0) return null;
            return (
              <Badge
                key={group}
                color={STATUS_GROUP_COLORS[group]}
                variant="dot"
                size="lg"
                tt="none"
              >
                {statusGroupLabel(group)}: {count.toLocaleString('en')}
              </Badge>
            );
          })}
        </Group>
        <Group gap="xs" wrap="wrap">
          <RefreshControls
            autoRefresh={autoRefresh}
            onAutoRefreshChange={setAutoRefresh}
            inProgressCount={inProgressCount}
            loadedCount={runs.length}
            hidden={visibility === 'hidden'}
            updatedAt={list.dataUpdatedAt}
            fetching={list.isFetching && !list.isFetchingNextPage}
            onRefresh={() => void list.refetch()}
          />
          <BusyButton
            size="xs"
            variant="default"
            onClick={() => void exportCsv()}
            busy={bulk === 'export'}
            disabled={list.isPending || list.isError || runs.length === 0 || bulk === 'all'}
          >
            Export CSV
          </BusyButton>
        </Group>
      </Group>

      {list.isPending ? (
        <Stack gap="xs">
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">Loading runs…</Text>
          </Group>
          <RetryingNotice query={list} what="the runs" />
        </Stack>
      ) : list.isError && !list.data ? (
        <ErrorState
          error={list.error}
          title="Could not load the runs"
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : runs.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? 'No runs match these filters'
              : `No runs for this ${scope.kind === 'entity' ? scope.entityType : 'destination'} yet`
          }
          action={
            filtered ? (
              <Button
                variant="default"
                onClick={() => onSearchChange({ tz: search.tz, order: search.order })}
              >
                Clear the status and date filters
              </Button>
            ) : undefined
          }
        >
          {filtered
            ? `Showing ${describeFilters(search)}.`
            : 'm3ter has not tried to send it anywhere, or the runs are older than m3ter keeps.'}
        </EmptyState>
      ) : (
        <>
          {list.isRefetchError ? (
            <ErrorState
              error={list.error}
              title="Could not refresh the runs; showing what was loaded before"
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
            />
          ) : null}
          <RunsTable
            rows={rows}
            tz={tz}
            caption={`Integration runs for ${scopeLabel}, ${search.order === 'ASC' ? 'oldest' : 'newest'} first`}
            linkDestinations={scope.kind === 'entity'}
            selectedRunId={search.run}
            dimmed={list.isPlaceholderData}
            href={links.href}
            open={links.open}
          />
        </>
      )}

      {list.data && runs.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" role="status" aria-live="polite" ref={loadedStatus} tabIndex={-1}>
            {runs.length.toLocaleString('en')} {runs.length === 1 ? 'run' : 'runs'} loaded
            {list.hasNextPage ? '; more exist.' : '; that is all of them.'}
            {filtered ? ` Filtered to ${describeFilters(search)}.` : ''}
            {truncatedAtBound
              ? ` Stopped at ${MAX_LOADED_RUNS.toLocaleString('en')}: narrow the filters to see older runs.`
              : ''}
          </Text>
          {list.isFetchNextPageError ? (
            <ErrorState
              error={list.error}
              title="Could not load more runs"
              onRetry={() => void list.fetchNextPage()}
              retrying={list.isFetchingNextPage}
            />
          ) : null}
          {canLoadMore ? (
            <Group gap="xs">
              <BusyButton
                variant="default"
                onClick={() => void list.fetchNextPage()}
                busy={list.isFetchingNextPage && bulk === null}
                disabled={bulk !== null}
              >
                Load more
              </BusyButton>
              <BusyButton
                variant="default"
                onClick={() => void loadAll()}
                busy={bulk === 'all'}
                disabled={bulk === 'export'}
              >
                Load all (up to {MAX_LOADED_RUNS.toLocaleString('en')})
              </BusyButton>
              {bulk !== null ? (
                <Button variant="subtle" onClick={() => (stopBulk.current = true)}>
                  Stop loading
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}

      {/* Built from parts: Mantine's default drawer header is a <header>, which in the body-level
          portal would be a second banner landmark next to the app's. */}
      <Drawer.Root
        opened={!!search.run}
        onClose={() => onSearchChange({ ...search, run: undefined })}
        position="right"
        size="xl"
      >
        <Drawer.Overlay />
        <Drawer.Content>
          <Group
            justify="space-between"
            wrap="nowrap"
            p="md"
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 1,
              background: 'var(--mantine-color-body)',
            }}
          >
            <Drawer.Title fw={600}>
              {search.run ? `Run ${shortId(search.run)}` : 'Run'}
            </Drawer.Title>
            <Drawer.CloseButton aria-label="Close run details" />
          </Group>
          <Drawer.Body>
            {search.run ? (
              <RunDetail
                runId={search.run}
                tz={tz}
                variant="panel"
                href={links.href}
                open={links.open}
              />
            ) : null}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Stack>
  );
}

/** Whether `pathname` is this scope's history, in any spelling the routes accept (`bills/ABC…`). */
function isPathOf(scope: RunScope, pathname: string): boolean {
  const [, first, kind = '', id = '', ...rest] = pathname.replace(/\/+$/, '').split('/');
  if (first !== 'runs' || rest.length > 0) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(id).toLowerCase();
  } catch {
    return false;
  }
  return scope.kind === 'entity'
    ? parseEntityType(decodeURIComponent(kind)) === scope.entityType && decoded === scope.entityId
    : kind === 'destination' && decoded === scope.destinationId;
}

/** A run whose status changed between two pages can come back in another status stream: keep the first. */
function dedupe(runs: readonly IntegrationRun[]): IntegrationRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    if (seen.has(run.id)) return false;
    seen.add(run.id);
    return true;
  });
}

function summarise(runs: readonly IntegrationRun[]): Map<RunStatusGroupId | 'unknown', number> {
  const counts = new Map<RunStatusGroupId | 'unknown', number>();
  for (const run of runs) {
    const group = statusGroupOf(run.status);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}

function describeFilters(search: RunsSearch): string {
  const parts: string[] = [];
  if (search.status?.length) {
    const groups = RUN_STATUS_GROUPS.filter((g) =>
      g.statuses.every((s) => search.status?.includes(s)),
    );
    const inGroups = new Set(groups.flatMap((g) => g.statuses as readonly string[]));
    const loose = search.status.filter((s) => !inGroups.has(s));
    parts.push(`status ${[...groups.map((g) => g.label.toLowerCase()), ...loose].join(', ')}`);
  }
  const tz = search.tz ?? 'utc';
  if (search.range === 'custom') {
    const from = search.from ? `from ${formatInstant(search.from, tz)}` : '';
    const to = search.to ? `to ${formatInstant(search.to, tz)}` : '';
    parts.push(`started ${[from, to].filter(Boolean).join(' ')}`);
  } else if (search.range) {
    parts.push(`started in the ${RANGE_LABELS[search.range].toLowerCase()}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'all runs';
}

function RefreshControls({
  autoRefresh,
  onAutoRefreshChange,
  inProgressCount,
  loadedCount,
  hidden,
  updatedAt,
  fetching,
  onRefresh,
}: {
  autoRefresh: boolean;
  onAutoRefreshChange: (on: boolean) => void;
  inProgressCount: number;
  loadedCount: number;
  hidden: boolean;
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}) {
  let state: string;
  if (!autoRefresh) state = 'Off';
  else if (inProgressCount === 0) state = 'Idle: no run in progress';
  else if (loadedCount > AUTO_REFRESH_MAX_RUNS)
    state = `Paused: over ${AUTO_REFRESH_MAX_RUNS.toLocaleString('en')} runs loaded, use Refresh`;
  else if (hidden) state = 'Paused while this tab is hidden';
  else
    state = `Every ${AUTO_REFRESH_MS / 1000} s while ${inProgressCount} ${inProgressCount === 1 ? 'run is' : 'runs are'} in progress`;
  const updated = updatedAt ? new Date(updatedAt).toLocaleTimeString('en-GB') : '—';
  return (
    <Group gap="xs" wrap="nowrap">
      <Stack gap={0}>
        <Switch
          size="sm"
          checked={autoRefresh}
          onChange={(e) => onAutoRefreshChange(e.currentTarget.checked)}
          label="Auto-refresh"
        />
        {/* Beside the switch, not its description: Mantine's label wraps the description, which
            would make it part of the switch's name. */}
        <Text size="xs" c="dimmed">
          {state}
        </Text>
      </Stack>
      <BusyButton size="xs" variant="default" onClick={onRefresh} busy={fetching}>
        Refresh
      </BusyButton>
      <Text size="xs" c="dimmed">
        Updated {updated}
      </Text>
    </Group>
  );
}
