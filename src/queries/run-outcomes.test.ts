import { describe, expect, it } from 'vitest';
import type { IntegrationRun } from '../api';
import { countOutcomes, outcomesOf, runsWithOutcome } from './run-outcomes';

let seq = 0;
function run(status: string, minute: number, extra: Partial<IntegrationRun> = {}): IntegrationRun {
  seq += 1;
  return {
    id: `run-${seq}`,
    entityType: 'Bill',
    entityId: 'bill-1',
    destination: 'Stripe',
    destinationId: 'dest-stripe',
    status,
    dtStarted: new Date(Date.UTC(2026, 10, 20, 12, minute)).toISOString(),
    ...extra,
  };
}

const netsuite = { destination: 'NetSuite', destinationId: 'dest-netsuite' };

describe('outcomesOf', () => {
  it('a destination whose latest run failed is failing; one that succeeded after a failure is resolved', () => {
    const runs = [
      run('ERROR', 1),
      run('COMPLETE', 2),
      run('COMPLETE', 3, netsuite),
      run('ERROR', 4, netsuite),
    ];
    const groups = outcomesOf(runs, 'destination');
    expect(groups.get('dest-stripe')?.outcome).toBe('resolved');
    expect(groups.get('dest-netsuite')?.outcome).toBe('failing');
    expect(groups.get('dest-netsuite')?.lastFailure?.status).toBe('ERROR');
    expect(countOutcomes(groups)).toEqual({ failing: 1, resolved: 1 });
  });

  it('a retry in progress after an error is still failing; only successes are succeeding', () => {
    const groups = outcomesOf(
      [run('AUTH_FAILED', 1), run('AWAITING_RETRY', 2), run('COMPLETE', 3, netsuite)],
      'destination',
    );
    expect(groups.get('dest-stripe')?.outcome).toBe('failing');
    expect(groups.get('dest-stripe')?.latest.status).toBe('AWAITING_RETRY');
    expect(groups.get('dest-netsuite')?.outcome).toBe('succeeding');
  });

  it('nothing finished is pending; a closed period is stopped, not failing', () => {
    const groups = outcomesOf(
      [run('WAITING', 1), run('ERROR', 1, netsuite), run('ACCOUNTING_PERIOD_CLOSED', 2, netsuite)],
      'destination',
    );
    expect(groups.get('dest-stripe')?.outcome).toBe('pending');
    expect(groups.get('dest-netsuite')?.outcome).toBe('stopped');
  });

  it('groups a destination history per Bill, whatever the order given', () => {
    const other = { entityId: 'bill-2' };
    const runs = [run('COMPLETE', 9, other), run('ERROR', 5, other), run('ERROR', 7)];
    const groups = outcomesOf(runs.reverse(), 'entity');
    expect(groups.get('Bill/bill-2')?.outcome).toBe('resolved');
    expect(groups.get('Bill/bill-1')?.outcome).toBe('failing');
  });
});

describe('runsWithOutcome', () => {
  it('keeps every run of the failing destinations, in the order given', () => {
    const runs = [
      run('ERROR', 4, netsuite),
      run('COMPLETE', 3),
      run('COMPLETE', 2, netsuite),
      run('ERROR', 1),
    ];
    expect(runsWithOutcome(runs, 'destination', 'failing').map((r) => r.destination)).toEqual([
      'NetSuite',
      'NetSuite',
    ]);
    expect(runsWithOutcome(runs, 'destination', 'resolved').map((r) => r.status)).toEqual([
      'COMPLETE',
      'ERROR',
    ]);
  });
});
