/**
 * The run history's columns and their cells. The cells read what they share (time zone, expanded
 * errors, link handlers) from RunsTableContext, so the column definitions stay module constants and
 * a memoised row re-renders only when its own data changes (see runs-table.tsx). Cells are plain
 * elements styled by runs-table.module.css (why: see there).
 */
import { Link } from '@tanstack/react-router';
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
import { formatInstant, zoneLabel } from '../../lib/time';
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

/**
 * One column: its header and how a row fills its cell. A plain list, not a TanStack Table: the table
 * neither sorts, filters nor hides columns, and TanStack Table's core (about 7 kB gzip) was on the
 * run history's first screen for nothing but turning these definitions into rows of cells.
 */
export interface RunColumn {
  id: string;
  header: ReactNode;
  /** Called as a function, once per row and column: it must not call hooks (its elements may). */
  cell: (row: RunRow) => ReactNode;
}

export const runColumns: readonly RunColumn[] = [
  {
    id: 'run',
    header: 'Run',
    cell: (row) => (
      <RunLink runId={row.run.id} label={`, open run ${row.run.id}`}>
        {shortId(row.run.id)}
      </RunLink>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: (row) => <StatusBadge status={row.run.status} />,
  },
  {
    id: 'started',
    header: <TimeHeader label="Started" />,
    cell: (row) => <Instant value={row.run.dtStarted} />,
  },
  {
    id: 'destination',
    header: 'Destination',
    cell: (row) => <DestinationCell run={row.run} />,
  },
  {
    id: 'error',
    header: 'Error',
    cell: (row) => <ErrorCell run={row.run} />,
  },
  {
    id: 'duration',
    header: 'Duration',
    cell: (row) => (
      <span className={classes.nowrap}>
        {formatDuration(row.run.dtStarted, row.run.dtCompleted) ?? '—'}
      </span>
    ),
  },
  {
    id: 'completed',
    header: <TimeHeader label="Completed" />,
    cell: (row) => <Instant value={row.run.dtCompleted} />,
  },
  {
    id: 'externalId',
    header: 'External id',
    cell: (row) => {
      const { externalId } = row.run;
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
  },
  {
    id: 'link',
    header: 'External link',
    cell: (row) =>
      row.run.url ? (
        <SafeExternalLink href={row.run.url}>Open in {row.run.destination}</SafeExternalLink>
      ) : (
        <Nothing />
      ),
  },
  {
    id: 'parent',
    header: 'Parent run',
    cell: (row) => {
      const parentId = row.run.parentIntegrationRunId;
      return parentId ? (
        <RunLink runId={parentId} label={`, open parent run ${parentId}`}>
          {shortId(parentId)}
        </RunLink>
      ) : (
        <Nothing />
      );
    },
  },
  {
    id: 'chain',
    header: <span title="Counted over the runs loaded in this list">Retry chain*</span>,
    cell: (row) => <ChainCell chain={row.chain} run={row.run} />,
  },
];

function TimeHeader({ label }: { label: string }) {
  const { tz } = useRunsTable();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {label} ({zoneLabel(tz)})
    </span>
  );
}
