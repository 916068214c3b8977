/**
 * The fake Solvimon's demo platform: every integration type and variant, every status, and a few in
 * ERROR with the message the provider's failure would leave. Fixed data, so every run, tab and test
 * sees the same. Secrets are listed by path only (`secrets`): the fake never holds a secret's value, and
 * answers SOLVIMON_SECRET_MASK at each listed path (docs/solvimon-api.md Decision 1), so the console can
 * show which are set.
 */
import type { SolvimonIntegration, SolvimonMandate } from '../../api/solvimon';
import { DEFAULT_MANDATES } from './mandates';

export interface SeedIntegration {
  integration: SolvimonIntegration;
  /**
   * Dotted paths of the secrets this integration has set (see SOLVIMON_SECRET_PATHS): answered as the
   * mask, never stored as a value.
   */
  secrets: string[];
}

/** Ids of well-known integrations, for tests and the docs. */
export const SOLVIMON_SEED_IDS = {
  stripeLive: 'intg_7Kp2mQ9xLs4vT1aB',
  stripeTest: 'intg_3Hd8wE5rNc2yU6oP',
  adyenPlatform: 'intg_9Fj4kZ1bVg7mX3qR',
  adyenSystem: 'intg_5Tn6pA2sDh8cW4eY',
  avalaraEu: 'intg_2Lq7vB9nMx3kF5tG',
  avalaraFr: 'intg_8Rw1cJ6hQz4pS2uD',
  s3Export: 'intg_4Yx9gK3mTb6vN1wC',
  bigqueryExport: 'intg_6Ue2rH8jLp5dA9sF',
  gcsExport: 'intg_1Zc5nV7qWk2xE8mB',
  snowflakeExport: 'intg_7Gs3dF9tYh1bR6nK',
  avataxUs: 'intg_3Pm8kL2wQv5cT9xJ',
  avataxCa: 'intg_9Ba4hN6sZe1gU7rM',
  avataxLegacy: 'intg_5Dv1xC8pKj3mW2qT',
  systemEmail: 'intg_2Wn6tG4yRb9fH5kL',
  mailgunEu: 'intg_8Kc3mP7vSx2nD6jQ',
  mailgunUs: 'intg_4Qh9bT1rVz6wY3pE',
} as const;

const ID = SOLVIMON_SEED_IDS;

const BILLING_ENTITIES = {
  us: 'bent_0c1f8a2e9d4b7c63',
  ca: 'bent_5e2d9b7a1c8f4e06',
  eu: 'bent_a93c6e1d5f2b8a74',
};

const CUSTOMER_LINKS = (baseUrl: string, customField: string) => ({
  resource_type: 'CUSTOMER',
  link_details: [{ base_url: baseUrl, custom_field_reference: customField }],
});

function mandate(name: string): SolvimonMandate {
  const found = DEFAULT_MANDATES.find((m) => m.name === name);
  if (!found) throw new Error(`No default mandate ${name}`);
  return found;
}

function integration(fields: SolvimonIntegration): SolvimonIntegration {
  return { object_type: 'INTEGRATION', message: null, ...fields };
}

