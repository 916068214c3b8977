import { describe, expect, it } from 'vitest';
import type { IntegrationConfig } from '../../api';
import {
  configFormSchema,
  EMPTY_CONFIG_FORM,
  normalizeFormValues,
  toFormValues,
  toRequest,
  withCredentialsOf,
} from './config-form-model';

const loaded: IntegrationConfig = {
  id: '3e7c1a52-8f4d-4b6e-9a1c-2d5f8e0b7c31',
  version: 7,
  name: 'Stripe – EU',
  entityType: 'Bill',
  destination: 'Stripe',
  destinationId: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  integrationCredentialsId: '1a0b9c8d-7e6f-4a5b-8c4d-3e2f1a0b9c8d',
  configData: { currency: 'EUR', nested: { days: 30 } },
  enabled: true,
  authorized: true,
  triggerType: 'EVENT',
  dtCreated: '2026-01-01T00:00:00Z',
  createdBy: 'USER_a',
  dtLastModified: '2026-02-01T00:00:00Z',
  lastModifiedBy: 'USER_b',
  // A field this console does not know: a full-replace PUT must send it back.
  billingRegion: 'eu-1',
};

describe('config form mappers', () => {
  it('round-trips a loaded config: unchanged values give back the entity, minus server-only fields', () => {
    const body = toRequest(toFormValues(loaded), loaded);
    expect(body).toEqual({
      name: 'Stripe – EU',
      entityType: 'Bill',
      destination: 'Stripe',
      destinationId: loaded.destinationId,
      integrationCredentialsId: loaded.integrationCredentialsId,
      configData: { currency: 'EUR', nested: { days: 30 } },
      billingRegion: 'eu-1',
      version: 7,
    });
  });

  it('puts edits on top and removes cleared optional fields', () => {
    const values = {
      ...toFormValues(loaded),
      name: '  Renamed  ',
      destinationId: '',
      configData: '{"currency": "USD"}',
    };
    const body = toRequest(values, loaded);
    expect(body).toMatchObject({ name: 'Renamed', configData: { currency: 'USD' }, version: 7 });
    expect(body).not.toHaveProperty('destinationId');
    expect(body).toHaveProperty('billingRegion', 'eu-1');
  });

  it('creates without version or server fields, and an empty editor is {}', () => {
    const body = toRequest({ ...EMPTY_CONFIG_FORM, destination: 'Xero', configData: '  ' });
    expect(body).toEqual({ entityType: 'Bill', destination: 'Xero', configData: {} });
  });

  it('sends inline credentials only when asked, and never reads them back', () => {
    const values = {
      ...toFormValues(loaded),
      withCredentials: true,
      credentialsType: 'HTTP_BASIC',
      credentialsName: '',
      credentialsDestination: 'WEBHOOK',
    };
    expect(toRequest(values, loaded).credentials).toEqual({
      type: 'HTTP_BASIC',
      destination: 'WEBHOOK',
      empty: false,
    });
    expect(toRequest({ ...values, withCredentials: false }, loaded)).not.toHaveProperty(
      'credentials',
    );
    expect(toFormValues({ ...loaded, credentials: { type: 'X', secret: 's' } })).not.toHaveProperty(
      'credentials',
    );
  });

  it('keeps the credentials section through a merge, and ignores JSON re-indenting', () => {
    const mine = { ...toFormValues(loaded), withCredentials: true, credentialsType: 'HTTP_BASIC' };
    expect(withCredentialsOf(toFormValues(loaded), mine).credentialsType).toBe('HTTP_BASIC');
    expect(
      normalizeFormValues({ ...mine, configData: '{"currency":"EUR","nested":{"days":30}}' }),
    ).toEqual(normalizeFormValues(mine));
  });
});

describe('configFormSchema', () => {
  const valid = { ...EMPTY_CONFIG_FORM, destination: 'Stripe' };
  /** The first message per field, as the form shows it. */
  const errorsOf = (values: typeof valid) => {
    const result = configFormSchema.safeParse(values);
    const errors: Record<string, string> = {};
    for (const issue of result.success ? [] : result.error.issues) {
      errors[issue.path.join('.')] ??= issue.message;
    }
    return errors;
  };

  it('accepts Bill, Notification and any other well-formed entity type or destination', () => {
    expect(errorsOf({ ...valid, entityType: 'Custom_entity-2', destination: 'my-erp' })).toEqual(
      {},
    );
  });

  it.each([
    ['entityType', { entityType: '' }, /Enter an entity type/],
    ['entityType', { entityType: 'Bill Run' }, /letters, digits/],
    ['destination', { destination: 'Net Suite' }, /letters, digits/],
    ['entityId', { entityId: 'abc' }, /UUID/],
    ['destinationId', { destinationId: '3e7c1a52-8f4d-4b6e-9a1c' }, /UUID/],
    ['integrationCredentialsId', { integrationCredentialsId: 'x' }, /UUID/],
    ['configData', { configData: '{"a": }' }, /Line 1, column 7/],
    ['configData', { configData: '"text"' }, /Must be a JSON object/],
    ['credentialsType', { withCredentials: true }, /Choose a credential type/],
    ['credentialsDestination', { credentialsDestination: 'we b' }, /letters, digits/],
    ['name', { name: 'x'.repeat(201) }, /under 200/],
  ])('rejects a bad %s', (field, change, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toMatch(message);
  });
});
