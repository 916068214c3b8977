import { describe, expect, it } from 'vitest';
import type { ExternalMapping } from '../../api';
import { planBulkRun } from './bulk-plan';
import { parseBulkCsv, validateBulkRows, type BulkRow } from './bulk-rows';

const A = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const B = '4f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const C = '5f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

function rows(...lines: string[]): BulkRow[] {
  const parsed = parseBulkCsv(
    ['m3terEntity,m3terId,externalSystem,externalTable,externalId', ...lines].join('\n'),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return validateBulkRows(parsed.rows, { configuration: undefined, configs: undefined });
}

const existingMapping: ExternalMapping = {
  id: 'm-1',
  m3terEntity: 'Account',
  m3terId: B,
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_OLD',
};

describe('planBulkRun', () => {
  const checked = rows(
    `Account,${A},Stripe,Customer,cus_A`,
    'Account,not-an-id,Stripe,Customer,cus_X',
    `Account,${B},Stripe,Customer,cus_B`,
    `Account,${C},Stripe,Customer,cus_C`,
  );
  // Spreadsheet numbering: row 4 is the third mapping, the one m3ter already has.
  const existing = new Map([[4, [existingMapping]]]);

  it('sends the valid rows, and skips problems and existing duplicates saying why', () => {
    const plan = planBulkRun({ rows: checked, existing }, false);
    expect(plan.toSend.map((r) => r.row)).toEqual([2, 5]);
    expect(plan.invalid).toBe(1);
    expect(plan.duplicates).toBe(1);
    expect([...plan.skipped.keys()]).toEqual([3, 4]);
    expect(plan.skipped.get(3)).toEqual({
      status: 'skipped',
      message: expect.stringMatching(
        /^Not sent: m3terId: Enter the id of the m3ter entity/,
      ) as string,
    });
    expect(plan.skipped.get(4)).toEqual({
      status: 'skipped',
      message: 'Not sent: already mapped (mapping m-1).',
    });
  });

  it('sends the duplicates too when asked, still counting them, but never a row with a problem', () => {
    const plan = planBulkRun({ rows: checked, existing }, true);
    expect(plan.toSend.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(plan.duplicates).toBe(1);
    expect([...plan.skipped.keys()]).toEqual([3]);
  });

  it('plans nothing to send when every row is skipped', () => {
    const plan = planBulkRun({ rows: rows('Account,nope,Stripe,Customer,cus_A'), existing }, true);
    expect(plan.toSend).toEqual([]);
    expect(plan.skipped.size).toBe(1);
  });
});
