/**
 * Every field the Solvimon form edits, once: its form key, where it lives in Solvimon's Integration, its
 * label, and when it applies (the integration's type and the section's variant). The form, its
 * validation, the save body, the conflict panel and the mapping of Solvimon's error `field` onto the form
 * all read this table, so a field added here is added everywhere.
 *
 * Form keys are flat (`stripe_public_key`, not `payment_gateway.stripe.public_key`): the conflict panel
 * compares top-level keys, so a flat form compares field by field.
 */
import {
  SOLVIMON_ADYEN_ENVIRONMENTS,
  SOLVIMON_ADYEN_OWNERSHIPS,
  type SOLVIMON_CUSTOM_TAX_CODE_FIELDS,
  SOLVIMON_DATA_EXPORT_VARIANTS,
  type SOLVIMON_E_INVOICING_COMPARATORS,
  SOLVIMON_E_INVOICING_PROCESSORS,
  SOLVIMON_EMAIL_PROVIDER_VARIANTS,
  SOLVIMON_MAILGUN_REGIONS,
  SOLVIMON_PAYMENT_GATEWAY_VARIANTS,
  SOLVIMON_PERIOD_TYPES,
  SOLVIMON_S3_AUTHENTICATION_TYPES,
  SOLVIMON_TAX_CALCULATION_VARIANTS,
} from '../../api/solvimon';
import { solvimonTypeLabel, solvimonVariantLabel } from './labels';

/** What a text field's value must look like beyond one line of at most 256 characters. */
export type TextRule = 'url' | 'country' | 'noSpaces' | 'stripePublishableKey';

export type SectionId =
  'payment_gateway' | 'e_invoicing' | 'data_export' | 'tax_calculation' | 'email_provider';

/** Where a field applies: always (`section` undefined), or in a section, maybe only for one variant. */
interface Scope {
  section?: SectionId;
  /** The section's variant this field belongs to (`STRIPE`, `S3`, …); any variant when undefined. */
  variant?: string;
  /** Only when another field has one of these values, e.g. Adyen's live prefix when LIVE. */
  when?: { key: string; values: readonly string[] };
}

interface FieldBase extends Scope {
  key: string;
  /** The path in Solvimon's Integration. */
  path: readonly string[];
  label: string;
  description?: string;
  required?: boolean;
}

export type ScalarField =
  | (FieldBase & { kind: 'text'; placeholder?: string; rule?: TextRule })
  | (FieldBase & {
      kind: 'select';
      options: readonly string[];
      optionLabels?: Record<string, string>;
    })
  | (FieldBase & { kind: 'switch' })
  | (FieldBase & { kind: 'integer'; min?: number })
  | (FieldBase & { kind: 'list'; placeholder?: string });

const PG = 'payment_gateway' as const;
const ADYEN = [PG, 'adyen'] as const;
const DE = 'data_export' as const;
const TAX = 'tax_calculation' as const;
const EMAIL = 'email_provider' as const;

type WithoutScope<T> = T extends unknown ? Omit<T, 'section' | 'variant'> : never;

const adyen = (rest: WithoutScope<ScalarField>): ScalarField => ({
  ...rest,
  section: PG,
  variant: 'ADYEN',
});

/** A section's variants named as everywhere else in the console (./labels.ts). */
const variantLabels = (variants: readonly string[]): Record<string, string> =>
  Object.fromEntries(variants.map((v) => [v, solvimonVariantLabel(v)]));