export function seedIntegrations(): SeedIntegration[] {
  return structuredClone([
    {
      integration: integration({
        id: ID.stripeLive,
        reference: 'stripe-eu-live',
        name: 'Stripe EU (live)',
        description: 'Cards and SEPA Direct Debit for customers billed in EUR',
        status: 'ACTIVE',
        type: 'PAYMENT_GATEWAY',
        payment_gateway: {
          variant: 'STRIPE',
          stripe: { public_key: 'pk_live_51NfQ2aEUdemoAcmeBilling0000000000' },
        },
        linked_resources_configurations: [
          CUSTOMER_LINKS('https://dashboard.stripe.com/customers/', 'stripe_customer_id'),
        ],
      }),
      secrets: ['payment_gateway.stripe.signing_secret'],
    },
    {
      integration: integration({
        id: ID.stripeTest,
        reference: 'stripe-us-test',
        name: 'Stripe US (test mode)',
        description: 'Trying out card payments for the US billing entity',
        status: 'TESTING',
        type: 'PAYMENT_GATEWAY',
        payment_gateway: {
          variant: 'STRIPE',
          stripe: { public_key: 'pk_test_51NfQ2aUSdemoAcmeBilling0000000000' },
        },
        linked_resources_configurations: [
          CUSTOMER_LINKS('https://dashboard.stripe.com/test/customers/', 'stripe_test_customer_id'),
        ],
      }),
      secrets: ['payment_gateway.stripe.signing_secret'],
    },
    {
      integration: integration({
        id: ID.adyenPlatform,
        reference: 'adyen-platform-live',
        name: 'Adyen for Platforms (live)',
        description: 'Split payments to sellers through the Adyen balance platform',
        status: 'ACTIVE',
        type: 'PAYMENT_GATEWAY',
        payment_gateway: {
          variant: 'ADYEN',
          adyen: {
            company_account: 'AcmeBillingCOM',
            environment: 'LIVE',
            live_prefix: '1797a841fbb37ca7-AcmeBilling',
            merchant_accounts: ['AcmeBillingEU', 'AcmeBillingUK'],
            public_key: 'live_7HQX2ZKJ4BFRNDEMO0000000000',
            ownership: 'PLATFORM',
            balance_platform_details: {
              account: 'AH3227C223222C5GXQXF658WB',
              authentication: { api_key: { header: 'X-API-Key' } },
            },
            legal_entity_manager_details: {
              authentication: {
                username_password: { username: 'ws_318906@Scope.Company_AcmeBilling' },
              },
            },
            enabled_payment_methods: ['scheme', 'sepadirectdebit', 'ideal', 'klarna_paynow'],
          },
        },
        linked_resources_configurations: [
          {
            resource_type: 'CUSTOMER',
            link_details: [
              {
                base_url: 'https://ca-live.adyen.com/ca/ca/accounts/showAccountHolder.shtml?id=',
                custom_field_reference: 'adyen_account_holder_id',
              },
            ],
          },
        ],
      }),
      secrets: [
        'payment_gateway.adyen.signing_secret',
        'payment_gateway.adyen.balance_platform_details.authentication.api_key.value',
        'payment_gateway.adyen.legal_entity_manager_details.authentication.username_password.password',
      ],
    },
    {
      integration: integration({
        id: ID.adyenSystem,
        reference: 'adyen-store-test',
        name: 'Adyen in-store (test)',
        description: 'Terminal payments for the Amsterdam store',
        status: 'ERROR',
        message:
          'Adyen answered 401 Unauthorized (errorCode 000, "Not allowed") for the balance platform API: ' +
          'the API key of ws_204117@BalancePlatform.AcmeTest was revoked. Enter a new key and activate ' +
          'the integration again.',
        type: 'PAYMENT_GATEWAY',
        payment_gateway: {
          variant: 'ADYEN',
          adyen: {
            company_account: 'AcmeBillingCOM',
            environment: 'TEST',
            merchant_accounts: ['AcmeBillingPOS'],
            public_key: 'test_2VQW9BDEMO0000000000000000',
            ownership: 'SYSTEM',
            system_ownership_details: {
              account_holder_id: 'AH32272223222B5CM4MWJ892H',
              balance_account_id: 'BA3227C223222B5CTBLR8BWJB',
              legal_entity_id: 'LE3227C223222D5D8S5S33M4M',
              store_id: 'ST3224Z223224W5J6C6H4RBFD',
            },
            balance_platform_details: {
              account: 'AH32272223222B5CM4MWJ892H',
              authentication: { api_key: { header: 'X-API-Key' } },
            },
            enabled_payment_methods: ['scheme', 'maestro'],
          },
        },
        linked_resources_configurations: [],
      }),
      secrets: ['payment_gateway.adyen.signing_secret'],
    },
    {
      integration: integration({
        id: ID.avalaraEu,
        reference: 'avalara-einvoicing-eu',
        name: 'Avalara e-invoicing (Belgium, Germany, Italy)',
        description: 'Peppol, XRechnung and SDI invoices for EU customers',
        status: 'ACTIVE',
        type: 'E_INVOICING',
        authentication: { client_credentials: { client_id: 'acme-billing-elr-prod' } },
        e_invoicing: {
          processor: 'AVALARA',
          mandates: ['BE-B2B-PEPPOL', 'DE-B2G-XRECHNUNG', 'IT-B2B-SDI'].map(mandate),
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.client_credentials.client_secret'],
    },
    {
      integration: integration({
        id: ID.avalaraFr,
        reference: 'avalara-einvoicing-fr',
        name: 'Avalara e-invoicing (France)',
        description: 'Factur-X through a certified platform (PDP) from September 2026',
        status: 'PENDING',
        message:
          'Waiting for Avalara to confirm the registration of SIREN 552 100 554 with its PDP ' +
          '(requested on 2026-11-16).',
        type: 'E_INVOICING',
        authentication: { client_credentials: { client_id: 'acme-billing-elr-fr' } },
        e_invoicing: { processor: 'AVALARA', mandates: [mandate('FR-B2B-FACTURX')] },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.client_credentials.client_secret'],
    },
    {
      integration: integration({
        id: ID.s3Export,
        reference: 's3-billing-export',
        name: 'Nightly export to S3',
        description: 'Invoices, payments and usage as Parquet for the data team',
        status: 'ACTIVE',
        type: 'DATA_EXPORT',
        data_export: {
          variant: 'S3',
          transport_type: 'PARQUET',
          s3: {
            bucket_name: 'acme-billing-exports',
            bucket_path: 'solvimon/daily/',
            bucket_region: 'eu-west-1',
            authentication_type: 'IAM_ROLE',
            role_arn: 'arn:aws:iam::123456789012:role/solvimon-export-writer',
            external_id: 'solvimon-acme-7f3c2d',
          },
        },
        linked_resources_configurations: [],
      }),
      secrets: [],
    },
    {
      integration: integration({
        id: ID.bigqueryExport,
        reference: 'bigquery-finance',
        name: 'BigQuery (finance analytics)',
        description: 'Revenue tables for the finance dashboards',
        status: 'ERROR',
        message:
          'Export run of 2026-11-20 02:00 UTC failed: Access Denied: Dataset acme-analytics:billing: ' +
          'Permission bigquery.tables.create denied on dataset acme-analytics:billing (or it may not ' +
          'exist).',
        type: 'DATA_EXPORT',
        data_export: {
          variant: 'BIGQUERY',
          bigquery: {
            project_id: 'acme-analytics',
            dataset_id: 'billing',
            dataset_location: 'EU',
            gcs_bucket_name: 'acme-analytics-staging',
            gcs_hmac_key_access_id: 'GOOG1EDEMOACCESSID0000000000000000000000000000000000',
          },
        },
        linked_resources_configurations: [],
      }),
      secrets: ['data_export.bigquery.gcs_hmac_key_secret'],
    },
    {
      integration: integration({
        id: ID.gcsExport,
        reference: 'gcs-usage-archive',
        name: 'Usage archive on GCS',
        description: '',
        status: 'DRAFT',
        type: 'DATA_EXPORT',
        data_export: {
          variant: 'GCS',
          gcs: {
            bucket_region: 'europe-west4',
            bucket_name: 'acme-usage-archive',
            bucket_path: 'raw/',
            flattening: true,
          },
        },
        linked_resources_configurations: [],
      }),
      secrets: [],
    },
    {
      integration: integration({
        id: ID.snowflakeExport,
        reference: 'snowflake-legacy',
        name: 'Snowflake (replaced by S3)',
        description: 'Kept until the finance team has moved its reports',
        status: 'DEPRECATED',
        type: 'DATA_EXPORT',
        authentication: { username_password: { username: 'SOLVIMON_EXPORT' } },
        data_export: {
          variant: 'SNOWFLAKE',
          snowflake: {
            host: 'acme-eu.snowflakecomputing.com',
            role: 'BILLING_LOADER',
            warehouse: 'LOAD_WH',
            database: 'BILLING',
            schema: 'SOLVIMON',
          },
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.username_password.password'],
    },
    {
      integration: integration({
        id: ID.avataxUs,
        reference: 'avatax-us',
        name: 'AvaTax (US)',
        description: 'Sales tax for the US billing entity, filed through Avalara Returns',
        status: 'ACTIVE',
        type: 'TAX_CALCULATION',
        authentication: { username_password: { username: '2000123456' } },
        tax_calculation: {
          billing_entity_id: BILLING_ENTITIES.us,
          variant: 'AVATAX',
          ava_tax: { company_code: 'ACMEUS' },
          custom_tax_codes: [
            { field: 'INVOICE_COMMITMENT', value: 'SW054000' },
            { field: 'PRODUCT_FALLBACK', value: 'P0000000' },
          ],
          enable_tax_filing: true,
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.username_password.password'],
    },
    {
      integration: integration({
        id: ID.avataxCa,
        reference: 'avatax-ca',
        name: 'AvaTax (Canada)',
        description: 'GST/HST and QST for the Canadian billing entity',
        status: 'ERROR',
        message:
          'AvaTax answered CompanyNotFoundError: company code ACMECA does not exist in account ' +
          '2000123456. Check the code under Settings → All AvaTax settings → Companies.',
        type: 'TAX_CALCULATION',
        authentication: { username_password: { username: '2000123456' } },
        tax_calculation: {
          billing_entity_id: BILLING_ENTITIES.ca,
          variant: 'AVATAX',
          ava_tax: { company_code: 'ACMECA' },
          custom_tax_codes: [],
          enable_tax_filing: false,
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.username_password.password'],
    },
    {
      integration: integration({
        id: ID.avataxLegacy,
        reference: 'avatax-eu-2024',
        name: 'AvaTax (EU, 2024 set-up)',
        description: 'Archived when EU VAT moved to the billing entity settings',
        status: 'ARCHIVED',
        type: 'TAX_CALCULATION',
        authentication: { username_password: { username: '2000098765' } },
        tax_calculation: {
          billing_entity_id: BILLING_ENTITIES.eu,
          variant: 'AVATAX',
          ava_tax: { company_code: 'ACMEEU' },
          enable_tax_filing: false,
        },
        linked_resources_configurations: [],
      }),
      secrets: [],
    },
    {
      integration: integration({
        id: ID.systemEmail,
        reference: 'email-system',
        name: 'Solvimon email',
        description: 'Invoices and reminders from Solvimon’s own sender',
        status: 'ACTIVE',
        type: 'EMAIL_PROVIDER',
        email_provider: {
          variant: 'SYSTEM',
          delivery_window: { type: 'DAY', value: 1 },
          use_localized_templates: true,
        },
        linked_resources_configurations: [],
      }),
      secrets: [],
    },
    {
      integration: integration({
        id: ID.mailgunEu,
        reference: 'mailgun-eu',
        name: 'Mailgun (EU domain)',
        description: 'Invoices sent from billing@mg.acme-billing.eu',
        status: 'PENDING',
        message:
          'Waiting for DNS verification of mg.acme-billing.eu: the SPF (TXT) and DKIM ' +
          '(pic._domainkey) records are not visible yet.',
        type: 'EMAIL_PROVIDER',
        authentication: { api_key: { header: 'Authorization' } },
        email_provider: {
          variant: 'MAILGUN',
          mailgun: { domain: 'mg.acme-billing.eu', region: 'EU', plan: 'Foundation' },
          use_localized_templates: true,
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.api_key.value'],
    },
    {
      integration: integration({
        id: ID.mailgunUs,
        reference: 'mailgun-us',
        name: 'Mailgun (US domain)',
        description: 'Invoices sent from billing@mg.acme-billing.com',
        status: 'ERROR',
        message:
          'Mailgun answered 401 Forbidden for domain mg.acme-billing.com: the API key is not valid ' +
          'for this account. Sending has stopped since 2026-11-19 17:42 UTC.',
        type: 'EMAIL_PROVIDER',
        authentication: { api_key: { header: 'Authorization' } },
        email_provider: {
          variant: 'MAILGUN',
          mailgun: { domain: 'mg.acme-billing.com', region: 'US', plan: null },
          delivery_window: { type: 'WEEK', value: 1 },
          use_localized_templates: false,
        },
        linked_resources_configurations: [],
      }),
      secrets: ['authentication.api_key.value'],
    },
  ]);
}
