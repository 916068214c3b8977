import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/csv';
import type { ExternalMappingConfiguration, ExternalMapping } from '../../api';
import {
  bulkResultCsv,
  findExistingDuplicates,
  isRowValid,
  parseBulkCsv,
  rowProblemList,
  rowsToCsv,
  validateBulkRows,
  type BulkRow,
} from './bulk-rows';

const configuration: ExternalMappingConfiguration = {
  m3terEntities: ['Account', 'Product'],
  externalSystems: [
    { name: 'Stripe', tables: ['Customer', 'Product'], allowCustomExternalTables: false },
  ],
};

const A = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const B = '4f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

function parsed(text: string): BulkRow[] {
  const result = parseBulkCsv(text);
  if (!result.ok) throw new Error(result.error);
  return result.rows;
}

describe('parseBulkCsv', () => {
  it('reads columns in any order and case, ignoring unknown ones', () => {
    const result = parseBulkCsv(
      `externalId,M3TER_ENTITY,m3terId,externalSystem,externalTable,note\ncus_1,Account,${A},Stripe,Customer,hi\n`,
    );
    expect(result).toMatchObject({ ok: true, ignoredColumns: ['note'] });
    expect(result.ok && result.rows[0]?.values).toEqual({
      m3terEntity: 'Account',
      m3terId: A,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
      externalId: 'cus_1',
      integrationConfigId: '',
    });
  });

  it('refuses a file it cannot use, saying why', () => {
    expect(parseBulkCsv('')).toEqual({
      ok: false,
      error: expect.stringMatching(/empty/) as string,
    });
    expect(parseBulkCsv('m3terEntity,m3terId\nAccount,x')).toEqual({
      ok: false,
      error: expect.stringMatching(
        /lacks the columns externalSystem, externalTable, externalId/,
      ) as string,
    });
    expect(parseBulkCsv('m3terEntity,m3terId,externalSystem,externalTable,externalId\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/no mappings/) as string,
    });
    expect(parseBulkCsv('m3terEntity\n"open')).toEqual({
      ok: false,
      error: expect.stringMatching(/cannot be read.*Line 2/) as string,
    });
  });
});

describe('validateBulkRows', () => {
  const header = 'm3terEntity,m3terId,externalSystem,externalTable,externalId';

  it('checks each row with the form’s rules and marks repeats of an earlier row', () => {
    const rows = validateBulkRows(
      parsed(
        [
          header,
          `Account,${A},Stripe,Customer,cus_1`,
          `Account,not-an-id,Stripe,Customer,cus_2`,
          `Account,${A},Stripe,customer,cus_3`,
          `Product,${B},Stripe,Invoice, prod_1`,
          `Account,${B},Stripe,Customer,cus_4,extra`,
        ].join('\n'),
      ),
      { configuration },
    );
    expect(rows.map(isRowValid)).toEqual([true, false, false, false, false]);
    expect(rows[1]?.issues.m3terId).toMatch(/UUID/);
    expect(rows[2]?.rowProblems).toEqual([
      expect.stringMatching(/Same mapping as row 2/) as string,
    ]);
    expect(rowProblemList(rows[3] as BulkRow)).toEqual([
      expect.stringMatching(/^externalTable: Stripe has no table "Invoice"/) as string,
      expect.stringMatching(/^externalId: Remove the space at the start/) as string,
    ]);
    expect(rows[4]?.rowProblems).toEqual([
      expect.stringMatching(/6 cells but the header has 5/) as string,
    ]);
  });

  it('finds rows that duplicate a mapping m3ter already has', () => {
    const rows = parsed(
      `${header}\nAccount,${A},Stripe,Customer,cus_1\nAccount,${B},Stripe,Customer,cus_2`,
    );
    const existing: ExternalMapping = {
      id: 'm1',
      m3terEntity: 'Account',
      m3terId: A,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
      externalId: 'cus_old',
    };
    const found = findExistingDuplicates(rows, [existing]);
    expect([...found.keys()]).toEqual([2]);
    expect(found.get(2)?.[0]?.id).toBe('m1');
  });
});

describe('result files', () => {
  const rows = parsed(
    `m3terEntity,m3terId,externalSystem,externalTable,externalId\nAccount,${A},Stripe,Customer,=cmd\nAccount,${B},Stripe,Customer,"a,b"\nAccount,${B},Stripe,Product,p`,
  );

  it('writes every row with its outcome, formula-safe', () => {
    const csv = bulkResultCsv(
      rows,
      new Map([
        [
          2,
          {
            status: 'created' as const,
            mapping: {
              id: 'new-1',
              m3terEntity: 'Account',
              m3terId: A,
              externalSystem: 'Stripe',
              externalTable: 'Customer',
              externalId: '=cmd',
            },
          },
        ],
        [3, { status: 'failed' as const, message: 'm3ter had a problem' }],
      ]),
    );
    const [head, ...lines] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(head).toEqual([
      'row',
      'm3terEntity',
      'm3terId',
      'externalSystem',
      'externalTable',
      'externalId',
      'integrationConfigId',
      'result',
      'mappingId',
      'message',
    ]);
    // Rows are numbered as a spreadsheet shows the input file: the header is row 1.
    expect(lines[0]).toEqual([
      '2',
      'Account',
      A,
      'Stripe',
      'Customer',
      "'=cmd",
      '',
      'created',
      'new-1',
      '',
    ]);
    expect(lines[1]?.slice(5)).toEqual(['a,b', '', 'failed', '', 'm3ter had a problem']);
    expect(lines[2]?.slice(7)).toEqual(['not sent', '', 'Not sent.']);
  });

  it('writes rows back as input that reads the same', () => {
    const again = parsed(rowsToCsv(rows));
    expect(again.map((r) => r.values)).toEqual(rows.map((r) => r.values));
  });
});
