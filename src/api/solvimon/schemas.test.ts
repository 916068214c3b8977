import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { InvalidResponseError } from '../transport';
import { solvimonIntegrationsApi } from './integrations';
import {
  solvimonIntegrationCreateRequestSchema,
  solvimonIntegrationPageSchema,
  solvimonIntegrationSchema,
  solvimonIntegrationUpdateRequestSchema,
  solvimonMandateSchema,
} from './schemas';

const minimal = { id: 'intg_1', reference: 'ref', type: 'PAYMENT_GATEWAY' };

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: unknown[] }> } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('solvimonIntegrationSchema (responses)', () => {
  it('needs only id, reference and type; everything else may be absent or null', () => {
    expect(solvimonIntegrationSchema.parse(minimal)).toEqual(minimal);
    const nulls = {
      ...minimal,
      object_type: null,
      name: null,
      description: null,
      status: null,
      message: null,
      authentication: null,
      payment_gateway: { variant: null, stripe: { public_key: null, signing_secret: null } },
      linked_resources_configurations: null,
    };
    expect(solvimonIntegrationSchema.parse(nulls)).toEqual(nulls);
    expect(issuesOf(solvimonIntegrationSchema.safeParse({ reference: 'r' }))).toEqual([
      'id',
      'type',
    ]);
    expect(issuesOf(solvimonIntegrationSchema.safeParse({ ...minimal, id: '' }))).toEqual(['id']);
  });

  it('keeps unknown types, statuses, variants and fields (open enums, loose objects)', () => {
    const future = {
      ...minimal,
      type: 'CRM_SYNC',
      status: 'SUSPENDED',
      crm_sync: { variant: 'HUBSPOT' },
      payment_gateway: {
        variant: 'MOLLIE',
        mollie: { profile_id: 'pfl_1' },
        adyen: { environment: 'STAGING', ownership: 'SHARED', new_flag: true },
      },
      e_invoicing: {
        processor: 'STORECOVE',
        mandates: [
          {
            name: 'X',
            condition_groups: [{ conditions: [{ comparator_type: 'MATCHES', value: 'a' }] }],
          },
        ],
      },
      data_export: { variant: 'REDSHIFT', s3: { authentication_type: 'OIDC' } },
      email_provider: { variant: 'SES', delivery_window: { type: 'HOUR', value: 6 } },
    };
    expect(solvimonIntegrationSchema.parse(future)).toEqual(future);
  });

  it('rejects wrong types inside a section, naming the path', () => {
    const bad = {
      ...minimal,
      tax_calculation: { custom_tax_codes: [{ field: 'PRODUCT_FALLBACK', value: 7 }] },
    };
    expect(issuesOf(solvimonIntegrationSchema.safeParse(bad))).toEqual([
      'tax_calculation.custom_tax_codes.0.value',
    ]);
    expect(
      issuesOf(
        solvimonIntegrationSchema.safeParse({
          ...minimal,
          email_provider: { delivery_window: { value: 1.5 } },
        }),
      ),
    ).toEqual(['email_provider.delivery_window.value']);
  });

  it('a page needs `data`; the paging fields may be null', () => {
    expect(
      solvimonIntegrationPageSchema.parse({
        data: [minimal],
        page: null,
        limit: null,
        total_number_of_pages: null,
        links: { first: null, previous: null, current: null, next: null },
      }).data,
    ).toEqual([minimal]);
    expect(issuesOf(solvimonIntegrationPageSchema.safeParse({ page: 1 }))).toEqual(['data']);
  });

  it('mandates keep their mappings and condition groups', () => {
    const mandate = {
      name: 'BE-B2B-PEPPOL',
      country: 'BE',
      mappings: [{ target: 'cbc:BuyerReference', source: null, description: null }],
      condition_groups: [
        { conditions: [{ field: 'customer.country', comparator_type: 'IN', value: 'BE,NL' }] },
      ],
      include_pdf_in_einvoice: null,
      supported_file_formats: [{ type: 'UBL', description: 'UBL 2.1' }],
    };
    expect(solvimonMandateSchema.parse(mandate)).toEqual(mandate);
  });
});

describe('request schemas: Solvimon’s text rules', () => {
  const create = (fields: Record<string, unknown>) =>
    solvimonIntegrationCreateRequestSchema.safeParse({
      reference: 'r',
      type: 'DATA_EXPORT',
      ...fields,
    });

  it('reference: required, no whitespace, 1–256 characters', () => {
    expect(create({}).success).toBe(true);
    expect(create({ reference: 'r'.repeat(256) }).success).toBe(true);
    for (const reference of ['', 'a b', 'tab\there', 'r'.repeat(257), undefined]) {
      expect(issuesOf(create({ reference }))).toEqual(['reference']);
    }
  });

  it('name and description: one line of at most 256 characters, empty allowed', () => {
    expect(create({ name: '', description: '' }).success).toBe(true);
    expect(create({ name: 'Stripe EU — live (€)' }).success).toBe(true);
    expect(issuesOf(create({ name: 'two\nlines' }))).toEqual(['name']);
    expect(issuesOf(create({ description: 'd'.repeat(257) }))).toEqual(['description']);
  });

  it('type is required on create; an unknown one is left to the server', () => {
    expect(issuesOf(create({ type: undefined }))).toEqual(['type']);
    expect(create({ type: 'CRM_SYNC' }).success).toBe(true);
  });

  it('update needs what the docs page marks required', () => {
    const result = solvimonIntegrationUpdateRequestSchema.safeParse({ reference: 'r' });
    expect(issuesOf(result).sort()).toEqual(
      ['description', 'linked_resources_configurations', 'name', 'type'].sort(),
    );
  });
});

describe('malformed bodies reach the caller as InvalidResponseError', () => {
  it('an integration without an id, or a list whose item has a numeric reference', async () => {
    server.use(
      http.get('*/v1/integrations/:id', () =>
        HttpResponse.json({ reference: 'r', type: 'DATA_EXPORT' }),
      ),
      http.get('*/v1/integrations', () =>
        HttpResponse.json({ data: [{ ...minimal, reference: 5 }], page: 1 }),
      ),
    );
    await expect(solvimonIntegrationsApi.get('intg_1')).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
    const error = await solvimonIntegrationsApi.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toMatch(/data\.0\.reference/);
  });
});
