import {
  externalEntityListSchema,
  externalMappingConfigurationSchema,
  externalMappingRequestSchema,
  externalMappingSchema,
} from './external-mapping';

const request = {
  m3terEntity: 'Account',
  m3terId: '00000000-0000-0000-0000-000000000000',
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_00000000000000',
};

describe('externalMappingRequestSchema', () => {
  it('accepts the five required fields, with optional integrationConfigId and version', () => {
    expect(externalMappingRequestSchema.parse(request)).toEqual(request);
    const full = { ...request, integrationConfigId: 'cfg', version: 4 };
    expect(externalMappingRequestSchema.parse(full)).toEqual(full);
  });

  it.each(Object.keys(request))('requires %s', (field) => {
    const body: Record<string, unknown> = { ...request };
    delete body[field];
    expect(externalMappingRequestSchema.safeParse(body).success).toBe(false);
  });

  it.each(['', ' cus_1', 'cus_1 ', 'cus\u00001', 'cus\n1'])('rejects externalId %j', (bad) => {
    const result = externalMappingRequestSchema.safeParse({ ...request, externalId: bad });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['externalId']);
  });

  it('allows inner spaces', () => {
    expect(
      externalMappingRequestSchema.safeParse({ ...request, externalTable: 'Sales Order' }).success,
    ).toBe(true);
  });
});

describe('externalMappingSchema', () => {
  it('keeps unknown fields and requires the mapping fields', () => {
    const mapping = { id: 'm1', version: 1, ...request, linkedAt: 'x' };
    expect(externalMappingSchema.parse(mapping)).toEqual(mapping);
    const { externalTable: _omit, ...missing } = mapping;
    expect(externalMappingSchema.safeParse(missing).success).toBe(false);
  });
});

describe('externalMappingConfigurationSchema', () => {
  it('parses entities and systems; tables and allowCustomExternalTables are optional', () => {
    const body = {
      m3terEntities: ['Account', 'Plan'],
      externalSystems: [
        { name: 'Stripe', tables: ['Customer'], allowCustomExternalTables: false },
        { name: 'Custom' },
      ],
    };
    expect(externalMappingConfigurationSchema.parse(body)).toEqual(body);
    expect(
      externalMappingConfigurationSchema.safeParse({ m3terEntities: [], externalSystems: [{}] })
        .success,
    ).toBe(false);
    expect(externalMappingConfigurationSchema.safeParse({ m3terEntities: [] }).success).toBe(false);
  });
});

describe('externalEntityListSchema', () => {
  it('parses id/name pairs and requires the id', () => {
    expect(
      externalEntityListSchema.parse([
        { externalId: 'cus_1', externalName: 'Acme' },
        { externalId: 'cus_2' },
      ]),
    ).toEqual([{ externalId: 'cus_1', externalName: 'Acme' }, { externalId: 'cus_2' }]);
    expect(externalEntityListSchema.safeParse([{ externalName: 'Acme' }]).success).toBe(false);
  });
});
