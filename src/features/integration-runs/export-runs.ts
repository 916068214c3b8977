import type { IntegrationRun } from '../../api';
import { downloadText } from '../../lib/download';
import type { RunScope } from '../../queries/runs';
import { runsToCsv } from './runs-csv';

/** Saves a history's runs as CSV, named after the history and the moment of the export. */
export function downloadRunsCsv(
  scope: RunScope,
  runs: readonly IntegrationRun[],
  now: Date = new Date(),
): void {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const name =
    scope.kind === 'entity'
      ? `runs-${scope.entityType}-${scope.entityId}-${stamp}.csv`
      : `runs-destination-${scope.destinationId}-${stamp}.csv`;
  downloadText(name, runsToCsv(runs), 'text/csv;charset=utf-8');
}
