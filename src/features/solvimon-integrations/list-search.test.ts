import { describe, expect, it } from 'vitest';
import type { SolvimonIntegration } from '../../api/solvimon';
import {
  filterSolvimonIntegrations,
  healSolvimonListSearch,
  isFilteredSolvimonSearch,
  solvimonOrderOf,
  type SolvimonListSearch,
} from './list-search';

function expectStable(search: SolvimonListSearch) {
  expect(healSolvimonListSearch({ ...search })).toEqual({ search, notes: [] });
}

describe('healSolvimonListSearch', () => {
  it('keeps valid values, trims and upper-cases them, and leaves defaults out', () => {
    const { search, notes } = healSolvimonListSearch({
      q: '  stripe ',
      type: 'payment_gateway',
      status: 'Error',
      sort: 'reference',
      desc: true,
      page: 3,
      pageSize: 25,
    });
    expect(notes).toEqual([]);
    expect(search).toEqual({
      q: 'stripe',
      type: 'PAYMENT_GATEWAY',
      status: 'ERROR',
      sort: 'reference',
      desc: true,
      page: 3,
      pageSize: 25,
    });
    expectStable(search);
    expect(healSolvimonListSearch({ q: ' ', page: 1, pageSize: 10, desc: false })).toEqual({
      search: {},
      notes: [],
    });
  });

  it('keeps a type or status it does not know (Solvimon adds them), and a numeric search', () => {
    expect(
      healSolvimonListSearch({ type: 'CRM_SYNC', status: 'suspended', q: 2000123456 }),
    ).toEqual({ search: { type: 'CRM_SYNC', status: 'SUSPENDED', q: '2000123456' }, notes: [] });
  });

  it('drops each bad value on its own, and unknown parameters, saying what it dropped', () => {
    const { search, notes } = healSolvimonListSearch({
      q: 'x'.repeat(201),
      type: 'payment gateway',
      status: 42,
      sort: 'colour',
      desc: true,
      page: 'zero',
      pageSize: 7,
      foo: '1',
    });
    expect(search).toEqual({});
    expectStable(search);
    expect(notes.map((n) => n.text)).toEqual([
      'Ignored the unknown parameter “foo”.',
      `Dropped the search text “${'x'.repeat(59)}…”: it is longer than 200 characters.`,
      'Dropped the type “payment gateway”: it is not an integration type.',
      'Dropped the status 42: it is not an integration status.',
      'Dropped the sort “colour”: the list sorts by name, reference, type, status.',
      'Dropped the page size 7: showing 10 a page (the sizes are 10, 25, 50, 100).',
      'Dropped the page “zero”: showing the first page.',
    ]);
  });

  it('says when “desc” came without a sort, or was not true', () => {
    expect(healSolvimonListSearch({ desc: true }).notes).toEqual([
      { text: 'Ignored “desc”: it only applies with a sort column.', param: 'desc' },
    ]);
    expect(healSolvimonListSearch({ sort: 'name', desc: 'yes' })).toEqual({
      search: { sort: 'name' },
      notes: [{ text: 'Dropped the sort direction “yes”: sorting ascending.', param: 'desc' }],
    });
    expect(healSolvimonListSearch({ page: 0 }).notes[0]?.text).toBe(
      'Dropped the page 0: showing the first page.',
    );
  });
});

describe('the list query', () => {
  it('sends Solvimon its order, and reads the whole list only with a filter or search', () => {
    expect(solvimonOrderOf({})).toEqual({});
    expect(solvimonOrderOf({ sort: 'status', desc: true })).toEqual({
      order_by: 'status',
      order_direction: 'DESC',
    });
    expect(isFilteredSolvimonSearch({ sort: 'name', page: 2 })).toBe(false);
    expect(isFilteredSolvimonSearch({ status: 'DRAFT' })).toBe(true);
  });

  const integration = (fields: Partial<SolvimonIntegration>): SolvimonIntegration => ({
    id: `intg_${fields.reference ?? 'x'}`,
    reference: 'x',
    type: 'DATA_EXPORT',
    ...fields,
  });

  it('filters by type, status (none counts as DRAFT) and text in name or reference', () => {
    const all = [
      integration({ reference: 's3-nightly', name: 'Nightly S3', status: 'ACTIVE' }),
      integration({ reference: 'gcs-draft', name: 'GCS', status: null }),
      integration({ reference: 'stripe', name: 'Stripe', type: 'PAYMENT_GATEWAY' }),
    ];
    const refs = (search: SolvimonListSearch) =>
      filterSolvimonIntegrations(all, search).map((i) => i.reference);
    expect(refs({ type: 'DATA_EXPORT' })).toEqual(['s3-nightly', 'gcs-draft']);
    expect(refs({ status: 'DRAFT' })).toEqual(['gcs-draft', 'stripe']);
    expect(refs({ q: 'NIGHTLY' })).toEqual(['s3-nightly']);
    expect(refs({ q: 'gcs-dr' })).toEqual(['gcs-draft']);
    expect(refs({ q: 'stripe', type: 'DATA_EXPORT' })).toEqual([]);
  });
});
