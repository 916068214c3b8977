import { describe, expect, it } from 'vitest';
import { sameSearch } from '../../lib/link-healing';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import {
  healMappingsSearch,
  healNewMappingSearch,
  viewOf,
  type MappingsSearch,
} from './search-schema';

const ID_A = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const ID_B = '4f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

const searchOf = (raw: Record<string, unknown>) => healMappingsSearch(raw).search;
const said = (raw: Record<string, unknown>) => healMappingsSearch(raw).notes.map((n) => n.text);

/** Healing is idempotent: the canonical search heals to itself, without a note. */
function expectStable(search: MappingsSearch) {
  expect(healMappingsSearch(search)).toEqual({ search, notes: [] });
}

describe('healMappingsSearch', () => {
  it('reads a browse link with every filter', () => {
    const raw = {
      externalSystemId: 'Stripe',
      m3terIds: [ID_A, ID_B],
      integrationConfigId: ID_B,
      pageSize: 100,
      cursors: ['t1'],
    };
    const { search, notes } = healMappingsSearch(raw);
    expect(notes).toEqual([]);
    expect(search).toEqual(raw);
    expect(viewOf(search)).toEqual({
      kind: 'browse',
      filters: { externalSystemId: 'Stripe', m3terIds: [ID_A, ID_B], integrationConfigId: ID_B },
    });
    expectStable(search);
  });

  it('heals a bad URL to what still works, saying what it dropped', () => {
    const raw = {
      externalSystemId: ['x'],
      m3terIds: `${ID_A.toUpperCase()},not-an-id,${ID_A}`,
      integrationConfigId: 'nope',
      lookup: 'sideways',
      pageSize: 7,
      cursors: 'abc',
      utm_source: 'mail',
    };
    const { search, notes } = healMappingsSearch(raw);
    expect(search).toEqual({ m3terIds: [ID_A] });
    expectStable(search);
    expect(notes.map((note) => note.text)).toEqual([
      'Ignored the unknown parameter “utm_source”.',
      'Dropped the external system ["x"]: it was not given as text.',
      'Dropped “not-an-id” from the m3ter ids: it is not an m3ter id.',
      'Dropped the integration config “nope”: it is not a config id.',
      'Dropped the look-up “sideways”: showing all mappings.',
      'Dropped the page size 7: showing 50 a page (the sizes are 25, 50, 100, 200).',
      'Dropped the page position: showing the first page.',
    ]);
    // The filter puts what was not an id back in its input: the note names it.
    expect(notes.find((note) => note.value !== undefined)).toEqual({
      text: 'Dropped “not-an-id” from the m3ter ids: it is not an m3ter id.',
      param: 'm3terIds',
      value: 'not-an-id',
    });
  });

  it('reads both look-ups, and an incomplete one as a form to finish', () => {
    const m3ter = searchOf({ lookup: 'm3ter', entity: 'Account', m3terId: ID_A.toUpperCase() });
    expect(m3ter).toEqual({ lookup: 'm3ter', entity: 'Account', m3terId: ID_A });
    expect(viewOf(m3ter)).toEqual({ kind: 'm3ter', entity: 'Account', m3terId: ID_A });
    const external = searchOf({
      lookup: 'external',
      system: 'Stripe',
      table: 'Customer',
      externalId: ' cus_1 ',
    });
    expect(viewOf(external)).toEqual({
      kind: 'external',
      system: 'Stripe',
      table: 'Customer',
      externalId: 'cus_1',
    });
    expect(viewOf(searchOf({ lookup: 'external', system: 'Stripe' }))).toEqual({
      kind: 'incomplete-lookup',
      lookup: 'external',
    });
    for (const search of [m3ter, external]) expectStable(search);
  });

  it('runs no look-up for an id the look-up form rejects: the form shows it, as typed', () => {
    const raw = { lookup: 'm3ter', entity: 'Account', m3terId: 'not-a-uuid' };
    const { search, notes } = healMappingsSearch(raw);
    expect(search).toEqual(raw);
    expect(notes).toEqual([]);
    expect(viewOf(search)).toEqual({ kind: 'incomplete-lookup', lookup: 'm3ter' });
  });

  it('keeps only what the view shows, and no default page size, saying what did not apply', () => {
    const browse = {
      externalSystemId: 'Stripe',
      entity: 'Account',
      pageSize: 50,
      cursors: ['t1'],
    };
    expect(searchOf(browse)).toEqual({ externalSystemId: 'Stripe', cursors: ['t1'] });
    expect(said(browse)).toEqual([
      'Ignored the m3ter entity “Account”: not part of the list of all mappings.',
    ]);

    const lookup = {
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: ID_A,
      externalSystemId: 'Stripe',
      table: 'Customer',
      pageSize: 25,
    };
    expect(searchOf(lookup)).toEqual({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: ID_A,
      pageSize: 25,
    });
    expect(said(lookup)).toEqual([
      'Ignored the external system “Stripe”: not part of the look-up by m3ter entity.',
      'Ignored the external table “Customer”: not part of the look-up by m3ter entity.',
    ]);
  });

  it('keeps what an incomplete look-up was given, but no page of results it does not show', () => {
    const raw = { lookup: 'external', system: 'Stripe', m3terIds: [ID_A], cursors: ['t1'] };
    expect(searchOf(raw)).toEqual({ lookup: 'external', system: 'Stripe' });
    expect(said(raw)).toEqual([
      `Ignored the m3ter ids ["${ID_A}"]: not part of the look-up by external entity.`,
    ]);
  });

  it('is stable: a canonical search heals to itself', () => {
    const canonical = searchOf({ m3terIds: `${ID_B},${ID_A}`, pageSize: '100' });
    expectStable(canonical);
    expect(sameSearch(canonical, { pageSize: 100, m3terIds: [ID_B, ID_A] })).toBe(true);
    expect(sameSearch(canonical, { pageSize: 100, m3terIds: [ID_A, ID_B] })).toBe(false);
  });
});

