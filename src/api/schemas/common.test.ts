import { z } from 'zod/mini';
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

  it('refuses a body without data: only data: [] is an empty page', () => {
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ nextToken: 't' }).success).toBe(false);
    expect(schema.safeParse({ data: null }).success).toBe(false);
    expect(schema.parse({ data: [] })).toEqual({ data: [] });
  });

  it('keeps the rows that parse and names the others with their id and the problem', () => {
    const rows = pageSchema(z.object({ id: z.string(), dtLastModified: z.string() }));
    const page = rows.parse({
      data: [
        { id: 'a', dtLastModified: '2026-01-01T00:00:00Z' },
        { id: 'b', dtLastModified: null },
        { dtLastModified: 'x' },
        { id: 'd', dtLastModified: '2026-01-02T00:00:00Z' },
        'not an object',
      ],
      nextToken: 't',
    });
    expect(page.data.map((row) => row.id)).toEqual(['a', 'd']);
    expect(page.nextToken).toBe('t');
    expect(page.invalid).toEqual([
      { id: 'b', index: 1, problem: expect.stringMatching(/^dtLastModified: .*null/) as unknown },
      { index: 2, problem: expect.stringMatching(/^id: /) as unknown },
      { index: 4, problem: expect.any(String) as unknown },
    ]);
  });
});
