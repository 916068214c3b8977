import { Anchor, Box, Button, Group, Table, Text } from '@mantine/core';
import {
  createColumnHelper,
  tableFeatures,
  useTable,
  type Cell,
  type Row,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  createContext,
  memo,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { IntegrationRun } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { SafeExternalLink } from '../../components/safe-external-link';
import { StatusBadge } from '../../components/status-badge';
import { formatDuration } from '../../lib/dates';
import type { LoadedChainInfo } from '../../queries/run-chains';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant, zoneLabel } from './time';
import { AnchorLink } from '../../components/router-links';

/**
 * Above this many rows only the visible ones (about 15, plus overscan) are rendered. A row of Mantine
 * cells costs several ms to render, so a first page of 200 runs rendered in full kept the table empty
 * for over a second; 50 rows still render at once in a small list (a Bill with a few dozen runs).
 */
export const VIRTUALIZE_ABOVE = 50;
/** The height of a run row with its error collapsed (one line of text). */
const ROW_HEIGHT = 41;

export interface RunRow {
  run: IntegrationRun;
  chain: LoadedChainInfo | undefined;
}

export interface RunLinkHandlers {
  /** The URL that opens the run beside this list (for new-tab clicks and copying). */
  href: (runId: string) => string;
  /** Opens the run beside the list, keeping the list's URL state. */
  open: (runId: string) => void;
}

interface TableContextValue extends RunLinkHandlers {
  tz: TimeZoneChoice;
  expandedErrors: ReadonlySet<string>;
  toggleError: (runId: string) => void;
  /** Whether to link destinations to their own history (not on a destination's page). */
  linkDestinations: boolean;
}

const RunsTableContext = createContext<TableContextValue | null>(null);

function useRunsTable(): TableContextValue {
  const value = useContext(RunsTableContext);
  if (!value) throw new Error('RunsTable cells need RunsTableContext');
  return value;
}

export const shortId = (id: string) => id.slice(0, 8);

/** A plain left click opens in place; modified clicks keep the browser's new-tab behaviour. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
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
    <Anchor
      href={href(runId)}
      size="sm"
      ff="monospace"
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        open(runId);
      }}
    >
      {children}
      <span className="visually-hidden">{label}</span>
    </Anchor>
  );
}

function Instant({ value }: { value: string | undefined }) {
  const { tz } = useRunsTable();
  if (!value) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
      <time dateTime={value}>{formatInstant(value, tz)}</time>
    </Text>
  );
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

function ErrorCell({ run }: { run: IntegrationRun }) {
  const { expandedErrors, toggleError } = useRunsTable();
  if (!run.error) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const expanded = expandedErrors.has(run.id);
  const line = firstLine(run.error);
  // About what fits the collapsed cell; longer or multi-line errors can be expanded in place.
  const expandable = line !== run.error || line.length > 40;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text
        size="sm"
        ff="monospace"
        id={`run-error-${run.id}`}
        style={
          expanded
            ? { whiteSpace: 'pre-wrap', wordBreak: 'break-word', minWidth: 0, flex: 1 }
            : {
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                minWidth: 0,
                flex: 1,
              }
        }
      >
        {expanded ? run.error : line}
      </Text>
      {expandable ? (
        <Button
          variant="subtle"
          size="compact-xs"
          aria-expanded={expanded}
          aria-controls={`run-error-${run.id}`}
          aria-label={`${expanded ? 'Less' : 'More'} of the error of run ${shortId(run.id)}`}
          onClick={() => toggleError(run.id)}
        >
          {expanded ? 'Less' : 'More'}
        </Button>
      ) : null}
    </Group>
  );
}

function DestinationCell({ run }: { run: IntegrationRun }) {
  const { linkDestinations } = useRunsTable();
  if (!linkDestinations || !run.destinationId) {
    return <Text size="sm">{run.destination}</Text>;
  }
  return (
    <AnchorLink
      to="/runs/destination/$destinationId"
      params={{ destinationId: run.destinationId }}
      size="sm"
    >
      {run.destination}
      <span className="visually-hidden"> (all runs to this destination)</span>
    </AnchorLink>
  );
}

function ChainCell({ chain, run }: { chain: LoadedChainInfo | undefined; run: IntegrationRun }) {
  if (!chain || (chain.size === 1 && chain.complete)) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const atLeast = chain.complete ? '' : '≥ ';
  const text = `${atLeast}${chain.attempt} of ${atLeast}${chain.size}`;
  const explanation = chain.complete
    ? `Attempt ${chain.attempt} of a chain of ${chain.size} loaded runs`
    : `At least attempt ${chain.attempt}: an earlier run of this chain is not loaded`;
  return (
    <Text
      span
      size="sm"
      style={{ whiteSpace: 'nowrap' }}
      title={explanation}
      aria-label={`${text}. ${explanation} (run ${shortId(run.id)})`}
    >
      {text}
    </Text>
  );
}

/**
 * Fixed column widths (with `table-layout: fixed`): columns do not jump as different rows scroll into
 * a virtualized view, and the browser lays out rows without measuring every cell.
 */