describe('what healing the m3ter ids says', () => {
  it('names each entry that is not an id, in any form the link had it', () => {
    const raw = { m3terIds: [` ${ID_A} `, 'nope', 42, 'nope', ''] };
    const { search, notes } = healMappingsSearch(raw);
    expect(search).toEqual({ m3terIds: [ID_A] });
    expect(notes.map((note) => note.value)).toEqual(['nope', '42']);
    expect(said({ m3terIds: `${ID_A},acme` })).toEqual([
      'Dropped “acme” from the m3ter ids: it is not an m3ter id.',
    ]);
    expect(said({ m3terIds: { a: 1 } })).toEqual([
      'Dropped the m3ter ids {"a":1}: they are not a list of ids.',
    ]);
  });

  it('counts the ids past the filter’s limit', () => {
    const ids = Array.from(
      { length: MAX_FILTER_IDS + 2 },
      (_, i) => `${i.toString(16).padStart(8, '0')}-8b4d-4e5f-9a6b-7c8d9e0f1a2b`,
    );
    const { search, notes } = healMappingsSearch({ m3terIds: ids });
    expect(search.m3terIds).toHaveLength(MAX_FILTER_IDS);
    expect(notes).toEqual([
      {
        text: `The filter takes up to ${MAX_FILTER_IDS} ids: 2 more in the link were left out.`,
        param: 'm3terIds',
      },
    ]);
  });
});

describe('healNewMappingSearch', () => {
  it('keeps pre-fill text as given, invalid or not, and drops non-text and unknown parameters', () => {
    const { search, notes } = healNewMappingSearch({
      m3terEntity: 'Account',
      m3terId: ' not-a-uuid',
      externalId: 42,
      created: 'nope',
      utm_source: 'mail',
    });
    expect(search).toEqual({ m3terEntity: 'Account', m3terId: ' not-a-uuid' });
    expect(healNewMappingSearch(search)).toEqual({ search, notes: [] });
    expect(notes.map((note) => note.text)).toEqual([
      'Dropped the external id 42: it was not given as text.',
      'Could not show the mapping just created, “nope”: it is not a mapping id.',
      'Ignored the unknown parameter “utm_source”.',
    ]);
  });
});
