import { Skeleton, Table, UnstyledButton } from '@mantine/core';
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnHelper,
  type RowData,
  type SortingState,
  type TableOptions,
  type Updater,
} from '@tanstack/react-table';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import './data-table.css';

/** Per-column presentation hints. */
interface DataTableColumnMeta {
  /** Right-align numbers. */
  align?: 'start' | 'end';
  /** Keep the cell on one line. */
  nowrap?: boolean;
}

/**
 * The one feature set every DataTable uses: client-side sorting (the lists it serves are loaded
 * whole, bounded, before they are shown), or the server's order with `manualSorting`. Columns must be built with `createDataTableColumns`'s
 * helper so their types match.
 */
const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    datetime: sortFn_datetime,
    basic: sortFn_basic,
  },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
type DataTableColumns<T extends RowData> = TableOptions<DataTableFeatures, T>['columns'];
export type { SortingState };

/** The typed column helper for rows of `T`: `const h = dataTableColumnHelper<Config>()`. */
export function dataTableColumnHelper<T extends RowData>(): ColumnHelper<DataTableFeatures, T> {
  return createColumnHelper<DataTableFeatures, T>();
}

export interface DataTableProps<T extends RowData> {
  /** Rows; keep the array stable between renders (a query's data, or a memo). */
  data: readonly T[];
  /** Columns from `dataTableColumnHelper<T>().columns([...])`, defined once (module scope or memo). */
  columns: DataTableColumns<T>;
  getRowId: (row: T) => string;
  /** Sorting, controlled by the caller (usually the URL). Empty = the order of `data`. */
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  /**
   * The rows arrive in the order to show (the server sorted them): the headers still show and change
   * `sorting`, but the table does not reorder the rows itself.
   */
  manualSorting?: boolean;
  /** What the table lists, read by screen readers as its caption: "Integration configurations". */
  caption: string;
  /**
   * Opens a row: on click anywhere in the row (except on its own buttons and links), and on Enter or
   * Space while the row has keyboard focus. Rows are only focusable when this is given.
   */
  onRowOpen?: (row: T) => void;
  /** Skeleton rows instead of data. */
  loading?: boolean;
  /** Shown in the body when there are no rows (and not loading). */
  empty?: ReactNode;
}

const SKELETON_ROWS = 6;

/** Keys of interactive elements whose own clicks must not also open the row. */
const INTERACTIVE = 'a, button, input, select, textarea, [role="button"], [role="menuitem"]';

/**
 * A small sortable table over TanStack Table v9 and Mantine's Table. Header buttons sort (with
 * `aria-sort` on the header cell); rows open by mouse and by keyboard (Tab to a row, Enter).
 */
export function DataTable<T extends RowData>({
  data,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  manualSorting = false,
  caption,
  onRowOpen,
  loading = false,
  empty,
}: DataTableProps<T>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    manualSorting,
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    defaultColumn: { sortUndefined: 'last' },
  });

  const leafCount = table.getAllLeafColumns().length;
  const rows = table.getRowModel().rows;

  const open = (event: MouseEvent<HTMLTableRowElement>, row: T) => {
    if (!onRowOpen) return;
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    // A text selection drag is not a click on the row.
    if (window.getSelection()?.toString()) return;
    onRowOpen(row);
  };
  const openByKey = (event: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (!onRowOpen || event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onRowOpen(row);
    }
  };

  return (
    // Native scrolling: the scrollbar shows when a column does not fit (1280 px and less), and
    // tabbing to a header or row scrolls it into view (Mantine's ScrollArea did neither).
    <Table.ScrollContainer minWidth={720} type="native">
      <Table
        highlightOnHover={Boolean(onRowOpen)}
        verticalSpacing="xs"
        aria-busy={loading || undefined}
        captionSide="top"
      >
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta;
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    style={{
                      textAlign: meta?.align === 'end' ? 'right' : undefined,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        fw={600}
                        fz="sm"
                        style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" style={{ opacity: sorted ? 1 : 0.35 }}>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </UnstyledButton>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            Array.from({ length: SKELETON_ROWS }, (_, i) => (
              <Table.Tr key={`skeleton-${i}`}>
                {Array.from({ length: leafCount }, (_, j) => (
                  <Table.Td key={j}>
                    <Skeleton height={14} radius="sm" />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          ) : rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={leafCount}>{empty}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row) => (
              <Table.Tr
                key={row.id}
                tabIndex={onRowOpen ? 0 : undefined}
                onClick={onRowOpen ? (e) => open(e, row.original) : undefined}
                onKeyDown={onRowOpen ? (e) => openByKey(e, row.original) : undefined}
                style={onRowOpen ? { cursor: 'pointer' } : undefined}
                className={onRowOpen ? 'data-table-row' : undefined}
              >
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <Table.Td
                      key={cell.id}
                      style={{
                        textAlign: meta?.align === 'end' ? 'right' : undefined,
                        whiteSpace: meta?.nowrap ? 'nowrap' : undefined,
                      }}
                    >
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
