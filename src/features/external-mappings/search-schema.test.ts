import { describe, expect, it } from 'vitest';
import { mappingsSearchSchema, newMappingSearchSchema, viewOf } from './search-schema';

const ID_A = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const ID_B = '4f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

describe('mappingsSearchSchema', () => {
  it('reads a browse link with every filter', () => {
    const search = mappingsSearchSchema.parse({
      externalSystemId: 'Stripe',
      m3terIds: [ID_A, ID_B],
      integrationConfigId: ID_B,
      pageSize: 100,
      cursors: ['t1'],
    });
    expect(viewOf(search)).toEqual({
      kind: 'browse',
      filters: { externalSystemId: 'Stripe', m3terIds: [ID_A, ID_B], integrationConfigId: ID_B },
    });
    expect(search.pageSize).toBe(100);
    expect(search.cursors).toEqual(['t1']);
  });

  it('heals a bad URL to defaults instead of failing', () => {
    const search = mappingsSearchSchema.parse({
      externalSystemId: ['x'],
      m3terIds: `${ID_A.toUpperCase()},not-an-id,${ID_A}`,
      integrationConfigId: 'nope',
      lookup: 'sideways',
      pageSize: 7,
      cursors: 'abc',
    });
    expect(search).toEqual({
      externalSystemId: undefined,
      m3terIds: [ID_A],
      integrationConfigId: undefined,
      lookup: undefined,
      entity: undefined,
      m3terId: undefined,
      system: undefined,
      table: undefined,
      externalId: undefined,
      pageSize: undefined,
      cursors: undefined,
    });
  });

  it('reads both look-ups, and an incomplete one as a form to finish', () => {
    expect(
      viewOf(mappingsSearchSchema.parse({ lookup: 'm3ter', entity: 'Account', m3terId: ID_A })),
    ).toEqual({ kind: 'm3ter', entity: 'Account', m3terId: ID_A });
    expect(
      viewOf(
        mappingsSearchSchema.parse({
          lookup: 'external',
          system: 'Stripe',
          table: 'Customer',
          externalId: ' cus_1 ',
        }),
      ),
    ).toEqual({ kind: 'external', system: 'Stripe', table: 'Customer', externalId: 'cus_1' });
    expect(viewOf(mappingsSearchSchema.parse({ lookup: 'external', system: 'Stripe' }))).toEqual({
      kind: 'incomplete-lookup',
      lookup: 'external',
    });
  });
});

describe('newMappingSearchSchema', () => {
  it('keeps pre-fill text as given, invalid or not, and drops non-text', () => {
    expect(
      newMappingSearchSchema.parse({
        m3terEntity: 'Account',
        m3terId: ' not-a-uuid',
        externalId: 42,
      }),
    ).toEqual({ m3terEntity: 'Account', m3terId: ' not-a-uuid' });
  });
});
