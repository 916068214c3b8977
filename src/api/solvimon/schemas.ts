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
import { z } from 'zod/mini';
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

const text = z.nullish(z.string());
const flag = z.nullish(z.boolean());
const texts = z.nullish(z.array(z.string()));

// ---------------------------------------------------------------------------------------------
// authentication (its secrets are write-only: ./secrets.ts)

export const solvimonAuthenticationSchema = z.looseObject({
  api_key: z.nullish(z.looseObject({ header: text, value: text })),
  client_credentials: z.nullish(z.looseObject({ client_id: text, client_secret: text })),
  username_password: z.nullish(z.looseObject({ username: text, password: text })),
});

/** `AuthenticationSettings`: the integration's credentials, and the body of test-connection. */
export type SolvimonAuthentication = z.infer<typeof solvimonAuthenticationSchema>;

// ---------------------------------------------------------------------------------------------
// payment_gateway: Stripe or Adyen

const stripeSchema = z.looseObject({ public_key: text, signing_secret: text });

const adyenSchema = z.looseObject({
  company_account: text,
  environment: z.nullish(openEnum(SOLVIMON_ADYEN_ENVIRONMENTS)),
  live_prefix: text,
  merchant_accounts: texts,
  public_key: text,
  signing_secret: text,
  ownership: z.nullish(openEnum(SOLVIMON_ADYEN_OWNERSHIPS)),
  system_ownership_details: z.nullish(
    z.looseObject({
      account_holder_id: text,
      balance_account_id: text,
      legal_entity_id: text,
      store_id: text,
    }),
  ),
  balance_platform_details: z.nullish(
    z.looseObject({ account: text, authentication: z.nullish(solvimonAuthenticationSchema) }),
  ),
  legal_entity_manager_details: z.nullish(
    z.looseObject({ authentication: z.nullish(solvimonAuthenticationSchema) }),
  ),
  enabled_payment_methods: texts,
});

const paymentGatewaySchema = z.looseObject({
  variant: z.nullish(openEnum(SOLVIMON_PAYMENT_GATEWAY_VARIANTS)),
  stripe: z.nullish(stripeSchema),
  adyen: z.nullish(adyenSchema),
});

// ---------------------------------------------------------------------------------------------
// e_invoicing: Avalara mandates

/** `EInvoicingMandate`: one in an integration, or a template from default-mandates. */
export const solvimonMandateSchema = z.looseObject({
  name: text,
  country: text,
  /** Merged with Solvimon's defaults for the mandate. */
  mappings: z.nullish(z.array(z.looseObject({ target: text, source: text, description: text }))),
  /** The mandate applies when any group matches; a group matches when all its conditions do. */
  condition_groups: z.nullish(
    z.array(
      z.looseObject({
        conditions: z.nullish(
          z.array(
            z.looseObject({
              field: text,
              comparator_type: z.nullish(openEnum(SOLVIMON_E_INVOICING_COMPARATORS)),
              /** A comma-separated list for IN, NOT_IN, CONTAINS and NOT_CONTAINS. */
              value: text,
            }),
          ),
        ),
      }),
    ),
  ),
  include_pdf_in_einvoice: flag,
  supported_file_formats: z.nullish(z.array(z.looseObject({ type: text, description: text }))),
});

export type SolvimonMandate = z.infer<typeof solvimonMandateSchema>;

const eInvoicingSchema = z.looseObject({
  processor: z.nullish(openEnum(SOLVIMON_E_INVOICING_PROCESSORS)),
  mandates: z.nullish(z.array(solvimonMandateSchema)),
});

// ---------------------------------------------------------------------------------------------
// data_export: S3, BigQuery, GCS or Snowflake

const dataExportSchema = z.looseObject({
  variant: z.nullish(openEnum(SOLVIMON_DATA_EXPORT_VARIANTS)),
  transport_type: text,
  s3: z.nullish(
    z.looseObject({
      bucket_name: text,
      bucket_path: text,
      bucket_region: text,
      authentication_type: z.nullish(openEnum(SOLVIMON_S3_AUTHENTICATION_TYPES)),
      role_arn: text,
      external_id: text,
    }),
  ),
  bigquery: z.nullish(
    z.looseObject({
      project_id: text,
      dataset_id: text,
      dataset_location: text,
      gcs_bucket_name: text,
      gcs_hmac_key_access_id: text,
      gcs_hmac_key_secret: text,
    }),
  ),
  gcs: z.nullish(
    z.looseObject({ bucket_region: text, bucket_name: text, bucket_path: text, flattening: flag }),
  ),
  snowflake: z.nullish(
    z.looseObject({ host: text, role: text, warehouse: text, database: text, schema: text }),
  ),
});