const COLUMN_WIDTHS: Record<string, number> = {
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
const TABLE_WIDTH = Object.values(COLUMN_WIDTHS).reduce((sum, w) => sum + w, 0);

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RunRow>();

const columns = helper.columns([
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
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDuration(row.original.run.dtStarted, row.original.run.dtCompleted) ?? '—'}
      </Text>
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
        return (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        );
      }
      return (
        <Group gap={2} wrap="nowrap">
          <Text
            span
            size="sm"
            ff="monospace"
            title={externalId}
            style={{
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              minWidth: 0,
            }}
          >
            {externalId}
          </Text>
          <CopyButton value={externalId} label={`Copy external id ${externalId}`} />
        </Group>
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
        <Text span size="sm" c="dimmed">
          —
        </Text>
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
        <Text span size="sm" c="dimmed">
          —
        </Text>
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

type CellRendererType = (props: { cell: Cell<typeof features, RunRow, unknown> }) => ReactNode;

interface RunTableRowProps {
  row: Row<typeof features, RunRow>;
  index: number;
  virtualized: boolean;
  measure: (node: HTMLTableRowElement | null) => void;
  selected: boolean;
  expanded: boolean;
  CellRenderer: CellRendererType;
}

/**
 * One row, memoised: while scrolling a long list only the rows entering the view render, not every
 * visible row on every frame. Cells still update through RunsTableContext (time zone, expanded errors).
 */
const RunTableRow = memo(function RunTableRow({
  row,
  index,
  virtualized,
  measure,
  selected,
  expanded,
  CellRenderer,
}: RunTableRowProps) {
  return (
    <Table.Tr
      data-index={index}
      // Rows are one line high (ROW_HEIGHT); only a row with an expanded error is measured. Measuring
      // every row makes the virtualizer recompute all positions per row, which stutters at 5,000 rows.
      ref={virtualized && expanded ? measure : undefined}
      aria-rowindex={virtualized ? index + 2 : undefined}
      aria-current={selected ? true : undefined}
      style={{
        height: ROW_HEIGHT,
        // A bar and a neutral tint: a blue tint would take link text below AA contrast.
        ...(selected
          ? {
              background: 'var(--mantine-color-default-hover)',
              boxShadow: 'inset 4px 0 0 var(--mantine-color-blue-6)',
            }
          : {}),
      }}
    >
      {row.getAllCells().map((cell) => (
        <Table.Td key={cell.id} style={{ verticalAlign: 'top' }}>
          <CellRenderer cell={cell} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
});

interface RunsTableProps extends RunLinkHandlers {
  rows: readonly RunRow[];
  tz: TimeZoneChoice;
  caption: string;
  linkDestinations: boolean;
  /** Highlights the run open beside the list. */
  selectedRunId?: string;
  dimmed?: boolean;
}

/**
 * The runs as a real table (header, rows, cells for assistive technology). Above VIRTUALIZE_ABOVE rows
 * only the rows in view are in the DOM, with spacer rows keeping the scroll height, and every row
 * carries aria-rowindex so screen readers still know where they are.
 */
export function RunsTable({
  rows,
  tz,
  caption,
  linkDestinations,
  selectedRunId,
  dimmed,
  href,
  open,
}: RunsTableProps) {
  const [expandedErrors, setExpandedErrors] = useState<ReadonlySet<string>>(() => new Set());
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.run.id,
  });
  const tableRows = table.getRowModel().rows;
  const virtualize = tableRows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement,
    estimateSize,
    // Stable between renders: a new function would make the virtualizer re-measure every row.
    getItemKey,
    overscan: 12,
    enabled: virtualize,
  });

  const context = useMemo<TableContextValue>(
    () => ({
      tz,
      href,
      open,
      linkDestinations,
      expandedErrors,
      toggleError: (runId) =>
        setExpandedErrors((prev) => {
          const next = new Set(prev);
          if (next.has(runId)) next.delete(runId);
          else next.add(runId);
          return next;
        }),
    }),
    [tz, href, open, linkDestinations, expandedErrors],
  );

  const renderRow = (row: Row<typeof features, RunRow>, index: number) => (
    <RunTableRow
      key={row.id}
      row={row}
      index={index}
      virtualized={virtualize}
      measure={virtualizer.measureElement}
      selected={row.id === selectedRunId}
      expanded={expandedErrors.has(row.id)}
      CellRenderer={table.FlexRender}
    />
  );

  const items = virtualize ? virtualizer.getVirtualItems() : [];
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const columnCount = columns.length;

  return (
    <RunsTableContext.Provider value={context}>
      <Box
        ref={scrollRef}
        // A keyboard user can focus the region and scroll it with the arrow keys.
        tabIndex={0}
        role="region"
        aria-label={`${caption} (scrollable)`}
        data-testid="runs-scroll"
        style={{
          // The containing block of the cells' visually hidden link texts (position: absolute):
          // without it they escape this scroll box and make the whole page scroll sideways.
          position: 'relative',
          maxHeight: 'max(420px, calc(100vh - 320px))',
          overflow: 'auto',
          opacity: dimmed ? 0.6 : 1,
          transition: 'opacity 150ms',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <Table
          stickyHeader
          highlightOnHover
          verticalSpacing={6}
          horizontalSpacing="sm"
          aria-rowcount={virtualize ? tableRows.length + 1 : undefined}
          style={{ tableLayout: 'fixed', width: TABLE_WIDTH }}
        >
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id} aria-rowindex={virtualize ? 1 : undefined}>
                {group.headers.map((header) => (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    style={{ whiteSpace: 'nowrap', width: COLUMN_WIDTHS[header.column.id] }}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {virtualize ? (
              <>
                {paddingTop > 0 ? (
                  <tr aria-hidden="true">
                    <td
                      colSpan={columnCount}
                      style={{ height: paddingTop, padding: 0, border: 0 }}
                    />
                  </tr>
                ) : null}
                {items.map((item) => {
                  const row = tableRows[item.index];
                  return row ? renderRow(row, item.index) : null;
                })}
                {paddingBottom > 0 ? (
                  <tr aria-hidden="true">
                    <td
                      colSpan={columnCount}
                      style={{ height: paddingBottom, padding: 0, border: 0 }}
                    />
                  </tr>
                ) : null}
              </>
            ) : (
              tableRows.map((row, index) => renderRow(row, index))
            )}
          </Table.Tbody>
        </Table>
      </Box>
    </RunsTableContext.Provider>
  );
}
