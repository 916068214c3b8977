import { describe, expect, it } from 'vitest';
import {
  INTEGRATION_EVENT_NAMES,
  isIntegrationEventName,
  readIntegrationEvent,
} from './integration-event';

/** The shape the fake m3ter sends (docs/m3ter-api.md §6.4). */
const documented = {
  eventData: {
    message: "Stripe API error: No such customer: 'cus_x'. Suggested fix: create a mapping.",
    entityType: 'Bill',
    entityId: 'b1',
    accountId: 'a1',
    integrationConfigId: 'c1',
    integrationRunId: 'r1',
    destination: 'Stripe',
    destinationId: 'd1',
    m3terEntity: 'Account',
    m3terId: 'a1',
    externalSystem: 'Stripe',
    externalTable: 'Customer',
  },
};

describe('readIntegrationEvent', () => {
  it('reads every fact of the documented eventData shape', () => {
    expect(readIntegrationEvent(documented)).toEqual(documented.eventData);
  });

  it('reads top-level keys when there is no eventData, and prefers eventData when both exist', () => {
    expect(readIntegrationEvent({ entityId: 'b2', destination: 'Xero' })).toEqual({
      entityId: 'b2',
      destination: 'Xero',
    });
    expect(
      readIntegrationEvent({
        entityId: 'top',
        accountId: 'a-top',
        eventData: { entityId: 'inner' },
      }),
    ).toEqual({ entityId: 'inner', accountId: 'a-top' });
  });

  it('reads the aliases m3ter DTOs use, the canonical name first', () => {
    expect(
      readIntegrationEvent({
        eventData: {
          errorMessage: 'failed',
          integrationConfigurationId: 'c2',
          runId: 'r2',
          destinationSystem: 'NetSuite',
        },
      }),
    ).toEqual({
      message: 'failed',
      integrationConfigId: 'c2',
      integrationRunId: 'r2',
      destination: 'NetSuite',
    });
    expect(readIntegrationEvent({ error: 'e', description: 'd' })).toEqual({ message: 'e' });
    expect(readIntegrationEvent({ message: 'm', error: 'e' })).toEqual({ message: 'm' });
    expect(readIntegrationEvent({ configId: 'c3' })).toEqual({ integrationConfigId: 'c3' });
  });

  it('ignores blank strings and values that are not strings, falling back to the next source', () => {
    expect(
      readIntegrationEvent({
        eventData: { message: '  ', entityId: 42, accountId: null, destination: ['Stripe'] },
        message: 'top-level',
        entityId: 'b3',
      }),
    ).toEqual({ message: 'top-level', entityId: 'b3' });
    expect(readIntegrationEvent({ eventData: { integrationRunId: { id: 'r' } } })).toEqual({});
  });

  it('never throws on unknown shapes, and gives {}', () => {
    const shapes: unknown[] = [
      undefined,
      null,
      '',
      'integration.perform.error',
      42,
      true,
      [],
      [documented],
      { eventData: 'text' },
      { eventData: [documented.eventData] },
      { eventData: null },
      { entityId: 7, message: false },
      Object.create(null) as object,
    ];
    shapes.forEach((value, i) => {
      expect(readIntegrationEvent(value), `shape ${i}`).toEqual({});
    });
  });
});

describe('integration event names', () => {
  it('lists the five names and recognises only them', () => {
    expect(INTEGRATION_EVENT_NAMES).toHaveLength(5);
    for (const name of INTEGRATION_EVENT_NAMES) expect(isIntegrationEventName(name)).toBe(true);
    expect(isIntegrationEventName('configuration.plan.created')).toBe(false);
  });
});
