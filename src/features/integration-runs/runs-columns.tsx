/**
 * The run history's columns and their cells. The cells read what they share (time zone, expanded
 * errors, link handlers) from RunsTableContext, so the column definitions stay module constants and
 * a memoised row re-renders only when its own data changes (see runs-table.tsx). Cells are plain
 * elements styled by runs-table.module.css (why: see there).
 */
import { Link } from '@tanstack/react-router';
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { createContext, useContext, type ReactNode } from 'react';
import type { IntegrationRun } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { SafeExternalLink } from '../../components/safe-external-link';
import { StatusBadge } from '../../components/status-badge';
import { formatDuration } from '../../lib/duration';
import type { LoadedChainInfo } from '../../queries/run-chains';
import { shortId } from '../../lib/labels';
import { isPlainClick, type RunLinkHandlers } from './run-links';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant, zoneLabel } from './time';
import classes from './runs-table.module.css';

export interface RunRow {
  run: IntegrationRun;
  chain: LoadedChainInfo | undefined;
}

export interface RunsTableContextValue extends RunLinkHandlers {
  tz: TimeZoneChoice;
  expandedErrors: ReadonlySet<string>;
  toggleError: (runId: string) => void;
  /** Whether to link destinations to their own history (not on a destination's page). */
  linkDestinations: boolean;
}

export const RunsTableContext = createContext<RunsTableContextValue | null>(null);

function useRunsTable(): RunsTableContextValue {
  const value = useContext(RunsTableContext);
  if (!value) throw new Error('RunsTable cells need RunsTableContext');
  return value;
}

function RunLink({
  runId,
  children,
  label,
}: {
  runId: string;
  children: ReactNode;
  label: string;
}) {
  const { href, open } = useRunsTable();
  return (
    <a
      href={href(runId)}
      className={`${classes.link} ${classes.mono}`}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        open(runId);
      }}
    >
      {children}
      <span className="visually-hidden">{label}</span>
    </a>
  );
}

function Instant({ value }: { value: string | undefined }) {
  const { tz } = useRunsTable();
  if (!value) {
    return <Nothing />;
  }
  return (
    <time dateTime={value} className={classes.nowrap}>
      {formatInstant(value, tz)}
    </time>
  );
}

