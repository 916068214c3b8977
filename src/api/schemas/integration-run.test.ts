import {
  integrationRunLogSchema,
  integrationRunSchema,
  RUN_ORDER,
  RUN_STATUS_GROUPS,
  RUN_STATUSES,
  runStatusSchema,
  statusGroupOf,
} from './integration-run';

const run = {
  id: 'run-1',
  entityType: 'Bill',
  entityId: 'bill-1',
  status: 'COMPLETE',
  destination: 'Stripe',
  dtStarted: '2026-01-01T00:00:00Z',
  dtCompleted: '2026-01-01T00:00:05Z',
  externalId: 'in_123',
  parentIntegrationRunId: null,
};

describe('RUN_STATUSES', () => {
  it('lists the 11 spec values in spec order', () => {
    expect(RUN_STATUSES).toEqual([
      'WAITING',
      'STARTED',
      'COMPLETE',
      'ERROR',
      'AWAITING_RETRY',
      'AUTH_FAILED',
      'ACCOUNTING_PERIOD_CLOSED',
      'INVOICE_ALREADY_PAID',
      'DISABLED',
      'TIMEOUT_LIMIT_EXCEEDED',
      'RATE_LIMIT_RETRY',
    ]);
  });
});

describe('runStatusSchema', () => {
  it('is open: an unknown status parses', () => {
    expect(runStatusSchema.parse('REPLAYED')).toBe('REPLAYED');
  });

  it('rejects an empty or non-string status', () => {
    expect(runStatusSchema.safeParse('').success).toBe(false);
    expect(runStatusSchema.safeParse(3).success).toBe(false);
  });
});

describe('status groups', () => {
  it('put every known status in exactly one group', () => {
    const grouped = RUN_STATUS_GROUPS.flatMap((g) => g.statuses);
    expect([...grouped].sort()).toEqual([...RUN_STATUSES].sort());
  });

  it('follow docs/m3ter-api.md Decision 9', () => {
    expect(RUN_STATUS_GROUPS.map((g) => [g.id, g.label])).toEqual([
      ['in-progress', 'In progress'],
      ['succeeded', 'Succeeded'],
      ['failed', 'Failed'],
      ['stopped', 'Stopped by a business rule'],
    ]);
    expect(statusGroupOf('RATE_LIMIT_RETRY')).toBe('in-progress');
    expect(statusGroupOf('AWAITING_RETRY')).toBe('in-progress');
    expect(statusGroupOf('COMPLETE')).toBe('succeeded');
    expect(statusGroupOf('TIMEOUT_LIMIT_EXCEEDED')).toBe('failed');
    expect(statusGroupOf('AUTH_FAILED')).toBe('failed');
    expect(statusGroupOf('INVOICE_ALREADY_PAID')).toBe('stopped');
    expect(statusGroupOf('DISABLED')).toBe('stopped');
  });

  it("call an unknown status 'unknown'", () => {
    expect(statusGroupOf('REPLAYED')).toBe('unknown');
    expect(statusGroupOf('complete')).toBe('unknown');
  });
});

describe('integrationRunSchema', () => {
  it('parses a run with an unknown status and keeps unknown fields', () => {
    const parsed = integrationRunSchema.parse({
      ...run,
      status: 'REPLAYED',
      replayedFrom: 'run-0',
    });
    expect(parsed.status).toBe('REPLAYED');
    expect(parsed.replayedFrom).toBe('run-0');
    expect(parsed.parentIntegrationRunId).toBeNull();
  });

  it.each(['id', 'entityType', 'entityId', 'status', 'destination'])('requires %s', (field) => {
    const body: Record<string, unknown> = { ...run };
    delete body[field];
    expect(integrationRunSchema.safeParse(body).success).toBe(false);
  });

  it('accepts an absent parentIntegrationRunId and rejects a numeric one', () => {
    const { parentIntegrationRunId: _omit, ...noParent } = run;
    expect(integrationRunSchema.safeParse(noParent).success).toBe(true);
    expect(integrationRunSchema.safeParse({ ...run, parentIntegrationRunId: 5 }).success).toBe(
      false,
    );
  });
});

describe('integrationRunLogSchema', () => {
  it('reads Payload with a capital P, absent or null', () => {
    expect(integrationRunLogSchema.parse({ Payload: 'aGk=' }).Payload).toBe('aGk=');
    expect(integrationRunLogSchema.parse({}).Payload).toBeUndefined();
    expect(integrationRunLogSchema.parse({ Payload: null }).Payload).toBeNull();
    expect(integrationRunLogSchema.safeParse({ Payload: 1 }).success).toBe(false);
  });
});

it('RUN_ORDER is ASC, DESC', () => {
  expect(RUN_ORDER).toEqual(['ASC', 'DESC']);
});
