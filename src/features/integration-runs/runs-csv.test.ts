import { describe, expect, it } from 'vitest';
import type { IntegrationRun } from '../../api';
import { parseCsv } from '../../lib/csv';
import { RUN_CSV_HEADER, runsToCsv } from './runs-csv';

const run: IntegrationRun = {
  id: 'r1',
  entityType: 'Bill',
  entityId: 'b1',
  status: 'ERROR',
  destination: 'NetSuite',
  destinationId: 'd1',
  dtCreated: '2026-11-20T10:00:00.000Z',
  dtStarted: '2026-11-20T10:00:01.000Z',
  dtCompleted: '2026-11-20T10:00:03.500Z',
  externalId: '=HYPERLINK("https://evil.example","click")',
  url: 'https://system.netsuite.com/x?id=1',
  error: '-1 is not a valid amount,\nline 2 of the error',
  parentIntegrationRunId: null,
};

describe('runs to CSV', () => {
  it('writes one row per run with every field, formulas neutralised', () => {
    const csv = runsToCsv([
      run,
      { ...run, id: 'r2', status: 'SOMETHING_NEW', error: undefined, externalId: '@cmd' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, first, second] = parseCsv(csv);
    expect(header).toEqual([...RUN_CSV_HEADER]);
    const row = Object.fromEntries(RUN_CSV_HEADER.map((key, i) => [key, first?.[i]]));
    expect(row).toMatchObject({
      id: 'r1',
      status: 'ERROR',
      statusGroup: 'failed',
      durationMs: '2500',
      externalId: `'=HYPERLINK("https://evil.example","click")`,
      error: "'-1 is not a valid amount,\nline 2 of the error",
      parentIntegrationRunId: '',
    });
    expect(second?.[1]).toBe('SOMETHING_NEW');
    expect(second?.[2]).toBe('unknown');
    expect(second?.[11]).toBe("'@cmd");
  });
});
