/**
 * Bulk create, before anything is sent: the CSV read into rows, and every row checked with the same
 * rules as the single-mapping form, plus duplicates within the file and against mappings m3ter already
 * has.
 */
import { CsvParseError, parseCsv, toCsv, type CsvCell } from '../../lib/csv';
import type { ExternalMapping } from '../../api';
import {
  duplicateKey,
  mappingIssues,
  type MappingFieldName,
  type MappingFields,
  type MappingRuleContext,
} from './mapping-rules';

export const REQUIRED_COLUMNS = [
  'm3terEntity',
  'm3terId',
  'externalSystem',
  'externalTable',
  'externalId',
] as const satisfies readonly MappingFieldName[];

export const OPTIONAL_COLUMNS = [
  'integrationConfigId',
] as const satisfies readonly MappingFieldName[];

const ALL_COLUMNS: readonly MappingFieldName[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** Most rows one bulk create takes: at the pacing used (≤ 20/s) that is under two minutes. */
const MAX_BULK_ROWS = 2_000;

/** The spreadsheet row number of the first mapping: row 1 is the header. */
const FIRST_DATA_ROW = 2;

export interface BulkRow {
  /**
   * The row number a spreadsheet shows for this row of the file (the header is row 1, the first mapping
   * row 2), so "row 5" in a result is row 5 when the user opens the CSV to fix it.
   */
  row: number;
  values: MappingFields;
  /** Field problems, from the shared rules. */
  issues: Partial<Record<MappingFieldName, string>>;
  /** Problems of the row as a whole (wrong cell count, same mapping as an earlier row). */
  rowProblems: string[];
}

type BulkParseResult =
  { ok: false; error: string } | { ok: true; rows: BulkRow[]; ignoredColumns: string[] };

function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
}

/**
 * Reads the CSV text: a header row naming the columns (any order, any case), then one mapping per row.
 * Fails as a whole only when the file cannot be used at all (unreadable CSV, missing columns, no rows,
 * too many rows); everything else is a problem of a row.
 */
export function parseBulkCsv(text: string): BulkParseResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvParseError)
      return { ok: false, error: `The CSV cannot be read. ${error.message}.` };
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    return { ok: false, error: 'The CSV is empty. Paste or upload a file with a header row.' };

  const index = new Map<MappingFieldName, number>();
  const ignoredColumns: string[] = [];
  header.forEach((cell, i) => {
    const column = ALL_COLUMNS.find((c) => normaliseHeader(c) === normaliseHeader(cell));
    if (column && !index.has(column)) index.set(column, i);
    else if (cell.trim() !== '') ignoredColumns.push(cell.trim());
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      error: `The header row lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. The first row must name the columns: ${REQUIRED_COLUMNS.join(', ')} and optionally integrationConfigId.`,
    };
  }
  if (data.length === 0) return { ok: false, error: 'The CSV has a header row but no mappings.' };
  if (data.length > MAX_BULK_ROWS) {
    return {
      ok: false,
      error: `The CSV has ${data.length} rows; one bulk create takes at most ${MAX_BULK_ROWS}. Split the file.`,
    };
  }

  const rows = data.map((cells, i): BulkRow => {
    const cell = (column: MappingFieldName) => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    const values: MappingFields = {
      m3terEntity: cell('m3terEntity'),
      m3terId: cell('m3terId'),
      externalSystem: cell('externalSystem'),
      externalTable: cell('externalTable'),
      externalId: cell('externalId'),
      integrationConfigId: cell('integrationConfigId'),
    };
    const rowProblems: string[] = [];
    if (cells.length > header.length) {
      rowProblems.push(
        `Has ${cells.length} cells but the header has ${header.length}: a value may contain an unquoted comma.`,
      );
    }
    return { row: i + FIRST_DATA_ROW, values, issues: {}, rowProblems };
  });
  return { ok: true, rows, ignoredColumns };
}

/**
 * Checks every row with the shared rules and marks a row that repeats an earlier row's m3ter entity,
 * id, system and table. Returns new rows; the parse result is not changed.
 */
export function validateBulkRows(rows: readonly BulkRow[], context: MappingRuleContext): BulkRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((row) => {
    const issues = mappingIssues(row.values, context);
    const rowProblems = row.rowProblems.filter((p) => !p.startsWith('Same mapping as row'));
    const key = duplicateKey(row.values);
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, row.row);
    else {
      rowProblems.push(
        `Same mapping as row ${earlier}: it maps this ${row.values.m3terEntity} to ${row.values.externalSystem} ${row.values.externalTable} too.`,
      );
    }
    return { ...row, issues, rowProblems };
  });
}

export function isRowValid(row: BulkRow): boolean {
  return row.rowProblems.length === 0 && Object.keys(row.issues).length === 0;
}

/** One line per problem of the row: "m3ter id: Enter …". */
export function rowProblemList(row: BulkRow): string[] {
  const fieldProblems = (Object.entries(row.issues) as Array<[MappingFieldName, string]>).map(
    ([field, message]) => `${field}: ${message}`,
  );
  return [...row.rowProblems, ...fieldProblems];
}

/**
 * The existing mappings each row would duplicate (same m3ter entity, id, system, table), by row number.
 * Rows without one are absent.
 */
export function findExistingDuplicates(
  rows: readonly BulkRow[],
  existing: readonly ExternalMapping[],
): Map<number, ExternalMapping[]> {
  const byKey = new Map<string, ExternalMapping[]>();
  for (const mapping of existing) {
    const key = duplicateKey(mapping);
    byKey.set(key, [...(byKey.get(key) ?? []), mapping]);
  }
  const result = new Map<number, ExternalMapping[]>();
  for (const row of rows) {
    const found = byKey.get(duplicateKey(row.values));
    if (found) result.set(row.row, found);
  }
  return result;
}

/** What happened to a row in a bulk create. */
export type BulkOutcome =
  | { status: 'created'; mapping: ExternalMapping }
  | { status: 'failed'; message: string }
  | { status: 'skipped'; message: string }
  | { status: 'not-sent'; message: string };

const RESULT_COLUMNS = [
  'row',
  ...REQUIRED_COLUMNS,
  ...OPTIONAL_COLUMNS,
  'result',
  'mappingId',
  'message',
] as const;

/** The result file: every input row with what happened to it, formula-safe (lib/csv). */
export function bulkResultCsv(
  rows: readonly BulkRow[],
  outcomes: ReadonlyMap<number, BulkOutcome>,
): string {
  const lines = rows.map((row): CsvCell[] => {
    const outcome = outcomes.get(row.row);
    const v = row.values;
    const base: CsvCell[] = [
      row.row,
      v.m3terEntity,
      v.m3terId,
      v.externalSystem,
      v.externalTable,
      v.externalId,
      v.integrationConfigId,
    ];
    if (!outcome) return [...base, 'not sent', '', 'Not sent.'];
    if (outcome.status === 'created') return [...base, 'created', outcome.mapping.id, ''];
    return [...base, outcome.status.replace('-', ' '), '', outcome.message];
  });
  return toCsv(RESULT_COLUMNS, lines, { bom: true });
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The rows as bulk-create input again (e.g. those that failed or were not sent), for another try in
 * this screen. Not formula-escaped on purpose: this text is read back by `parseBulkCsv`, not by a
 * spreadsheet, and an added apostrophe would change the ids.
 */
export function rowsToCsv(rows: readonly BulkRow[]): string {
  const lines = [ALL_COLUMNS.join(',')];
  for (const row of rows) lines.push(ALL_COLUMNS.map((c) => quoteCell(row.values[c])).join(','));
  return `${lines.join('\n')}\n`;
}
