import {
  CREDENTIAL_TYPES,
  DESTINATION_TYPES,
  integrationConfigRequestSchema,
  integrationConfigSchema,
  systemResponseSchema,
} from './integration-config';

const config = {
  id: '3b4c6d2e-1111-4222-8333-444455556666',
  entityType: 'Bill',
  destination: 'Stripe',
  version: 3,
  dtCreated: '2026-01-02T03:04:05Z',
  configData: { onlySendOnApproval: true },
  authorized: true,
  enabled: false,
  triggerType: 'EVENT',
  name: 'Stripe bills',
};

describe('integrationConfigSchema', () => {
  it('parses a spec-shaped config', () => {
    expect(integrationConfigSchema.parse(config)).toEqual(config);
  });

  it('keeps unknown fields', () => {
    const parsed = integrationConfigSchema.parse({ ...config, futureField: { a: 1 } });
    expect(parsed.futureField).toEqual({ a: 1 });
  });

  it('accepts a triggerType outside the known values', () => {
    expect(integrationConfigSchema.parse({ ...config, triggerType: 'MANUAL' }).triggerType).toBe(
      'MANUAL',
    );
  });

  it.each(['id', 'entityType', 'destination'])('requires %s', (field) => {
    const body: Record<string, unknown> = { ...config };
    delete body[field];
    const result = integrationConfigSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('rejects an empty entityType and a wrongly typed field', () => {
    expect(integrationConfigSchema.safeParse({ ...config, entityType: '' }).success).toBe(false);
    expect(integrationConfigSchema.safeParse({ ...config, enabled: 'yes' }).success).toBe(false);
  });
});

describe('integrationConfigRequestSchema', () => {
  const minimal = { entityType: 'Bill', destination: 'Stripe' };

  it('needs only entityType and destination', () => {
    expect(integrationConfigRequestSchema.parse(minimal)).toEqual(minimal);
    expect(integrationConfigRequestSchema.safeParse({ entityType: 'Bill' }).success).toBe(false);
    expect(integrationConfigRequestSchema.safeParse({ destination: 'Stripe' }).success).toBe(false);
  });

  it.each(['', 'Bill ', 'Bill.v2', 'Strípe'])(
    'rejects entityType %j (pattern / minLength)',
    (bad) => {
      expect(
        integrationConfigRequestSchema.safeParse({ ...minimal, entityType: bad }).success,
      ).toBe(false);
      expect(
        integrationConfigRequestSchema.safeParse({ ...minimal, destination: bad }).success,
      ).toBe(false);
    },
  );

  it('accepts an unknown credential type and destination, and keeps subtype fields', () => {
    const body = {
      ...minimal,
      credentials: { type: 'SHINY_NEW_AUTH', destination: 'HUBSPOT', apiKey: 'k' },
    };
    expect(integrationConfigRequestSchema.parse(body)).toEqual(body);
  });

  it('accepts every known credential type and requires one', () => {
    for (const type of CREDENTIAL_TYPES) {
      expect(
        integrationConfigRequestSchema.safeParse({ ...minimal, credentials: { type } }).success,
      ).toBe(true);
    }
    expect(integrationConfigRequestSchema.safeParse({ ...minimal, credentials: {} }).success).toBe(
      false,
    );
    expect(
      integrationConfigRequestSchema.safeParse({ ...minimal, credentials: { type: '' } }).success,
    ).toBe(false);
  });

  it('requires an integer version when present', () => {
    expect(integrationConfigRequestSchema.safeParse({ ...minimal, version: 2 }).success).toBe(true);
    expect(integrationConfigRequestSchema.safeParse({ ...minimal, version: '2' }).success).toBe(
      false,
    );
  });
});

describe('enum lists', () => {
  it('match the spec', () => {
    expect(CREDENTIAL_TYPES).toHaveLength(18);
    expect(CREDENTIAL_TYPES).toContain('OAUTH_CLIENT_CREDENTIALS');
    expect(CREDENTIAL_TYPES).not.toContain('OAUTH_CLIENT_CREDENTIALS_GRANT');
    expect(DESTINATION_TYPES).toEqual([
      'WEBHOOK',
      'NETSUITE',
      'STRIPE',
      'STRIPE_TEST',
      'AWS',
      'PADDLE',
      'PADDLE_SANDBOX',
      'SALESFORCE',
      'XERO',
      'CHARGEBEE',
      'QUICKBOOKS',
      'QUICKBOOKS_SANDBOX',
      'M3TER',
    ]);
  });
});

describe('systemResponseSchema', () => {
  it('parses a system with unknown auth types and keeps extra fields', () => {
    const system = {
      identifier: 'Stripe',
      displayName: 'Stripe',
      validationSupported: true,
      supportedAuthTypes: ['OAUTH_CODE', 'SOMETHING_NEW'],
      category: 'AR',
    };
    expect(systemResponseSchema.parse(system)).toEqual(system);
    expect(systemResponseSchema.safeParse({ displayName: 'x' }).success).toBe(false);
  });
});
