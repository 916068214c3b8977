/**
 * Solvimon's Integration and what travels with it (docs/solvimon-api.md §2), as zod schemas: the contract
 * at the boundary, types from `z.infer`.
 *
 * - Every object is loose: fields this console does not know survive a parse, so a PATCH built from a
 *   loaded integration does not drop them.
 * - Enums are open (`openEnum`): known values typed, unknown ones still parse.
 * - The spec marks nothing required in `Integration`. Responses accept every field as absent or null,
 *   except `id`, `reference` and `type`, without which the console cannot show or edit an integration.
 * - The sections' schemas are shared by responses and requests, so a loaded integration can be sent
 *   back as it is; the text rules from Solvimon's docs (reference `^\S+$`, name and description `^.*$`,
 *   at most 256 characters) apply to requests only.
 */
import { z } from 'zod';
import {
  openEnum,
  SOLVIMON_ADYEN_ENVIRONMENTS,
  SOLVIMON_ADYEN_OWNERSHIPS,
  SOLVIMON_CUSTOM_TAX_CODE_FIELDS,
  SOLVIMON_DATA_EXPORT_VARIANTS,
  SOLVIMON_E_INVOICING_COMPARATORS,
  SOLVIMON_E_INVOICING_PROCESSORS,
  SOLVIMON_EMAIL_PROVIDER_VARIANTS,
  SOLVIMON_INTEGRATION_STATUSES,
  SOLVIMON_INTEGRATION_TYPES,
  SOLVIMON_MAILGUN_REGIONS,
  SOLVIMON_PAYMENT_GATEWAY_VARIANTS,
  SOLVIMON_PERIOD_TYPES,
  SOLVIMON_S3_AUTHENTICATION_TYPES,
  SOLVIMON_TAX_CALCULATION_VARIANTS,
} from './enums';

const text = z.string().nullish();
const flag = z.boolean().nullish();
const texts = z.array(z.string()).nullish();

// ---------------------------------------------------------------------------------------------
// authentication (its secrets are write-only: ./secrets.ts)

export const solvimonAuthenticationSchema = z.looseObject({
  api_key: z.looseObject({ header: text, value: text }).nullish(),
  client_credentials: z.looseObject({ client_id: text, client_secret: text }).nullish(),
  username_password: z.looseObject({ username: text, password: text }).nullish(),
});

/** `AuthenticationSettings`: the integration's credentials, and the body of test-connection. */
export type SolvimonAuthentication = z.infer<typeof solvimonAuthenticationSchema>;

// ---------------------------------------------------------------------------------------------
// payment_gateway: Stripe or Adyen

const stripeSchema = z.looseObject({ public_key: text, signing_secret: text });

const adyenSchema = z.looseObject({
  company_account: text,
  environment: openEnum(SOLVIMON_ADYEN_ENVIRONMENTS).nullish(),
  live_prefix: text,
  merchant_accounts: texts,
  public_key: text,
  signing_secret: text,
  ownership: openEnum(SOLVIMON_ADYEN_OWNERSHIPS).nullish(),
  system_ownership_details: z
    .looseObject({
      account_holder_id: text,
      balance_account_id: text,
      legal_entity_id: text,
      store_id: text,
    })
    .nullish(),
  balance_platform_details: z
    .looseObject({ account: text, authentication: solvimonAuthenticationSchema.nullish() })
    .nullish(),
  legal_entity_manager_details: z
    .looseObject({ authentication: solvimonAuthenticationSchema.nullish() })
    .nullish(),
  enabled_payment_methods: texts,
});

const paymentGatewaySchema = z.looseObject({
  variant: openEnum(SOLVIMON_PAYMENT_GATEWAY_VARIANTS).nullish(),
  stripe: stripeSchema.nullish(),
  adyen: adyenSchema.nullish(),
});

// ---------------------------------------------------------------------------------------------
// e_invoicing: Avalara mandates

