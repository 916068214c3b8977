import {
  elementScroll,
  observeElementRect,
  useVirtualizer,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { RunLinkHandlers } from './run-links';
import {
  COLUMN_WIDTHS,
  RunsTableContext,
  TABLE_WIDTH,
  runColumns,
  type RunRow,
  type RunsTableContextValue,
} from './runs-columns';
import type { TimeZoneChoice } from './search-schema';
import classes from './runs-table.module.css';

/**
 * Above this many rows only the visible ones (about 15, plus overscan) are rendered: a first page of
 * 200 runs rendered in full kept the table empty for over a second; 50 rows still render at once in a
 * small list (a Bill with a few dozen runs).
 */
const VIRTUALIZE_ABOVE = 50;
/** The height of a run row with its error collapsed (one line of text). */
const ROW_HEIGHT = 41;
/** The scroll box's CSS max height, for the first render's range (before any measurement). */
const SCROLL_BOX_MAX_HEIGHT = 'max(420px, calc(100vh - 320px))';
const scrollBoxMaxHeight = () => Math.max(420, window.innerHeight - 320);

type RectObserver = VirtualizerOptions<HTMLDivElement, HTMLTableRowElement>['observeElementRect'];
type ScrollWriter = VirtualizerOptions<HTMLDivElement, HTMLTableRowElement>['scrollToFn'];

/**
 * The scroll box's size from its ResizeObserver alone. The virtualizer's own observer also reads the
 * box's size at once, in the effect after the first render, which forces the browser to lay out the
 * whole new page right there (30–46 ms measured on the run history's first load) before the rows can
 * be painted; a ResizeObserver reports after the browser's own layout, at no extra cost. Until it
 * does, the range comes from `initialRect`.
 */
const observeScrollBoxSize: RectObserver = (instance, cb) => {
  const element = instance.scrollElement;
  const ResizeObserverImpl = instance.targetWindow?.ResizeObserver;
  if (!element || !ResizeObserverImpl) return observeElementRect(instance, cb);
  const observer = new ResizeObserverImpl(([entry]) => {
    // The box has no padding: its content box is its client area (what the default reads).
    if (entry) {
      cb({
        width: Math.round(entry.contentRect.width),
        height: Math.round(entry.contentRect.height),
      });
    }
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
};

interface RunTableRowProps {
  row: RunRow;
  index: number;
  virtualized: boolean;
  measure: (node: HTMLTableRowElement | null) => void;
  selected: boolean;
  expanded: boolean;
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
}: RunTableRowProps) {
  return (
    <tr
      data-index={index}
      className={classes.row}
      // Rows are one line high (ROW_HEIGHT); only a row with an expanded error is measured. Measuring
      // every row makes the virtualizer recompute all positions per row, which stutters at 5,000 rows.
      ref={virtualized && expanded ? measure : undefined}
      aria-rowindex={virtualized ? index + 2 : undefined}
      aria-current={selected ? true : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      {runColumns.map((column) => (
        <td key={column.id} className={classes.cell}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
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
  const virtualize = rows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.run.id ?? index, [rows]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // When the virtualizer takes hold of the box it scrolls it to where it starts (the top). A box
  // virtualized from its first render is already there, and Element.scrollTo forces the browser to
  // lay out the whole new page inside React's commit, before the rows reach the screen (17–39 ms in
  // CPU profiles of the run history's first load). So that one write is skipped; a box that was
  // scrolled before it was virtualized (a list that grew past VIRTUALIZE_ABOVE) still gets it.
  const atTopUnscrolled = useRef(virtualize);
  const scrollToFn = useCallback<ScrollWriter>((offset, options, instance) => {
    const skip = atTopUnscrolled.current && offset + (options.adjustments ?? 0) === 0;
    atTopUnscrolled.current = false;
    if (!skip) elementScroll(offset, options, instance);
  }, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    // Stable between renders: a new function would make the virtualizer re-measure every row.
    getItemKey,
    overscan: 12,
    enabled: virtualize,
    initialRect: { width: 0, height: scrollBoxMaxHeight() },
    observeElementRect: observeScrollBoxSize,
    scrollToFn,
  });

  const context = useMemo<RunsTableContextValue>(
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

  const renderRow = (row: RunRow, index: number) => (
    <RunTableRow
      key={row.run.id}
      row={row}
      index={index}
      virtualized={virtualize}
      measure={virtualizer.measureElement}
      selected={row.run.id === selectedRunId}
      expanded={expandedErrors.has(row.run.id)}
    />
  );

  const items = virtualize ? virtualizer.getVirtualItems() : [];
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const columnCount = runColumns.length;

  return (
    <RunsTableContext.Provider value={context}>
      <div
        ref={scrollRef}
        // A keyboard user can focus the region and scroll it with the arrow keys (a scrollable region
        // must be focusable: axe's scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label={`${caption} (scrollable)`}
        data-testid="runs-scroll"
        style={{
          // The containing block of the cells' visually hidden link texts (position: absolute):
          // without it they escape this scroll box and make the whole page scroll sideways.
          position: 'relative',
          maxHeight: SCROLL_BOX_MAX_HEIGHT,
          overflow: 'auto',
          opacity: dimmed ? 0.6 : 1,
          transition: 'opacity 150ms',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <table
          className={classes.table}
          aria-rowcount={virtualize ? rows.length + 1 : undefined}
          style={{ width: TABLE_WIDTH }}
        >
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr aria-rowindex={virtualize ? 1 : undefined}>
              {runColumns.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  className={classes.th}
                  style={{ width: COLUMN_WIDTHS[column.id] }}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
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
                  const row = rows[item.index];
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
              rows.map((row, index) => renderRow(row, index))
            )}
          </tbody>
        </table>
      </div>
    </RunsTableContext.Provider>
  );
}
