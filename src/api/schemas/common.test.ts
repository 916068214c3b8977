import { z } from 'zod';
import {
  auditFieldsSchema,
  ENTITY_TYPE_PATTERN,
  isUuid,
  isValidMappingText,
  pageSchema,
  UUID_PATTERN,
} from './common';

describe('isValidMappingText', () => {
  it.each(['Account', 'cus_123', 'Sales Order', 'a', 'ü-Ω 1'])('accepts %j', (value) => {
    expect(isValidMappingText(value)).toBe(true);
  });

  it.each(['', ' Account', 'Account ', '\tAccount', 'Acc\u0000ount', 'Acc\nount', 'Acc\u007fount'])(
    'rejects %j',
    (value) => {
      expect(isValidMappingText(value)).toBe(false);
    },
  );
});

describe('patterns', () => {
  it('ENTITY_TYPE_PATTERN allows letters, digits, _ and - only, and at least one', () => {
    expect(ENTITY_TYPE_PATTERN.test('Bill')).toBe(true);
    expect(ENTITY_TYPE_PATTERN.test('Sales_Order-2')).toBe(true);
    expect(ENTITY_TYPE_PATTERN.test('')).toBe(false);
    expect(ENTITY_TYPE_PATTERN.test('Bill ')).toBe(false);
    expect(ENTITY_TYPE_PATTERN.test('Bill/1')).toBe(false);
  });

  it('UUID_PATTERN is a loose 8-4-4-4-12 hex check', () => {
    expect(UUID_PATTERN.test('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('2D1C7A4E-5B0F-4C8E-9A51-7E3F0D6B8C21')).toBe(true);
    expect(isUuid('2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c2')).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid(' 00000000-0000-0000-0000-000000000000')).toBe(false);
  });
});

describe('auditFieldsSchema', () => {
  it('requires id only', () => {
    expect(auditFieldsSchema.safeParse({ id: 'x' }).success).toBe(true);
    expect(auditFieldsSchema.safeParse({ version: 1 }).success).toBe(false);
    expect(auditFieldsSchema.safeParse({ id: 'x', version: 1.5 }).success).toBe(false);
  });
});

describe('pageSchema', () => {
  const schema = pageSchema(z.object({ id: z.string() }));

  it('parses data and a cursor, and keeps extra envelope fields', () => {
    expect(schema.parse({ data: [{ id: 'a' }], nextToken: 't', extra: 1 })).toEqual({
      data: [{ id: 'a' }],
      nextToken: 't',
      extra: 1,
    });
  });

  it('accepts an absent, null or empty nextToken', () => {
    expect(schema.parse({ data: [] }).nextToken).toBeUndefined();
    expect(schema.parse({ data: [], nextToken: null }).nextToken).toBeNull();
    expect(schema.parse({ data: [], nextToken: '' }).nextToken).toBe('');
  });

  it('reads a body without data as an empty page, but rejects bad items', () => {
    expect(schema.parse({})).toEqual({ data: [] });
    const result = schema.safeParse({ data: [{ id: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 0, 'id']);
  });
});