/** `EInvoicingMandate`: one in an integration, or a template from default-mandates. */
export const solvimonMandateSchema = z.looseObject({
  name: text,
  country: text,
  /** Merged with Solvimon's defaults for the mandate. */
  mappings: z.array(z.looseObject({ target: text, source: text, description: text })).nullish(),
  /** The mandate applies when any group matches; a group matches when all its conditions do. */
  condition_groups: z
    .array(
      z.looseObject({
        conditions: z
          .array(
            z.looseObject({
              field: text,
              comparator_type: openEnum(SOLVIMON_E_INVOICING_COMPARATORS).nullish(),
              /** A comma-separated list for IN, NOT_IN, CONTAINS and NOT_CONTAINS. */
              value: text,
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
  include_pdf_in_einvoice: flag,
  supported_file_formats: z.array(z.looseObject({ type: text, description: text })).nullish(),
});

export type SolvimonMandate = z.infer<typeof solvimonMandateSchema>;

const eInvoicingSchema = z.looseObject({
  processor: openEnum(SOLVIMON_E_INVOICING_PROCESSORS).nullish(),
  mandates: z.array(solvimonMandateSchema).nullish(),
});

// ---------------------------------------------------------------------------------------------
// data_export: S3, BigQuery, GCS or Snowflake

const dataExportSchema = z.looseObject({
  variant: openEnum(SOLVIMON_DATA_EXPORT_VARIANTS).nullish(),
  transport_type: text,
  s3: z
    .looseObject({
      bucket_name: text,
      bucket_path: text,
      bucket_region: text,
      authentication_type: openEnum(SOLVIMON_S3_AUTHENTICATION_TYPES).nullish(),
      role_arn: text,
      external_id: text,
    })
    .nullish(),
  bigquery: z
    .looseObject({
      project_id: text,
      dataset_id: text,
      dataset_location: text,
      gcs_bucket_name: text,
      gcs_hmac_key_access_id: text,
      gcs_hmac_key_secret: text,
    })
    .nullish(),
  gcs: z
    .looseObject({ bucket_region: text, bucket_name: text, bucket_path: text, flattening: flag })
    .nullish(),
  snowflake: z
    .looseObject({ host: text, role: text, warehouse: text, database: text, schema: text })
    .nullish(),
});

// ---------------------------------------------------------------------------------------------
// tax_calculation: AvaTax

const taxCalculationSchema = z.looseObject({
  billing_entity_id: text,
  variant: openEnum(SOLVIMON_TAX_CALCULATION_VARIANTS).nullish(),
  ava_tax: z.looseObject({ company_code: text }).nullish(),
  custom_tax_codes: z
    .array(
      z.looseObject({ field: openEnum(SOLVIMON_CUSTOM_TAX_CODE_FIELDS).nullish(), value: text }),
    )
    .nullish(),
  enable_tax_filing: flag,
});

// ---------------------------------------------------------------------------------------------
// email_provider: the system's own, or Mailgun

const emailProviderSchema = z.looseObject({
  variant: openEnum(SOLVIMON_EMAIL_PROVIDER_VARIANTS).nullish(),
  mailgun: z
    .looseObject({
      domain: text,
      region: openEnum(SOLVIMON_MAILGUN_REGIONS).nullish(),
      plan: text,
    })
    .nullish(),
  delivery_window: z
    .looseObject({
      type: openEnum(SOLVIMON_PERIOD_TYPES).nullish(),
      value: z.number().int().nullish(),
    })
    .nullish(),
  use_localized_templates: flag,
});

// ---------------------------------------------------------------------------------------------
// linked resources: how a Solvimon customer, contact or product links to its external record

const linkedResourcesSchema = z.array(
  z.looseObject({
    resource_type: text,
    link_details: z
      .array(z.looseObject({ base_url: text, custom_field_reference: text }))
      .nullish(),
  }),
);

/** The sections, in the order Solvimon's spec lists them; which one applies depends on `type`. */
const sections = {
  authentication: solvimonAuthenticationSchema.nullish(),
  payment_gateway: paymentGatewaySchema.nullish(),
  e_invoicing: eInvoicingSchema.nullish(),
  data_export: dataExportSchema.nullish(),
  tax_calculation: taxCalculationSchema.nullish(),
  email_provider: emailProviderSchema.nullish(),
  linked_resources_configurations: linkedResourcesSchema.nullish(),
};

// ---------------------------------------------------------------------------------------------
// The Integration

/** `Integration` as Solvimon answers it. `id`, `object_type` and `message` are read-only. */
export const solvimonIntegrationSchema = z.looseObject({
  object_type: text,
  id: z.string().min(1),
  reference: z.string(),
  name: text,
  description: text,
  /** null as well as a value: the spec allows an integration without a status. */
  status: openEnum(SOLVIMON_INTEGRATION_STATUSES).nullish(),
  /** Why the integration has its status, e.g. what failed when it is in ERROR. */
  message: text,
  type: openEnum(SOLVIMON_INTEGRATION_TYPES),
  ...sections,
});

export type SolvimonIntegration = z.infer<typeof solvimonIntegrationSchema>;

const MAX_TEXT = 256;

const referenceRule = z
  .string()
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
  .regex(/^\S+$/, 'must not be empty or contain whitespace');

const lineRule = z
  .string()
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
  .regex(/^.*$/, 'must be a single line');

const readOnly = { object_type: text, id: text, message: text };

/** `IntegrationCreateRequest`: `reference` and `type` are required. A new integration starts in DRAFT. */
export const solvimonIntegrationCreateRequestSchema = z.looseObject({
  ...readOnly,
  reference: referenceRule,
  name: lineRule.optional(),
  description: lineRule.optional(),
  status: openEnum(SOLVIMON_INTEGRATION_STATUSES).nullish(),
  type: openEnum(SOLVIMON_INTEGRATION_TYPES),
  ...sections,
});

export type SolvimonIntegrationCreateRequest = z.input<
  typeof solvimonIntegrationCreateRequestSchema
>;

/**
 * `IntegrationUpdateRequest` (PATCH). The spec requires nothing; Solvimon's docs page marks reference,
 * name, description, type and linked_resources_configurations as required, so they are here: the
 * console sends the whole integration (Decision 2; `toSolvimonUpdateRequest` builds it).
 */
export const solvimonIntegrationUpdateRequestSchema = z.looseObject({
  ...readOnly,
  reference: referenceRule,
  name: lineRule,
  description: lineRule,
  status: openEnum(SOLVIMON_INTEGRATION_STATUSES).nullish(),
  type: openEnum(SOLVIMON_INTEGRATION_TYPES),
  ...sections,
  linked_resources_configurations: linkedResourcesSchema,
});

export type SolvimonIntegrationUpdateRequest = z.input<
  typeof solvimonIntegrationUpdateRequestSchema
>;

// ---------------------------------------------------------------------------------------------
// Lists and other answers

const linksSchema = z.looseObject({
  first: text,
  previous: text,
  current: text,
  next: text,
});

/** `IntegrationResponseWrapper`: one page by number. The spec requires only `data`. */
export const solvimonIntegrationPageSchema = z.looseObject({
  data: z.array(solvimonIntegrationSchema),
  page: z.number().int().nullish(),
  limit: z.number().int().nullish(),
  total_number_of_pages: z.number().int().nullish(),
  links: linksSchema.nullish(),
});

export type SolvimonIntegrationPage = z.infer<typeof solvimonIntegrationPageSchema>;

/** `TestConnectionResponse`. */
export const solvimonTestConnectionResultSchema = z.looseObject({
  successful: flag,
  message: text,
});

export type SolvimonTestConnectionResult = z.infer<typeof solvimonTestConnectionResultSchema>;