/** The variant (or processor) of each section: the first field of its form. */
export const VARIANT_FIELDS = {
  payment_gateway: {
    key: 'pg_variant',
    path: [PG, 'variant'],
    label: 'Provider',
    kind: 'select',
    options: SOLVIMON_PAYMENT_GATEWAY_VARIANTS,
    optionLabels: variantLabels(SOLVIMON_PAYMENT_GATEWAY_VARIANTS),
    section: PG,
    required: true,
  },
  e_invoicing: {
    key: 'ei_processor',
    path: ['e_invoicing', 'processor'],
    label: 'Processor',
    kind: 'select',
    options: SOLVIMON_E_INVOICING_PROCESSORS,
    optionLabels: variantLabels(SOLVIMON_E_INVOICING_PROCESSORS),
    section: 'e_invoicing',
    required: true,
  },
  data_export: {
    key: 'de_variant',
    path: [DE, 'variant'],
    label: 'Destination',
    kind: 'select',
    options: SOLVIMON_DATA_EXPORT_VARIANTS,
    optionLabels: variantLabels(SOLVIMON_DATA_EXPORT_VARIANTS),
    section: DE,
    required: true,
  },
  tax_calculation: {
    key: 'tax_variant',
    path: [TAX, 'variant'],
    label: 'Tax engine',
    kind: 'select',
    options: SOLVIMON_TAX_CALCULATION_VARIANTS,
    optionLabels: variantLabels(SOLVIMON_TAX_CALCULATION_VARIANTS),
    section: TAX,
    required: true,
  },
  email_provider: {
    key: 'email_variant',
    path: [EMAIL, 'variant'],
    label: 'Email provider',
    kind: 'select',
    options: SOLVIMON_EMAIL_PROVIDER_VARIANTS,
    optionLabels: variantLabels(SOLVIMON_EMAIL_PROVIDER_VARIANTS),
    section: EMAIL,
    required: true,
  },
} as const satisfies Record<SectionId, ScalarField>;

