import { describe, expect, it } from 'vitest';
import { followUpFor, runEntityType } from './follow-up';

const RUN = 'f1a00001-0000-4000-8000-00000000c001';
const BILL = 'b1000008-d372-4fc1-8c88-00000000b008';
const ACCOUNT = 'a0000009-0000-4000-8000-000000000009';
const CONFIG = 'c0000001-0000-4000-8000-000000000001';

const event = (eventName: string, m3terEvent: unknown) => ({ eventName, m3terEvent });

describe('followUpFor', () => {
  it('sends validation and perform errors to their run', () => {
    for (const name of ['integration.validation.error', 'integration.perform.error']) {
      expect(
        followUpFor(event(name, { eventData: { integrationRunId: RUN, entityId: BILL } })),
      ).toEqual({ kind: 'run', label: 'Go to the run', runId: RUN });
    }
  });

  it('falls back to the Bill’s run history when the error names no run', () => {
    expect(
      followUpFor(
        event('integration.perform.error', { eventData: { entityType: 'bill', entityId: BILL } }),
      ),
    ).toEqual({
      kind: 'history',
      label: 'Go to the Bill’s run history',
      entityType: 'Bill',
      entityId: BILL,
    });
    // An entity the run history does not know, or no id: nothing to go to.
    expect(
      followUpFor(event('integration.validation.error', { entityType: 'Invoice', entityId: BILL })),
    ).toBeNull();
    expect(followUpFor(event('integration.perform.error', { entityType: 'Bill' }))).toBeNull();
  });

  it('pre-fills the missing mapping from what the event says', () => {
    expect(
      followUpFor(
        event('integration.missingaccountmapping.error', {
          eventData: {
            accountId: ACCOUNT,
            destination: 'Stripe',
            externalTable: 'Customer',
            integrationConfigId: CONFIG,
          },
        }),
      ),
    ).toEqual({
      kind: 'create-mapping',
      label: 'Create external mapping',
      prefill: {
        m3terEntity: 'Account',
        m3terId: ACCOUNT,
        externalSystem: 'Stripe',
        externalTable: 'Customer',
        integrationConfigId: CONFIG,
      },
    });
    // The mapping's own fields win over the account and destination.
    expect(
      followUpFor(
        event('integration.missingaccountmapping.error', {
          m3terEntity: 'Product',
          m3terId: BILL,
          accountId: ACCOUNT,
          externalSystem: 'NetSuite',
          destination: 'Stripe',
        }),
      ),
    ).toEqual({
      kind: 'create-mapping',
      label: 'Create external mapping',
      prefill: { m3terEntity: 'Product', m3terId: BILL, externalSystem: 'NetSuite' },
    });
    // Nothing to map without an id.
    expect(
      followUpFor(event('integration.missingaccountmapping.error', { destination: 'Stripe' })),
    ).toBeNull();
  });

  it('sends authentication and disabled errors to their config', () => {
    expect(
      followUpFor(event('integration.authentication.error', { integrationConfigId: CONFIG })),
    ).toEqual({ kind: 'config', label: 'Fix the connection', configId: CONFIG });
    expect(
      followUpFor(event('integration.disabled.error', { eventData: { configId: CONFIG } })),
    ).toEqual({ kind: 'config', label: 'Enable the integration', configId: CONFIG });
    expect(followUpFor(event('integration.authentication.error', {}))).toBeNull();
    expect(followUpFor(event('integration.disabled.error', { destination: 'Xero' }))).toBeNull();
  });

  it('has none for an unknown event or an unknown shape, and never throws', () => {
    expect(followUpFor(event('integration.exploded.error', { integrationRunId: RUN }))).toBeNull();
    for (const shape of ['just text', [RUN], null, 42, undefined, { eventData: 'x' }]) {
      expect(followUpFor(event('integration.perform.error', shape))).toBeNull();
    }
  });
});

describe('runEntityType', () => {
  it('spells the run history’s entity types, and nothing else', () => {
    expect(runEntityType('BILL')).toBe('Bill');
    expect(runEntityType(' notification ')).toBe('Notification');
    expect(runEntityType('Account')).toBeUndefined();
    expect(runEntityType(undefined)).toBeUndefined();
  });
});