// ---------------------------------------------------------------------------------------------
// tax_calculation: AvaTax

const taxCalculationSchema = z.looseObject({
  billing_entity_id: text,
  variant: z.nullish(openEnum(SOLVIMON_TAX_CALCULATION_VARIANTS)),
  ava_tax: z.nullish(z.looseObject({ company_code: text })),
  custom_tax_codes: z.nullish(
    z.array(
      z.looseObject({ field: z.nullish(openEnum(SOLVIMON_CUSTOM_TAX_CODE_FIELDS)), value: text }),
    ),
  ),
  enable_tax_filing: flag,
});

// ---------------------------------------------------------------------------------------------
// email_provider: the system's own, or Mailgun

const emailProviderSchema = z.looseObject({
  variant: z.nullish(openEnum(SOLVIMON_EMAIL_PROVIDER_VARIANTS)),
  mailgun: z.nullish(
    z.looseObject({
      domain: text,
      region: z.nullish(openEnum(SOLVIMON_MAILGUN_REGIONS)),
      plan: text,
    }),
  ),
  delivery_window: z.nullish(
    z.looseObject({
      type: z.nullish(openEnum(SOLVIMON_PERIOD_TYPES)),
      value: z.nullish(z.int()),
    }),
  ),
  use_localized_templates: flag,
});

// ---------------------------------------------------------------------------------------------
// linked resources: how a Solvimon customer, contact or product links to its external record

const linkedResourcesSchema = z.array(
  z.looseObject({
    resource_type: text,
    link_details: z.nullish(
      z.array(z.looseObject({ base_url: text, custom_field_reference: text })),
    ),
  }),
);

/** The sections, in the order Solvimon's spec lists them; which one applies depends on `type`. */
const sections = {
  authentication: z.nullish(solvimonAuthenticationSchema),
  payment_gateway: z.nullish(paymentGatewaySchema),
  e_invoicing: z.nullish(eInvoicingSchema),
  data_export: z.nullish(dataExportSchema),
  tax_calculation: z.nullish(taxCalculationSchema),
  email_provider: z.nullish(emailProviderSchema),
  linked_resources_configurations: z.nullish(linkedResourcesSchema),
};

// ---------------------------------------------------------------------------------------------
// The Integration

/** `Integration` as Solvimon answers it. `id`, `object_type` and `message` are read-only. */
export const solvimonIntegrationSchema = z.looseObject({
  object_type: text,
  id: z.string().check(z.minLength(1)),
  reference: z.string(),
  name: text,
  description: text,
  /** null as well as a value: the spec allows an integration without a status. */
  status: z.nullish(openEnum(SOLVIMON_INTEGRATION_STATUSES)),
  /** Why the integration has its status, e.g. what failed when it is in ERROR. */
  message: text,
  type: openEnum(SOLVIMON_INTEGRATION_TYPES),
  ...sections,
});

export type SolvimonIntegration = z.infer<typeof solvimonIntegrationSchema>;

const MAX_TEXT = 256;

const withinMaxText = z.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);

const referenceRule = z
  .string()
  .check(withinMaxText, z.regex(/^\S+$/, 'must not be empty or contain whitespace'));

const lineRule = z.string().check(withinMaxText, z.regex(/^.*$/, 'must be a single line'));

const readOnly = { object_type: text, id: text, message: text };

/** `IntegrationCreateRequest`: `reference` and `type` are required. A new integration starts in DRAFT. */
export const solvimonIntegrationCreateRequestSchema = z.looseObject({
  ...readOnly,
  reference: referenceRule,
  name: z.optional(lineRule),
  description: z.optional(lineRule),
  status: z.nullish(openEnum(SOLVIMON_INTEGRATION_STATUSES)),
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
  status: z.nullish(openEnum(SOLVIMON_INTEGRATION_STATUSES)),
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
  page: z.nullish(z.int()),
  limit: z.nullish(z.int()),
  total_number_of_pages: z.nullish(z.int()),
  links: z.nullish(linksSchema),
});

export type SolvimonIntegrationPage = z.infer<typeof solvimonIntegrationPageSchema>;

/** `TestConnectionResponse`. */
export const solvimonTestConnectionResultSchema = z.looseObject({
  successful: flag,
  message: text,
});

export type SolvimonTestConnectionResult = z.infer<typeof solvimonTestConnectionResultSchema>;