/** The fields of each section after its variant, in the order the form shows them. */
export const SECTION_FIELDS: readonly ScalarField[] = [
  // payment_gateway · Stripe
  {
    key: 'stripe_public_key',
    path: [PG, 'stripe', 'public_key'],
    label: 'Publishable key',
    description: 'pk_live_… or pk_test_…',
    kind: 'text',
    rule: 'stripePublishableKey',
    section: PG,
    variant: 'STRIPE',
    required: true,
  },
  // payment_gateway · Adyen
  adyen({
    key: 'adyen_company_account',
    path: [...ADYEN, 'company_account'],
    label: 'Company account',
    kind: 'text',
    required: true,
  }),
  adyen({
    key: 'adyen_environment',
    path: [...ADYEN, 'environment'],
    label: 'Environment',
    kind: 'select',
    options: SOLVIMON_ADYEN_ENVIRONMENTS,
    optionLabels: { LIVE: 'Live', TEST: 'Test' },
    required: true,
  }),
  adyen({
    key: 'adyen_live_prefix',
    path: [...ADYEN, 'live_prefix'],
    label: 'Live URL prefix',
    description: 'From Adyen’s Customer Area, e.g. 1797a841fbb37ca7-AcmeBilling',
    kind: 'text',
    rule: 'noSpaces',
    required: true,
    when: { key: 'adyen_environment', values: ['LIVE'] },
  }),
  adyen({
    key: 'adyen_merchant_accounts',
    path: [...ADYEN, 'merchant_accounts'],
    label: 'Merchant accounts',
    kind: 'list',
    placeholder: 'Add an account, then Enter',
  }),
  adyen({
    key: 'adyen_public_key',
    path: [...ADYEN, 'public_key'],
    label: 'Client key',
    kind: 'text',
    rule: 'noSpaces',
  }),
  adyen({
    key: 'adyen_enabled_payment_methods',
    path: [...ADYEN, 'enabled_payment_methods'],
    label: 'Enabled payment methods',
    description: 'Adyen’s payment method types, e.g. scheme, ideal, sepadirectdebit',
    kind: 'list',
    placeholder: 'Add a method, then Enter',
  }),
  adyen({
    key: 'adyen_ownership',
    path: [...ADYEN, 'ownership'],
    label: 'Ownership',
    kind: 'select',
    options: SOLVIMON_ADYEN_OWNERSHIPS,
    optionLabels: {
      PLATFORM: 'Platform (your Adyen account)',
      SYSTEM: 'System (Solvimon’s Adyen account)',
    },
  }),
  ...(
    [
      ['account_holder_id', 'Account holder id'],
      ['balance_account_id', 'Balance account id'],
      ['legal_entity_id', 'Legal entity id'],
      ['store_id', 'Store id'],
    ] as const
  ).map(([field, label]) =>
    adyen({
      key: `adyen_${field}`,
      path: [...ADYEN, 'system_ownership_details', field],
      label,
      kind: 'text',
      when: { key: 'adyen_ownership', values: ['SYSTEM'] },
    }),
  ),
  adyen({
    key: 'adyen_bp_account',
    path: [...ADYEN, 'balance_platform_details', 'account'],
    label: 'Balance platform account',
    kind: 'text',
  }),

  // data_export
  {
    key: 'de_transport_type',
    path: [DE, 'transport_type'],
    label: 'Transport type',
    description: 'As Solvimon names it; leave empty for the default',
    kind: 'text',
    section: DE,
  },
  {
    key: 's3_bucket_name',
    path: [DE, 's3', 'bucket_name'],
    label: 'Bucket name',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'S3',
    required: true,
  },
  {
    key: 's3_bucket_path',
    path: [DE, 's3', 'bucket_path'],
    label: 'Path in the bucket',
    kind: 'text',
    section: DE,
    variant: 'S3',
  },
  {
    key: 's3_bucket_region',
    path: [DE, 's3', 'bucket_region'],
    label: 'Region',
    placeholder: 'eu-west-1',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'S3',
    required: true,
  },
  {
    key: 's3_authentication_type',
    path: [DE, 's3', 'authentication_type'],
    label: 'Access',
    kind: 'select',
    options: SOLVIMON_S3_AUTHENTICATION_TYPES,
    optionLabels: {
      ACCESS_KEY_AND_SECRET: 'Access key and secret (Credentials below)',
      IAM_ROLE: 'IAM role',
    },
    section: DE,
    variant: 'S3',
    required: true,
  },
  {
    key: 's3_role_arn',
    path: [DE, 's3', 'role_arn'],
    label: 'Role ARN',
    placeholder: 'arn:aws:iam::123456789012:role/solvimon-export',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'S3',
    required: true,
    when: { key: 's3_authentication_type', values: ['IAM_ROLE'] },
  },
  {
    key: 's3_external_id',
    path: [DE, 's3', 'external_id'],
    label: 'External id',
    kind: 'text',
    section: DE,
    variant: 'S3',
    when: { key: 's3_authentication_type', values: ['IAM_ROLE'] },
  },
  {
    key: 'bq_project_id',
    path: [DE, 'bigquery', 'project_id'],
    label: 'Project id',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'BIGQUERY',
    required: true,
  },
  {
    key: 'bq_dataset_id',
    path: [DE, 'bigquery', 'dataset_id'],
    label: 'Dataset id',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'BIGQUERY',
    required: true,
  },
  {
    key: 'bq_dataset_location',
    path: [DE, 'bigquery', 'dataset_location'],
    label: 'Dataset location',
    placeholder: 'EU',
    kind: 'text',
    section: DE,
    variant: 'BIGQUERY',
  },
  {
    key: 'bq_gcs_bucket_name',
    path: [DE, 'bigquery', 'gcs_bucket_name'],
    label: 'Staging bucket (GCS)',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'BIGQUERY',
    required: true,
  },
  {
    key: 'bq_gcs_hmac_key_access_id',
    path: [DE, 'bigquery', 'gcs_hmac_key_access_id'],
    label: 'HMAC key access id',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'BIGQUERY',
    required: true,
  },
  {
    key: 'gcs_bucket_name',
    path: [DE, 'gcs', 'bucket_name'],
    label: 'Bucket name',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'GCS',
    required: true,
  },
  {
    key: 'gcs_bucket_path',
    path: [DE, 'gcs', 'bucket_path'],
    label: 'Path in the bucket',
    kind: 'text',
    section: DE,
    variant: 'GCS',
  },
  {
    key: 'gcs_bucket_region',
    path: [DE, 'gcs', 'bucket_region'],
    label: 'Region',
    placeholder: 'europe-west4',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'GCS',
  },
  {
    key: 'gcs_flattening',
    path: [DE, 'gcs', 'flattening'],
    label: 'Flatten nested records',
    kind: 'switch',
    section: DE,
    variant: 'GCS',
  },
  {
    key: 'sf_host',
    path: [DE, 'snowflake', 'host'],
    label: 'Host',
    placeholder: 'acme-eu.snowflakecomputing.com',
    kind: 'text',
    rule: 'noSpaces',
    section: DE,
    variant: 'SNOWFLAKE',
    required: true,
  },
  {
    key: 'sf_database',
    path: [DE, 'snowflake', 'database'],
    label: 'Database',
    kind: 'text',
    section: DE,
    variant: 'SNOWFLAKE',
    required: true,
  },
  {
    key: 'sf_schema',
    path: [DE, 'snowflake', 'schema'],
    label: 'Schema',
    kind: 'text',
    section: DE,
    variant: 'SNOWFLAKE',
  },
  {
    key: 'sf_warehouse',
    path: [DE, 'snowflake', 'warehouse'],
    label: 'Warehouse',
    kind: 'text',
    section: DE,
    variant: 'SNOWFLAKE',
  },
  {
    key: 'sf_role',
    path: [DE, 'snowflake', 'role'],
    label: 'Role',
    kind: 'text',
    section: DE,
    variant: 'SNOWFLAKE',
  },

  // tax_calculation
  {
    key: 'avatax_company_code',
    path: [TAX, 'ava_tax', 'company_code'],
    label: 'AvaTax company code',
    kind: 'text',
    rule: 'noSpaces',
    section: TAX,
    variant: 'AVATAX',
    required: true,
  },
  {
    key: 'tax_billing_entity_id',
    path: [TAX, 'billing_entity_id'],
    label: 'Billing entity id',
    description: 'The Solvimon billing entity this engine calculates tax for',
    kind: 'text',
    rule: 'noSpaces',
    section: TAX,
  },
  {
    key: 'tax_enable_filing',
    path: [TAX, 'enable_tax_filing'],
    label: 'File tax returns through AvaTax',
    kind: 'switch',
    section: TAX,
  },

  // email_provider
  {
    key: 'mailgun_domain',
    path: [EMAIL, 'mailgun', 'domain'],
    label: 'Sending domain',
    placeholder: 'mg.example.com',
    kind: 'text',
    rule: 'noSpaces',
    section: EMAIL,
    variant: 'MAILGUN',
    required: true,
  },
  {
    key: 'mailgun_region',
    path: [EMAIL, 'mailgun', 'region'],
    label: 'Region',
    kind: 'select',
    options: SOLVIMON_MAILGUN_REGIONS,
    section: EMAIL,
    variant: 'MAILGUN',
    required: true,
  },
  {
    key: 'mailgun_plan',
    path: [EMAIL, 'mailgun', 'plan'],
    label: 'Plan',
    kind: 'text',
    section: EMAIL,
    variant: 'MAILGUN',
  },
  {
    key: 'email_window_type',
    path: [EMAIL, 'delivery_window', 'type'],
    label: 'Delivery window',
    description: 'How long Solvimon keeps trying to deliver an email',
    kind: 'select',
    options: SOLVIMON_PERIOD_TYPES,
    optionLabels: { DAY: 'Days', WEEK: 'Weeks', MONTH: 'Months', YEAR: 'Years' },
    section: EMAIL,
  },
  {
    key: 'email_window_value',
    path: [EMAIL, 'delivery_window', 'value'],
    label: 'Number of them',
    kind: 'integer',
    min: 1,
    section: EMAIL,
    required: true,
    when: { key: 'email_window_type', values: SOLVIMON_PERIOD_TYPES },
  },
  {
    key: 'email_localized_templates',
    path: [EMAIL, 'use_localized_templates'],
    label: 'Use localized templates',
    kind: 'switch',
    section: EMAIL,
  },
];

