/**
 * Bulk create, between the check and the run: which checked rows are sent, and which are skipped
 * with why. Pure, so the page's button ("Create 4 mappings (skip 3)") and the run agree by construction.
 */
import type { ExternalMapping } from '../../api';
import { isRowValid, rowProblemList, type BulkOutcome, type BulkRow } from './bulk-rows';

/** The rows as checked, before anything is sent. */
export interface BulkCheck {
  /** The text the check was made on: a later edit needs a new check. */
  text: string;
  rows: BulkRow[];
  ignoredColumns: string[];
  /** The mappings m3ter already has that a row would duplicate, by row number. */
  existing: Map<number, ExternalMapping[]>;
  existingTruncated: boolean;
}

export interface BulkPlan {
  toSend: BulkRow[];
  /** Rows not sent, with why. */
  skipped: Map<number, BulkOutcome>;
  invalid: number;
  duplicates: number;
}

/**
 * Rows with a problem are never sent; rows that duplicate an existing mapping only when the user says
 * so (`includeDuplicates`): a second mapping for the same record and table is rarely meant, and the
 * single-mapping form asks before creating one too.
 */
export function planBulkRun(
  check: Pick<BulkCheck, 'rows' | 'existing'>,
  includeDuplicates: boolean,
): BulkPlan {
  const toSend: BulkRow[] = [];
  const skipped = new Map<number, BulkOutcome>();
  let invalid = 0;
  let duplicates = 0;
  for (const row of check.rows) {
    if (!isRowValid(row)) {
      invalid++;
      skipped.set(row.row, {
        status: 'skipped',
        message: `Not sent: ${rowProblemList(row).join(' ')}`,
      });
      continue;
    }
    const existing = check.existing.get(row.row);
    if (existing) {
      duplicates++;
      if (!includeDuplicates) {
        skipped.set(row.row, {
          status: 'skipped',
          message: `Not sent: already mapped (mapping ${existing.map((m) => m.id).join(', ')}).`,
        });
        continue;
      }
    }
    toSend.push(row);
  }
  return { toSend, skipped, invalid, duplicates };
}
