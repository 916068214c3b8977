import { describe, expect, it } from 'vitest';
import type { IntegrationConfig } from '../../api';
import { healConfigListSearch, filterConfigs, type ConfigListSearch } from './list-search';

function expectStable(search: ConfigListSearch) {
  expect(healConfigListSearch({ ...search })).toEqual({ search, notes: [] });
}

describe('healConfigListSearch', () => {
  it('keeps valid values, trimmed, and leaves defaults out', () => {
    const { search, notes } = healConfigListSearch({
      q: '  stripe ',
      state: 'Disabled',
      sort: 'version',
      desc: true,
      destination: 'Stripe',
      entityType: 'Bill',
    });
    expect(notes).toEqual([]);
    expect(search).toEqual({
      q: 'stripe',
      state: 'disabled',
      sort: 'version',
      desc: true,
      destination: 'Stripe',
      entityType: 'Bill',
    });
    expectStable(search);
    expect(healConfigListSearch({ q: '   ', desc: false, sort: 'name' })).toEqual({
      search: { sort: 'name' },
      notes: [],
    });
  });

  it('drops each bad value on its own, and unknown parameters, saying what it dropped', () => {
    const { search, notes } = healConfigListSearch({
      q: 'stripe',
      state: 'paused',
      sort: 'version',
      desc: 'yes',
      destination: 42,
      entityType: 'x'.repeat(101),
      foo: '1',
    });
    expect(search).toEqual({ q: 'stripe', sort: 'version' });
    expectStable(search);
    expect(notes).toEqual([
      { text: 'Ignored the unknown parameter “foo”.', param: 'foo' },
      { text: 'Dropped the destination 42: it was not given as text.', param: 'destination' },
      {
        text: `Dropped the entity type “${'x'.repeat(59)}…”: it is longer than 100 characters.`,
        param: 'entityType',
      },
      { text: 'Dropped the state “paused”: showing configs in every state.', param: 'state' },
      { text: 'Dropped the sort direction “yes”: sorting ascending.', param: 'desc' },
    ]);
  });

  it('drops the direction with a bad sort, and says when it came without one', () => {
    expect(healConfigListSearch({ sort: 'colour', desc: true })).toEqual({
      search: {},
      notes: [{ text: 'Dropped the sort “colour”: there is no such column.', param: 'sort' }],
    });
    expect(healConfigListSearch({ desc: true })).toEqual({
      search: {},
      notes: [{ text: 'Ignored “desc”: it only applies with a sort column.', param: 'desc' }],
    });
  });
});

describe('filterConfigs', () => {
  const configs: IntegrationConfig[] = [
    {
      id: 'aaaa1111',
      entityType: 'Bill',
      destination: 'Stripe',
      name: 'EU',
      enabled: true,
      authorized: false,
    },
    {
      id: 'bbbb2222',
      entityType: 'Notification',
      destination: 'Webhook',
      enabled: false,
      entityId: 'cafe0001',
    },
  ];
  it('filters by state (not authorized is its own state), destination, type and text over ids', () => {
    expect(filterConfigs(configs, { state: 'unauthorized' }).map((c) => c.id)).toEqual([
      'aaaa1111',
    ]);
    expect(filterConfigs(configs, { state: 'disabled' }).map((c) => c.id)).toEqual(['bbbb2222']);
    expect(filterConfigs(configs, { destination: 'stripe' })).toHaveLength(1);
    expect(filterConfigs(configs, { entityType: 'Notification', q: 'CAFE' })).toHaveLength(1);
    expect(filterConfigs(configs, { q: 'nothing' })).toEqual([]);
  });
});
