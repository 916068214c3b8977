import { beforeEach, describe, expect, it } from 'vitest';
import { solvimonRevision, valueAtPath, type SolvimonIntegration } from '../../api/solvimon';
import { resetDemoStore, solvimonDemoStore } from '../../mocks/node';
import { SOLVIMON_SEED_IDS } from '../../mocks/solvimon/seed';
import {
  emptyFormValues,
  findProblems,
  formFieldOf,
  keepSecretsOnResolve,
  toCreateRequest,
  toFormValues,
  toUpdateRequest,
  unsavedFields,
  type SolvimonFormValues,
} from './form-model';

beforeEach(() => resetDemoStore());

const seeded = (id: string): SolvimonIntegration => solvimonDemoStore().get(id);
const problemsOf = (values: SolvimonFormValues, loaded?: SolvimonIntegration) =>
  Object.fromEntries(findProblems(values, { mode: loaded ? 'edit' : 'create', loaded }));

describe('the form and Solvimon’s integration', () => {
  it('saves every seeded integration unchanged when nothing was edited, unknown fields and secrets kept', () => {
    for (const id of Object.values(SOLVIMON_SEED_IDS)) {
      const loaded = seeded(id);
      const values = toFormValues(loaded);
      expect(findProblems(values, { mode: 'edit', loaded }), id).toEqual([]);
      const secretsBefore = solvimonDemoStore().secretsOf(id);
      const body = toUpdateRequest(values, loaded);
      expect(JSON.stringify(body)).not.toContain('********');
      if (loaded.status === 'ARCHIVED') continue;
      const saved = solvimonDemoStore().update(id, body);
      expect(solvimonRevision(saved), id).toBe(solvimonRevision(loaded));
      expect(solvimonDemoStore().secretsOf(id)).toEqual(secretsBefore);
      expect(unsavedFields(values, saved), id).toEqual([]);
    }
  });

  it('keeps a field Solvimon has that the form does not know', () => {
    const loaded = { ...seeded(SOLVIMON_SEED_IDS.stripeLive), future_field: { a: 1 } };
    const body = toUpdateRequest({ ...toFormValues(loaded), name: 'Renamed' }, loaded);
    expect(body).toMatchObject({ name: 'Renamed', future_field: { a: 1 } });
  });

  it('sends a secret only when replaced or cleared', () => {
    const loaded = seeded(SOLVIMON_SEED_IDS.stripeLive);
    const path = ['payment_gateway', 'stripe', 'signing_secret'];
    const values = toFormValues(loaded);
    expect(valueAtPath(toUpdateRequest(values, loaded), path)).toBeUndefined();
    const replaced = {
      ...values,
      secrets: { ...values.secrets, stripe_signing: { value: 'whsec_new', clear: false } },
    };
    expect(valueAtPath(toUpdateRequest(replaced, loaded), path)).toBe('whsec_new');
    const cleared = {
      ...values,
      secrets: { ...values.secrets, stripe_signing: { value: '', clear: true } },
    };
    expect(valueAtPath(toUpdateRequest(cleared, loaded), path)).toBeNull();
    solvimonDemoStore().update(loaded.id, toUpdateRequest(cleared, loaded));
    expect(solvimonDemoStore().secretsOf(loaded.id)).toEqual([]);
  });

  it('switching the credentials method drops the old method and its secret', () => {
    const loaded = seeded(SOLVIMON_SEED_IDS.mailgunEu);
    expect(toFormValues(loaded).auth_method).toBe('api_key');
    const values = {
      ...toFormValues(loaded),
      auth_method: 'username_password',
      auth_public: 'api',
      secrets: { ...toFormValues(loaded).secrets, auth: { value: 'pw-1', clear: false } },
    };
    const body = toUpdateRequest(values, loaded);
    expect(body.authentication).toEqual({
      username_password: { username: 'api', password: 'pw-1' },
    });
  });

  it('creates one integration of each type from what the form holds', () => {
    const base = { ...emptyFormValues(), reference: '' };
    const cases: Array<Partial<SolvimonFormValues>> = [
      { type: 'PAYMENT_GATEWAY', pg_variant: 'STRIPE', stripe_public_key: 'pk_test_1' },
      {
        type: 'PAYMENT_GATEWAY',
        pg_variant: 'ADYEN',
        adyen_company_account: 'Acme',
        adyen_environment: 'TEST',
        adyen_merchant_accounts: ['AcmeEU'],
      },
      {
        type: 'E_INVOICING',
        ei_processor: 'AVALARA',
        mandates: [
          {
            name: 'BE Peppol',
            country: 'BE',
            include_pdf_in_einvoice: true,
            mappings: [
              { target: 'cbc:BuyerReference', source: 'customer.reference', description: '' },
            ],
            condition_groups: [
              {
                conditions: [{ field: 'customer.country', comparator_type: 'EQUALS', value: 'BE' }],
              },
            ],
          },
        ],
      },
      {
        type: 'DATA_EXPORT',
        de_variant: 'S3',
        s3_bucket_name: 'b',
        s3_bucket_region: 'eu-west-1',
        s3_authentication_type: 'IAM_ROLE',
        s3_role_arn: 'arn:aws:iam::1:role/x',
      },
      {
        type: 'TAX_CALCULATION',
        tax_variant: 'AVATAX',
        avatax_company_code: 'ACME',
        tax_custom_codes: [{ field: 'PRODUCT_FALLBACK', value: 'SW054000' }],
      },
      {
        type: 'EMAIL_PROVIDER',
        email_variant: 'MAILGUN',
        mailgun_domain: 'mg.example.com',
        mailgun_region: 'EU',
        email_window_type: 'DAY',
        email_window_value: '3',
      },
    ];
    cases.forEach((fields, i) => {
      const values = { ...base, ...fields, reference: `new-${i}` } as SolvimonFormValues;
      expect(
        findProblems(values, { mode: 'create', loaded: undefined }),
        String(fields.type),
      ).toEqual([]);
      const created = solvimonDemoStore().create(toCreateRequest(values));
      expect(created.status).toBe('DRAFT');
      expect(unsavedFields(values, created), String(fields.type)).toEqual([]);
    });
  });
});