/** The three places an `authentication` object can be, each edited as a method and its fields. */
export const AUTH_BLOCKS = [
  { id: 'auth', path: ['authentication'], label: 'Credentials' },
  {
    id: 'adyen_bp_auth',
    path: [...ADYEN, 'balance_platform_details', 'authentication'],
    label: 'Balance platform credentials',
    section: PG,
    variant: 'ADYEN',
  },
  {
    id: 'adyen_lem_auth',
    path: [...ADYEN, 'legal_entity_manager_details', 'authentication'],
    label: 'Legal entity manager credentials',
    section: PG,
    variant: 'ADYEN',
  },
] as const satisfies readonly (Scope & { id: string; path: readonly string[]; label: string })[];

type AuthBlockId = (typeof AUTH_BLOCKS)[number]['id'];

export const AUTH_METHODS = ['api_key', 'client_credentials', 'username_password'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** Per method: the non-secret field (its form key suffix and API name) and the secret's API name. */
export const AUTH_METHOD_FIELDS = {
  api_key: {
    label: 'API key',
    publicField: 'header',
    publicLabel: 'Header name',
    secretField: 'value',
    secretLabel: 'API key',
  },
  client_credentials: {
    label: 'Client credentials',
    publicField: 'client_id',
    publicLabel: 'Client id',
    secretField: 'client_secret',
    secretLabel: 'Client secret',
  },
  username_password: {
    label: 'Username and password',
    publicField: 'username',
    publicLabel: 'Username',
    secretField: 'password',
    secretLabel: 'Password',
  },
} as const satisfies Record<
  AuthMethod,
  {
    label: string;
    publicField: string;
    publicLabel: string;
    secretField: string;
    secretLabel: string;
  }
>;

/** Secrets that are not in an authentication block: one fixed path each. */
export const PLAIN_SECRETS = [
  {
    id: 'stripe_signing',
    path: [PG, 'stripe', 'signing_secret'],
    label: 'Webhook signing secret',
    section: PG,
    variant: 'STRIPE',
  },
  {
    id: 'adyen_signing',
    path: [...ADYEN, 'signing_secret'],
    label: 'HMAC signing key',
    section: PG,
    variant: 'ADYEN',
  },
  {
    id: 'bigquery_hmac',
    path: [DE, 'bigquery', 'gcs_hmac_key_secret'],
    label: 'HMAC key secret',
    section: DE,
    variant: 'BIGQUERY',
  },
] as const satisfies readonly (Scope & { id: string; path: readonly string[]; label: string })[];

export type SecretId = AuthBlockId | (typeof PLAIN_SECRETS)[number]['id'];

/** How a mandate's condition compares, in words; the form's hints are in brackets. */
export const COMPARATOR_LABELS: Readonly<Record<string, string>> = {
  EQUALS: 'equals',
  NOT_EQUALS: 'does not equal',
  IN: 'is one of (comma-separated)',
  NOT_IN: 'is none of (comma-separated)',
  GREATER_THAN: 'is greater than',
  GREATER_THAN_OR_EQUALS: 'is at least',
  LESS_THAN: 'is less than',
  LESS_THAN_OR_EQUALS: 'is at most',
  EMPTY: 'is empty',
  NOT_EMPTY: 'is not empty',
  CONTAINS: 'contains one of (comma-separated)',
  NOT_CONTAINS: 'contains none of (comma-separated)',
} satisfies Record<(typeof SOLVIMON_E_INVOICING_COMPARATORS)[number], string>;

/** What a custom tax code applies to (`tax_calculation.custom_tax_codes[].field`), in words. */
export const TAX_CODE_FIELD_LABELS: Readonly<Record<string, string>> = {
  INVOICE_COMMITMENT: 'Invoice commitments',
  PRODUCT_FALLBACK: 'Products without their own code',
} satisfies Record<(typeof SOLVIMON_CUSTOM_TAX_CODE_FIELDS)[number], string>;

/** The types, named as in the lists, with the variants the form offers for each. */
export const TYPE_OPTIONS = (
  [
    ['PAYMENT_GATEWAY', SOLVIMON_PAYMENT_GATEWAY_VARIANTS],
    ['E_INVOICING', SOLVIMON_E_INVOICING_PROCESSORS],
    ['DATA_EXPORT', SOLVIMON_DATA_EXPORT_VARIANTS],
    ['TAX_CALCULATION', SOLVIMON_TAX_CALCULATION_VARIANTS],
    ['EMAIL_PROVIDER', SOLVIMON_EMAIL_PROVIDER_VARIANTS],
  ] as const
).map(([value, variants]) => ({
  value,
  label: `${solvimonTypeLabel(value)} (${variants.map(solvimonVariantLabel).join(', ')})`,
}));