/** An empty cell, said as a dash. */
function Nothing() {
  return <span className={classes.dimmed}>—</span>;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

function ErrorCell({ run }: { run: IntegrationRun }) {
  const { expandedErrors, toggleError } = useRunsTable();
  if (!run.error) {
    return <Nothing />;
  }
  const expanded = expandedErrors.has(run.id);
  const line = firstLine(run.error);
  // About what fits the collapsed cell; longer or multi-line errors can be expanded in place.
  const expandable = line !== run.error || line.length > 40;
  return (
    <div className={classes.line}>
      <div
        id={`run-error-${run.id}`}
        className={`${classes.mono} ${expanded ? classes.wrap : classes.clip}`}
      >
        {expanded ? run.error : line}
      </div>
      {expandable ? (
        <button
          type="button"
          className={classes.more}
          aria-expanded={expanded}
          aria-controls={`run-error-${run.id}`}
          aria-label={`${expanded ? 'Less' : 'More'} of the error of run ${shortId(run.id)}`}
          onClick={() => toggleError(run.id)}
        >
          {expanded ? 'Less' : 'More'}
        </button>
      ) : null}
    </div>
  );
}

function DestinationCell({ run }: { run: IntegrationRun }) {
  const { linkDestinations } = useRunsTable();
  if (!linkDestinations || !run.destinationId) {
    return <span>{run.destination}</span>;
  }
  return (
    <Link
      to="/runs/destination/$destinationId"
      params={{ destinationId: run.destinationId }}
      preload="intent"
      className={classes.link}
    >
      {run.destination}
      <span className="visually-hidden"> (all runs to this destination)</span>
    </Link>
  );
}

function ChainCell({ chain, run }: { chain: LoadedChainInfo | undefined; run: IntegrationRun }) {
  if (!chain || (chain.size === 1 && chain.complete)) {
    return <Nothing />;
  }
  const atLeast = chain.complete ? '' : '≥ ';
  const text = `${atLeast}${chain.attempt} of ${atLeast}${chain.size}`;
  const explanation = chain.complete
    ? `Attempt ${chain.attempt} of a chain of ${chain.size} loaded runs`
    : `At least attempt ${chain.attempt}: an earlier run of this chain is not loaded`;
  return (
    <span
      className={classes.nowrap}
      title={explanation}
      aria-label={`${text}. ${explanation} (run ${shortId(run.id)})`}
    >
      {text}
    </span>
  );
}

/**
 * Fixed column widths (with `table-layout: fixed`): columns do not jump as different rows scroll into
 * a virtualized view, and the browser lays out rows without measuring every cell.
 */
export const COLUMN_WIDTHS: Record<string, number> = {
  run: 104,
  status: 180,
  started: 168,
  destination: 124,
  error: 340,
  duration: 96,
  completed: 168,
  externalId: 220,
  link: 160,
  parent: 104,
  chain: 112,
};
export const TABLE_WIDTH = Object.values(COLUMN_WIDTHS).reduce((sum, w) => sum + w, 0);

export const runTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof runTableFeatures, RunRow>();

export const runColumns = helper.columns([
  helper.display({
    id: 'run',
    header: 'Run',
    cell: ({ row }) => (
      <RunLink runId={row.original.run.id} label={`, open run ${row.original.run.id}`}>
        {shortId(row.original.run.id)}
      </RunLink>
    ),
  }),
  helper.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <StatusBadge status={row.original.run.status} />,
  }),
  helper.display({
    id: 'started',
    header: () => <TimeHeader label="Started" />,
    cell: ({ row }) => <Instant value={row.original.run.dtStarted} />,
  }),
  helper.display({
    id: 'destination',
    header: 'Destination',
    cell: ({ row }) => <DestinationCell run={row.original.run} />,
  }),
  helper.display({
    id: 'error',
    header: 'Error',
    cell: ({ row }) => <ErrorCell run={row.original.run} />,
  }),
  helper.display({
    id: 'duration',
    header: 'Duration',
    cell: ({ row }) => (
      <span className={classes.nowrap}>
        {formatDuration(row.original.run.dtStarted, row.original.run.dtCompleted) ?? '—'}
      </span>
    ),
  }),
  helper.display({
    id: 'completed',
    header: () => <TimeHeader label="Completed" />,
    cell: ({ row }) => <Instant value={row.original.run.dtCompleted} />,
  }),
  helper.display({
    id: 'externalId',
    header: 'External id',
    cell: ({ row }) => {
      const { externalId } = row.original.run;
      if (!externalId) {
        return <Nothing />;
      }
      return (
        <div className={classes.line}>
          <span className={`${classes.mono} ${classes.clip}`} title={externalId}>
            {externalId}
          </span>
          <CopyButton value={externalId} label={`Copy external id ${externalId}`} />
        </div>
      );
    },
  }),
  helper.display({
    id: 'link',
    header: 'External link',
    cell: ({ row }) =>
      row.original.run.url ? (
        <SafeExternalLink href={row.original.run.url}>
          Open in {row.original.run.destination}
        </SafeExternalLink>
      ) : (
        <Nothing />
      ),
  }),
  helper.display({
    id: 'parent',
    header: 'Parent run',
    cell: ({ row }) => {
      const parentId = row.original.run.parentIntegrationRunId;
      return parentId ? (
        <RunLink runId={parentId} label={`, open parent run ${parentId}`}>
          {shortId(parentId)}
        </RunLink>
      ) : (
        <Nothing />
      );
    },
  }),
  helper.display({
    id: 'chain',
    header: () => <span title="Counted over the runs loaded in this list">Retry chain*</span>,
    cell: ({ row }) => <ChainCell chain={row.original.chain} run={row.original.run} />,
  }),
]);

function TimeHeader({ label }: { label: string }) {
  const { tz } = useRunsTable();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {label} ({zoneLabel(tz)})
    </span>
  );
}
