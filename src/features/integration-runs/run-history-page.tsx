import { Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { QueryState } from '../../components/query-state';
import { STATUS_GROUP_COLORS, statusGroupLabel } from '../../components/status-badge';
import type { RunScope } from '../../queries/runs';
import { runQueries } from '../../queries/runs';
import { configQueries } from '../../queries/configs';
import { rememberRecent } from './recent-entities';
import { chainInfoOfLoaded } from '../../queries/run-chains';
import { outcomeKey, outcomesOf, type OutcomeGrouping } from '../../queries/run-outcomes';
import { describeFilters } from './describe-filters';
import { countByStatusGroup, dedupeRuns, MAX_LOADED_RUNS } from './loaded-runs';
import { RefreshControls } from './refresh-controls';
import { RunFilters } from './run-filters';
import type { RunLinkHandlers } from './run-links';
import type { RunRow } from './runs-columns';
import { RunsTable } from './runs-table';
import { toRunFilters, type RunsSearch } from './search-schema';
import { useAutoRefresh } from './use-auto-refresh';
import { useBulkLoad } from './use-bulk-load';
import { AnchorLink } from '../../components/router-links';
import { BusyButton } from '../../components/busy-button';
import type { HealNote } from '../../lib/link-healing';
import { useAfterPaint } from '../../lib/deferred';
import { useFocusWhenLoadMoreGoes } from '../../lib/use-focus-when-load-more-goes';
import { formatCount } from '../../lib/count';

interface RunHistoryPageProps {
  scope: RunScope;
  search: RunsSearch;
  /** Writes the URL: a new history entry unless `replace`. */
  onSearchChange: (next: RunsSearch, options?: { replace?: boolean }) => void;
  /** The URL of this list with `run` set, for links that open a run beside it. */
  runHref: (runId: string) => string;
  /** What the link that opened this page lost, healed by the route (src/lib/link-healing.ts). */
  healNotes?: readonly HealNote[];
}

const NO_NOTES: readonly HealNote[] = [];

/** Shown only when the route healed the link (rare): its own chunk, Mantine's Alert with it. */
const HealedLinkNotice = lazy(() =>
  import('../../components/healed-link-notice').then((m) => ({ default: m.HealedLinkNotice })),
);

/** What the Bill is (its account, date, total): read beside the runs, drawn once they are painted. */
const BillSummary = lazy(() => import('./bill-summary').then((m) => ({ default: m.BillSummary })));
/** Failing now or resolved, per destination or Bill, and its filter: after the first rows too. */
const RunOutcomesPanel = lazy(() =>
  import('./run-outcomes-panel').then((m) => ({ default: m.RunOutcomesPanel })),
);

/** Only when m3ter sent runs the console could not read (rare): its own chunk. */
const SkippedRowsNotice = lazy(() =>
  import('../../components/skipped-rows-notice').then((m) => ({ default: m.SkippedRowsNotice })),
);
/** A webhook destination's name: its own chunk, with the webhook destinations' API module. */
const WebhookDestinationName = lazy(() =>
  import('./webhook-destination-name').then((m) => ({ default: m.WebhookDestinationName })),
);

const loadRunDrawer = () => import('./run-drawer');
/** The run beside the list (a drawer with the whole run): its own chunk, not needed for the rows. */
const RunDrawer = lazy(() => loadRunDrawer().then((m) => ({ default: m.RunDrawer })));

export function RunHistoryPage({
  scope,
  search,
  onSearchChange,
  runHref,
  healNotes = NO_NOTES,
}: RunHistoryPageProps) {
  const scopeKey =
    scope.kind === 'entity' ? `${scope.entityType}/${scope.entityId}` : scope.destinationId;
  const destinations = useQuery({
    ...configQueries.destinations(),
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

  // Mounted once a run is first opened (then kept, so closing animates); its code is fetched once the
  // first rows are painted, so that first open does not wait for it.
  const [drawerWanted, setDrawerWanted] = useState(!!search.run);
  if (search.run && !drawerWanted) setDrawerWanted(true);

  const filters = useMemo(() => toRunFilters(search), [search]);
  const autoRefresh = useAutoRefresh();

  const list = useInfiniteQuery({
    ...runQueries.list(scope, filters),
    refetchInterval: (query) => autoRefresh.interval(query.state.data?.pages),
    // React Query pauses interval refetches while the tab is hidden; say so rather than pretend.
    refetchIntervalInBackground: false,
  });

  // What the first rows do not need (the status picker, the drawer's code) comes once they are painted.
  const afterFirstRows = useAfterPaint(!list.isPending);
  // A webhook's own name (docs/m3ter-api.md §6.1): one small call, after the first rows.
  const showWebhookName =
    afterFirstRows &&
    destination !== undefined &&
    destination.destination.toLowerCase() === 'webhook';
  useEffect(() => {
    // A failed fetch here is tried again (and reported) when a run is opened.
    if (afterFirstRows) loadRunDrawer().catch(() => {});
  }, [afterFirstRows]);

  const runs = useMemo(
    () => dedupeRuns((list.data?.pages ?? []).flatMap((page) => page.runs)),
    [list.data],
  );
  const invalidRuns = useMemo(
    () => (list.data?.pages ?? []).flatMap((page) => page.invalid ?? []),
    [list.data],
  );
  // A Bill's history is judged per destination, a destination's per Bill (or Notification).
  const grouping: OutcomeGrouping = scope.kind === 'entity' ? 'destination' : 'entity';
  const outcomes = useMemo(() => outcomesOf(runs, grouping), [runs, grouping]);
  const outcome = search.outcome;
  const rows = useMemo<RunRow[]>(() => {
    const chains = chainInfoOfLoaded(runs);
    const shown = outcome
      ? runs.filter((run) => outcomes.get(outcomeKey(run, grouping))?.outcome === outcome)
      : runs;
    return shown.map((run) => ({ run, chain: chains.get(run.id) }));
  }, [runs, outcomes, outcome, grouping]);
  const summary = useMemo(() => countByStatusGroup(runs), [runs]);
  const inProgressCount = summary.get('in-progress') ?? 0;
  const bulk = useBulkLoad(list, scope);

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
        Runs sent to{' '}
        {showWebhookName ? (
          <Suspense fallback={destination.destination}>
            <WebhookDestinationName
              destinationId={scope.destinationId}
              system={destination.destination}
            />
          </Suspense>
        ) : (
          (destination?.destination ?? 'destination')
        )}{' '}
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
  // "Load more" and "Load all" go away with the last page: focus on them moves to the count.
  const loadedStatus = useFocusWhenLoadMoreGoes<HTMLParagraphElement>(canLoadMore);

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
        {scope.kind === 'entity' && scope.entityType === 'Bill' ? (
          // Its own line, so the header does not move when the Bill arrives.
          <div style={{ minHeight: 24 }}>
            {afterFirstRows ? (
              <Suspense fallback={null}>
                <BillSummary billId={scope.entityId} />
              </Suspense>
            ) : null}
          </div>
        ) : null}
        {scope.kind === 'destination' && destination?.configNames.length ? (
          <Text size="sm" c="dimmed">
            Configs: {destination.configNames.join(', ')}
          </Text>
        ) : null}
      </Stack>

      {healNotes.length > 0 ? (
        <Suspense fallback={null}>
          <HealedLinkNotice notes={healNotes} />
        </Suspense>
      ) : null}

      <RunFilters
        search={search}
        onChange={(next) => onSearchChange({ ...next, run: undefined })}
        pickerReady={afterFirstRows}
      />

      {afterFirstRows && runs.length > 0 ? (
        <Suspense fallback={null}>
          <RunOutcomesPanel
            groups={outcomes}
            grouping={grouping}
            value={outcome}
            onChange={(next) => onSearchChange({ ...search, outcome: next, run: undefined })}
            partial={list.hasNextPage}
          />
        </Suspense>
      ) : null}

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
                {statusGroupLabel(group)}: {formatCount(count)}
              </Badge>
            );
          })}
        </Group>
        <Group gap="xs" wrap="wrap">
          <RefreshControls
            autoRefresh={autoRefresh}
            inProgressCount={inProgressCount}
            loadedCount={runs.length}
            updatedAt={list.dataUpdatedAt}
            fetching={list.isFetching && !list.isFetchingNextPage}
            onRefresh={() => void list.refetch()}
          />
          <BusyButton
            size="xs"
            variant="default"
            onClick={() => void bulk.exportCsv()}
            busy={bulk.busy === 'export'}
            disabled={list.isPending || list.isError || runs.length === 0 || bulk.busy === 'all'}
          >
            Export CSV
          </BusyButton>
        </Group>
      </Group>

      {invalidRuns.length > 0 ? (
        <Suspense fallback={null}>
          <SkippedRowsNotice invalid={invalidRuns} what="runs" />
        </Suspense>
      ) : null}
      <QueryState
        query={list}
        what="the runs"
        skeleton={
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">Loading runs…</Text>
          </Group>
        }
      >
        {() =>
          runs.length > 0 && rows.length === 0 ? (
            <EmptyState
              title={
                outcome === 'failing'
                  ? `No ${grouping === 'destination' ? 'destination' : 'Bill or Notification'} is failing now`
                  : 'Nothing resolved after failing'
              }
              action={
                <Button
                  variant="default"
                  onClick={() => onSearchChange({ ...search, outcome: undefined })}
                >
                  Show every run
                </Button>
              }
            >
              {`Among the ${formatCount(runs.length)} loaded runs${list.hasNextPage ? '; older runs are not loaded yet' : ''}.`}
            </EmptyState>
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
          )
        }
      </QueryState>

      {list.data && runs.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" role="status" aria-live="polite" ref={loadedStatus} tabIndex={-1}>
            {formatCount(runs.length)} {runs.length === 1 ? 'run' : 'runs'} loaded
            {list.hasNextPage ? '; more exist.' : '; that is all of them.'}
            {filtered ? ` Filtered to ${describeFilters(search)}.` : ''}
            {outcome
              ? ` Showing the ${formatCount(rows.length)} of ${outcome === 'failing' ? 'those failing now' : 'those resolved after failing'}.`
              : ''}
            {truncatedAtBound
              ? ` Stopped at ${formatCount(MAX_LOADED_RUNS)}: narrow the filters to see older runs.`
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
          {bulk.exportError ? (
            <ErrorState
              error={bulk.exportError}
              title="Could not export the runs"
              onRetry={() => void bulk.exportCsv()}
              retrying={bulk.busy === 'export'}
            />
          ) : null}
          {canLoadMore ? (
            <Group gap="xs">
              <BusyButton
                variant="default"
                onClick={() => void list.fetchNextPage()}
                busy={list.isFetchingNextPage && bulk.busy === null}
                disabled={bulk.busy !== null}
              >
                Load more
              </BusyButton>
              <BusyButton
                variant="default"
                onClick={() => void bulk.loadAll()}
                busy={bulk.busy === 'all'}
                disabled={bulk.busy === 'export'}
              >
                Load all (up to {formatCount(MAX_LOADED_RUNS)})
              </BusyButton>
              {bulk.busy !== null ? (
                <Button variant="subtle" onClick={bulk.stop}>
                  Stop loading
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}

      {drawerWanted ? (
        <Suspense fallback={null}>
          <RunDrawer
            runId={search.run}
            tz={tz}
            onClose={() => onSearchChange({ ...search, run: undefined })}
            href={links.href}
            open={links.open}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}
