import { describe, expect, it } from 'vitest';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import {
  canonicalMappingsSearch,
  linkLossOf,
  linkLossState,
  readLinkLoss,
  mappingsSearchSchema,
  newMappingSearchSchema,
  sameSearch,
  validateMappingsSearch,
  viewOf,
} from './search-schema';

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

describe('canonicalMappingsSearch', () => {
  it('keeps only what the view shows, and no default page size', () => {
    const browse = mappingsSearchSchema.parse({
      externalSystemId: 'Stripe',
      entity: 'Account',
      pageSize: 50,
      cursors: ['t1'],
    });
    expect(canonicalMappingsSearch(browse)).toEqual({
      externalSystemId: 'Stripe',
      cursors: ['t1'],
    });

    const lookup = mappingsSearchSchema.parse({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: ID_A,
      externalSystemId: 'Stripe',
      table: 'Customer',
      pageSize: 25,
    });
    expect(canonicalMappingsSearch(lookup)).toEqual({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: ID_A,
      pageSize: 25,
    });
  });

  it('keeps what an incomplete look-up was given, but no page of results it does not show', () => {
    const search = mappingsSearchSchema.parse({
      lookup: 'external',
      system: 'Stripe',
      m3terIds: [ID_A],
      cursors: ['t1'],
    });
    expect(canonicalMappingsSearch(search)).toEqual({ lookup: 'external', system: 'Stripe' });
  });

  it('is stable: a canonical search parses back to itself', () => {
    const canonical = canonicalMappingsSearch(
      mappingsSearchSchema.parse({ m3terIds: `${ID_B},${ID_A}`, pageSize: '100' }),
    );
    expect(canonicalMappingsSearch(mappingsSearchSchema.parse(canonical))).toEqual(canonical);
    expect(sameSearch(canonical, { pageSize: 100, m3terIds: [ID_B, ID_A] })).toBe(true);
    expect(sameSearch(canonical, { pageSize: 100, m3terIds: [ID_A, ID_B] })).toBe(false);
  });
});

describe('linkLossOf', () => {
  it('names the entries of m3terIds that are not ids, in any form the link had them', () => {
    const raw = { m3terIds: [` ${ID_A} `, 'nope', 42, 'nope', ''] };
    expect(linkLossOf(raw, mappingsSearchSchema.parse(raw))).toEqual({
      invalidIds: ['nope', '42'],
      extraIds: 0,
    });
    const text = { m3terIds: `${ID_A},acme` };
    expect(linkLossOf(text, mappingsSearchSchema.parse(text))?.invalidIds).toEqual(['acme']);
  });

  it('counts the ids past the filter’s limit', () => {
    const ids = Array.from(
      { length: MAX_FILTER_IDS + 2 },
      (_, i) => `${i.toString(16).padStart(8, '0')}-8b4d-4e5f-9a6b-7c8d9e0f1a2b`,
    );
    const search = mappingsSearchSchema.parse({ m3terIds: ids });
    expect(search.m3terIds).toHaveLength(MAX_FILTER_IDS);
    expect(linkLossOf({ m3terIds: ids }, search)).toEqual({ invalidIds: [], extraIds: 2 });
  });

  it('says nothing when nothing was lost, or when the view does not filter by ids', () => {
    expect(linkLossOf({ m3terIds: ID_A }, mappingsSearchSchema.parse({ m3terIds: ID_A }))).toBe(
      undefined,
    );
    const lookup = { lookup: 'm3ter', entity: 'Account', m3terId: ID_A, m3terIds: 'nope' };
    expect(linkLossOf(lookup, mappingsSearchSchema.parse(lookup))).toBe(undefined);
  });

  it('is kept by validation through the router’s rewrite of the link, then travels in history state', () => {
    const first = validateMappingsSearch({ m3terIds: `${ID_A},nope` });
    expect(first).toEqual({ m3terIds: [ID_A], linkLoss: { invalidIds: ['nope'], extraIds: 0 } });
    // The rewritten URL holds only valid ids: the loss comes from the first pass.
    expect(
      validateMappingsSearch(JSON.parse(JSON.stringify(first)) as Record<string, unknown>),
    ).toEqual(first);
    expect(validateMappingsSearch({ m3terIds: ID_A, linkLoss: 'sideways' })).toEqual({
      m3terIds: [ID_A],
      linkLoss: undefined,
    });

    const loss = { invalidIds: ['nope'], extraIds: 0 };
    expect(readLinkLoss(linkLossState(loss)?.mappingsLinkLoss)).toEqual(loss);
    expect(linkLossState(undefined)).toBe(undefined);
    expect(readLinkLoss(undefined)).toBe(undefined);
    expect(readLinkLoss({ invalidIds: 'nope' })).toBe(undefined);
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
