import { describe, expect, it } from 'vitest';
import type { IntegrationConfig } from '../../api';
import { canonicalSearch, configListSearchSchema, filterConfigs } from './list-search';

describe('configListSearchSchema', () => {
  it('keeps valid values and drops each bad one on its own', () => {
    expect(
      configListSearchSchema.parse({
        q: '  stripe ',
        state: 'paused',
        sort: 'version',
        desc: 'yes',
        destination: 42,
      }),
    ).toEqual({ q: 'stripe', sort: 'version' });
    expect(configListSearchSchema.parse({ q: '   ' }).q).toBeUndefined();
  });

  it('compares searches regardless of key order and defaults', () => {
    expect(canonicalSearch({ sort: 'name', q: 'a', state: undefined })).toBe(
      canonicalSearch({ q: 'a', sort: 'name' }),
    );
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
