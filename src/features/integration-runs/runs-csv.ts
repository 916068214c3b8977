/**
 * The run history as CSV: one row per run, every field a support engineer quotes in a ticket.
 * Cells are escaped by lib/csv (formula injection included).
 */
import { statusGroupOf, type IntegrationRun } from '../../api';
import { toCsv, type CsvCell } from '../../lib/csv';
import { MAX_LOADED_RUNS } from './loaded-runs';

/** The most runs one export holds (as many as "Load all" loads); the UI says when a history is longer. */
const MAX_EXPORT_ROWS = MAX_LOADED_RUNS;

export const RUN_CSV_HEADER = [
  'id',
  'status',
  'statusGroup',
  'entityType',
  'entityId',
  'destination',
  'destinationId',
  'dtCreated',
  'dtStarted',
  'dtCompleted',
  'durationMs',
  'externalId',
  'url',
  'parentIntegrationRunId',
  'error',
] as const;

function durationMs(run: IntegrationRun): number | null {
  if (!run.dtStarted || !run.dtCompleted) return null;
  const ms = Date.parse(run.dtCompleted) - Date.parse(run.dtStarted);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

function runToCsvRow(run: IntegrationRun): CsvCell[] {
  return [
    run.id,
    run.status,
    statusGroupOf(run.status),
    run.entityType,
    run.entityId,
    run.destination,
    run.destinationId,
    run.dtCreated,
    run.dtStarted,
    run.dtCompleted,
    durationMs(run),
    run.externalId,
    run.url,
    run.parentIntegrationRunId,
    run.error,
  ];
}

/** At most MAX_EXPORT_ROWS runs, with a BOM so spreadsheets read non-ASCII error texts correctly. */
export function runsToCsv(runs: readonly IntegrationRun[]): string {
  return toCsv(RUN_CSV_HEADER, runs.slice(0, MAX_EXPORT_ROWS).map(runToCsvRow), { bom: true });
}
