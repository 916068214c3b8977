import { describe, expect, it } from 'vitest';
import type { ExternalMapping, ExternalMappingConfiguration, IntegrationConfig } from '../../api';
import {
  mappingFormSchema,
  toCreateRequest,
  toFormValues,
  toUpdateRequest,
} from './mapping-form-values';
import {
  configsForSystem,
  duplicateKey,
  mappingFieldIssue,
  mappingIssues,
  mappingTextIssue,
  type MappingFields,
} from './mapping-rules';

const configuration: ExternalMappingConfiguration = {
  m3terEntities: ['Account', 'Product', 'Plan'],
  externalSystems: [
    { name: 'Stripe', tables: ['Customer', 'Product'], allowCustomExternalTables: false },
    { name: 'Salesforce', tables: ['Account'], allowCustomExternalTables: true },
  ],
};

const STRIPE_CONFIG = '11111111-1111-4111-8111-111111111111';
const NETSUITE_CONFIG = '22222222-2222-4222-8222-222222222222';
const configs: IntegrationConfig[] = [
  { id: STRIPE_CONFIG, entityType: 'Bill', destination: 'Stripe', name: 'Stripe EU' },
  { id: NETSUITE_CONFIG, entityType: 'Bill', destination: 'NetSuite', name: 'NetSuite' },
];

const valid: MappingFields = {
  m3terEntity: 'Account',
  m3terId: '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b',
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_Q1w2E3r4T5y6',
  integrationConfigId: '',
};

describe('mappingTextIssue (m3ter’s rule)', () => {
  it.each([
    ['', /Enter the external id/],
    ['   ', /Enter the external id/],
    [' cus_1', /space at the start/],
    ['cus_1 ', /space at the end/],
    ['cus\t1', /Remove a tab \(position 4\)/],
    ['cus_1\n', /Remove a line break/],
    ['cus\u00071', /control character U\+0007/],
    ['x'.repeat(201), /200 characters/],
  ])('rejects %j', (value, message) => {
    expect(mappingTextIssue(value, 'the external id')).toMatch(message);
  });

  it('accepts inner spaces and ordinary ids', () => {
    expect(mappingTextIssue('Acme Corp Ltd', 'x')).toBeNull();
    expect(mappingTextIssue('cus_Q1w2E3r4T5y6', 'x')).toBeNull();
  });
});

describe('mappingFieldIssue', () => {
  it('passes a valid mapping', () => {
    expect(mappingIssues(valid, { configuration, configs })).toEqual({});
  });

  it('needs an m3ter entity the configuration lists', () => {
    expect(
      mappingFieldIssue('m3terEntity', { ...valid, m3terEntity: 'Widget' }, { configuration }),
    ).toMatch(/does not map "Widget"/);
  });

  it('needs the m3ter id to be a UUID', () => {
    expect(mappingFieldIssue('m3terId', { ...valid, m3terId: 'acme' })).toMatch(/UUID/);
  });

  it('needs a system of the organisation and one of its tables unless it allows custom tables', () => {
    expect(
      mappingFieldIssue('externalSystem', { ...valid, externalSystem: 'Zuora' }, { configuration }),
    ).toMatch(/not an external system/);
    expect(
      mappingFieldIssue('externalTable', { ...valid, externalTable: 'Invoice' }, { configuration }),
    ).toMatch(/Stripe has no table "Invoice"/);
    expect(
      mappingFieldIssue(
        'externalTable',
        { ...valid, externalSystem: 'Salesforce', externalTable: 'Custom__c' },
        { configuration },
      ),
    ).toBeNull();
  });

  it('accepts the values an edited mapping already has, even when no longer listed', () => {
    const current = { ...valid, m3terEntity: 'Meter', externalTable: 'Legacy' };
    expect(mappingIssues(current, { configuration, current })).toEqual({});
    expect(
      mappingFieldIssue(
        'externalTable',
        { ...current, externalTable: 'Other' },
        { configuration, current },
      ),
    ).toMatch(/no table "Other"/);
  });

  it('links only a known config that sends to the chosen system', () => {
    expect(
      mappingFieldIssue('integrationConfigId', { ...valid, integrationConfigId: 'x' }),
    ).toMatch(/UUID/);
    expect(
      mappingFieldIssue(
        'integrationConfigId',
        { ...valid, integrationConfigId: NETSUITE_CONFIG },
        { configs },
      ),
    ).toMatch(/sends to NetSuite, not Stripe/);
    expect(
      mappingFieldIssue(
        'integrationConfigId',
        { ...valid, integrationConfigId: '33333333-3333-4333-8333-333333333333' },
        { configs },
      ),
    ).toMatch(/No integration config/);
    expect(
      mappingFieldIssue(
        'integrationConfigId',
        { ...valid, integrationConfigId: STRIPE_CONFIG },
        { configs },
      ),
    ).toBeNull();
  });

  it('offers only configs whose destination is the system, ignoring case', () => {
    expect(configsForSystem(configs, 'stripe').map((c) => c.id)).toEqual([STRIPE_CONFIG]);
    expect(configsForSystem(configs, '')).toEqual([]);
  });

  it('treats entity, id, system and table as the identity, ignoring case of names', () => {
    const other: MappingFields = {
      ...valid,
      m3terEntity: 'account',
      externalTable: 'customer',
      externalId: 'other',
    };
    expect(duplicateKey(valid)).toBe(duplicateKey(other));
    expect(duplicateKey(valid)).not.toBe(duplicateKey({ ...valid, externalTable: 'Product' }));
  });
});

describe('form values ↔ requests', () => {
  const loaded: ExternalMapping = {
    ...valid,
    id: 'a0000000-0000-4000-8000-000000000001',
    integrationConfigId: STRIPE_CONFIG,
    version: 3,
    dtCreated: '2026-01-01T00:00:00Z',
    dtLastModified: '2026-01-02T00:00:00Z',
    createdBy: 'u1',
    lastModifiedBy: 'u2',
    somethingNew: { kept: true },
  };

  it('round-trips a mapping through the form', () => {
    const values = toFormValues(loaded);
    expect(values).toEqual({ ...valid, integrationConfigId: STRIPE_CONFIG, version: 3 });
  });

  it('creates without version or an empty config link', () => {
    expect(toCreateRequest(valid)).toEqual({
      m3terEntity: 'Account',
      m3terId: valid.m3terId,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
      externalId: 'cus_Q1w2E3r4T5y6',
    });
  });

  it('updates as a full replace: unknown fields kept, audit fields dropped, cleared link removed', () => {
    const body = toUpdateRequest(loaded, {
      ...toFormValues(loaded),
      externalId: 'cus_NEW',
      integrationConfigId: '',
    });
    expect(body).toEqual({
      m3terEntity: 'Account',
      m3terId: valid.m3terId,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
      externalId: 'cus_NEW',
      somethingNew: { kept: true },
      version: 3,
    });
  });

  it('the form schema puts each problem on its field', () => {
    const result = mappingFormSchema({ configuration }).safeParse({
      ...valid,
      version: 0,
      m3terId: 'nope',
      externalId: ' x',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['m3terId', 'externalId']);
  });
});