describe('what a save sends after the form changed shape', () => {
  it('clears a field its condition now hides (a live prefix on a TEST account)', () => {
    const loaded = seeded(SOLVIMON_SEED_IDS.adyenPlatform);
    expect(loaded.payment_gateway?.adyen?.live_prefix).toBeTruthy();
    const body = toUpdateRequest({ ...toFormValues(loaded), adyen_environment: 'TEST' }, loaded);
    expect(body.payment_gateway?.adyen).toMatchObject({ environment: 'TEST', live_prefix: null });
  });

  it('after a conflict, keeps a typed secret only where it still goes to the same place', () => {
    const mine = {
      ...toFormValues(seeded(SOLVIMON_SEED_IDS.mailgunEu)),
      auth_method: 'client_credentials',
      auth_public: 'client-1',
    };
    mine.secrets = { ...mine.secrets, auth: { value: 'cs-typed', clear: false } };
    const theirs = toFormValues(seeded(SOLVIMON_SEED_IDS.mailgunEu)); // still an API key
    expect(keepSecretsOnResolve(theirs, mine).secrets.auth.value).toBe('');
    expect(
      keepSecretsOnResolve({ ...theirs, auth_method: 'client_credentials' }, mine).secrets.auth
        .value,
    ).toBe('cs-typed');
  });

  it('is not a conflict when only the status or its message changed elsewhere', () => {
    const loaded = seeded(SOLVIMON_SEED_IDS.stripeLive);
    expect(
      solvimonRevision({ ...loaded, status: 'DEPRECATED', message: 'Deprecated by ops' }),
    ).toBe(solvimonRevision(loaded));
    expect(solvimonRevision({ ...loaded, name: 'Renamed' })).not.toBe(solvimonRevision(loaded));
  });
});

describe('checks before a save', () => {
  it('puts each problem at its field', () => {
    const values = {
      ...emptyFormValues(),
      reference: 'has space',
      name: 'two\nlines',
      type: 'E_INVOICING',
      ei_processor: '',
      mandates: [
        {
          name: '',
          country: 'Belgium',
          include_pdf_in_einvoice: false,
          mappings: [{ target: '', source: 'x', description: '' }],
          condition_groups: [
            { conditions: [{ field: 'customer.country', comparator_type: 'IN', value: '' }] },
          ],
        },
      ],
      linked_resources: [
        {
          resource_type: 'CUSTOMER',
          link_details: [{ base_url: 'javascript:alert(1)', custom_field_reference: '' }],
        },
      ],
      auth_method: 'client_credentials',
      auth_public: '',
    } as SolvimonFormValues;
    expect(problemsOf(values)).toEqual({
      reference: 'Must not contain spaces',
      name: 'Must be a single line',
      ei_processor: 'Choose the processor',
      auth_public: 'Enter the client id',
      'secrets.auth.value': 'Enter the client secret: none is stored',
      'mandates.0.name': 'Enter the mandate’s name',
      'mandates.0.country': 'Use the two-letter country code, e.g. BE',
      'mandates.0.mappings.0.target': 'Enter the e-invoice field',
      'mandates.0.condition_groups.0.conditions.0.value': 'Enter the value to compare with',
      'linked_resources.0.link_details.0.base_url': 'Enter a full http:// or https:// address',
      'linked_resources.0.link_details.0.custom_field_reference':
        'Enter the custom field that holds the id',
    });
  });

  it('tells a Stripe secret key from the publishable key the field wants', () => {
    const values = {
      ...toFormValues(seeded(SOLVIMON_SEED_IDS.stripeLive)),
      stripe_public_key: 'sk_live_1',
    };
    expect(problemsOf(values, seeded(SOLVIMON_SEED_IDS.stripeLive))).toEqual({
      stripe_public_key:
        'A publishable key starts with pk_live_ or pk_test_ (a secret sk_ key does not belong here)',
    });
  });

  it('does not ask again for a secret Solvimon holds', () => {
    const loaded = seeded(SOLVIMON_SEED_IDS.avalaraEu);
    expect(problemsOf(toFormValues(loaded), loaded)).toEqual({});
  });
});

describe('where Solvimon’s error field lands', () => {
  it.each([
    ['reference', 'reference'],
    ['payment_gateway.stripe.public_key', 'stripe_public_key'],
    ['payment_gateway.adyen.merchant_accounts.1', 'adyen_merchant_accounts'],
    [
      'e_invoicing.mandates.0.condition_groups.1.conditions.0.value',
      'mandates.0.condition_groups.1.conditions.0.value',
    ],
    ['authentication.api_key.header', 'auth_public'],
    ['authentication.client_credentials.client_secret', 'secrets.auth.value'],
    [
      'payment_gateway.adyen.balance_platform_details.authentication.username_password.username',
      'adyen_bp_auth_public',
    ],
    ['data_export.bigquery.gcs_hmac_key_secret', 'secrets.bigquery_hmac.value'],
    [
      'linked_resources_configurations.0.link_details.0.base_url',
      'linked_resources.0.link_details.0.base_url',
    ],
    ['data_export', 'de_variant'],
    ['something_else', undefined],
  ])('%s → %s', (apiField, formField) => {
    expect(formFieldOf(apiField)).toBe(formField);
  });
});
