/**
 * The known values of Solvimon's enums (docs/solvimon-api.md §2). Every one is open in the schemas:
 * a known value is typed, an unknown one still parses and survives a save (Decision 6), because
 * Solvimon adds values without a new API version.
 */
import { z } from 'zod/mini';

/** A known value, or any other string Solvimon adds later. */
export type OpenEnum<T extends string> = T | (string & {});

/** `z.string()` typed as the open enum of `values` (which document what is known). */
export function openEnum<const T extends readonly string[]>(
  _values: T,
): z.ZodMiniType<OpenEnum<T[number]>> {
  return z.string();
}

export const SOLVIMON_INTEGRATION_TYPES = [
  'PAYMENT_GATEWAY',
  'E_INVOICING',
  'TAX_CALCULATION',
  'DATA_EXPORT',
  'EMAIL_PROVIDER',
] as const;

export const SOLVIMON_INTEGRATION_STATUSES = [
  'DRAFT',
  'PENDING',
  'TESTING',
  'ACTIVE',
  'ERROR',
  'DEPRECATED',
  'ARCHIVED',
] as const;

export const SOLVIMON_PAYMENT_GATEWAY_VARIANTS = ['STRIPE', 'ADYEN'] as const;
export const SOLVIMON_ADYEN_ENVIRONMENTS = ['LIVE', 'TEST'] as const;
export const SOLVIMON_ADYEN_OWNERSHIPS = ['PLATFORM', 'SYSTEM'] as const;
export const SOLVIMON_E_INVOICING_PROCESSORS = ['AVALARA'] as const;
export const SOLVIMON_E_INVOICING_COMPARATORS = [
  'EQUALS',
  'NOT_EQUALS',
  'IN',
  'NOT_IN',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUALS',
  'LESS_THAN',
  'LESS_THAN_OR_EQUALS',
  'EMPTY',
  'NOT_EMPTY',
  'CONTAINS',
  'NOT_CONTAINS',
] as const;
export const SOLVIMON_DATA_EXPORT_VARIANTS = ['S3', 'BIGQUERY', 'GCS', 'SNOWFLAKE'] as const;
export const SOLVIMON_S3_AUTHENTICATION_TYPES = ['ACCESS_KEY_AND_SECRET', 'IAM_ROLE'] as const;
export const SOLVIMON_TAX_CALCULATION_VARIANTS = ['AVATAX'] as const;
export const SOLVIMON_CUSTOM_TAX_CODE_FIELDS = ['INVOICE_COMMITMENT', 'PRODUCT_FALLBACK'] as const;
export const SOLVIMON_EMAIL_PROVIDER_VARIANTS = ['SYSTEM', 'MAILGUN'] as const;
export const SOLVIMON_MAILGUN_REGIONS = ['US', 'EU'] as const;
export const SOLVIMON_PERIOD_TYPES = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/** `ApiError.type`. */
export const SOLVIMON_ERROR_TYPES = ['API_ERROR', 'INVALID_REQUEST'] as const;

/** `ApiError.code`: the codes this console reacts to are first; the rest as the spec lists them. */
export const SOLVIMON_ERROR_CODES = [
  'RESOURCE_NOT_FOUND',
  'RESOURCE_ALREADY_EXISTS',
  'MISSING_FIELD',
  'INVALID_FIELD',
  'INVALID_OPERATION',
  'USER_NOT_ALLOWED',
  'INTERNAL_ERROR',
  'RESOURCES_NOT_FOUND',
  'UNABLE_TO_PROCESS_INSTRUCTIONS',
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'CUSTOM_FIELD_VALUE_ALREADY_EXISTS',
  'COULD_NOT_CREATE_RESOURCE',
  'COULD_NOT_UPDATE_RESOURCE',
  'COULD_NOT_DELETE_RESOURCE',
  'MISSING_VERSION',
  'UNSUPPORTED_VERSION',
  'UNAUTHORISED',
  'CUSTOMER_NOT_FOUND',
  'PLATFORM_NOT_FOUND',
  'PRICING_PLAN_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'PRODUCT_ITEM_NOT_FOUND',
  'PRICING_NOT_FOUND',
  'PRICING_ITEM_NOT_FOUND',
  'USER_NOT_FOUND',
  'METER_NOT_FOUND',
  'METER_VALUE_NOT_FOUND',
  'METER_PROPERTY_NOT_FOUND',
  'PRICING_ITEM_SUMMARIES_NOT_FOUND',
  'MISSING_ID',
  'INVALID_ID',
  'MISSING_REFERENCE',
  'IDEMPOTENCY_CHECK_FAILED',
  'INVALID_REQUEST',
] as const;

export type SolvimonErrorCode = OpenEnum<(typeof SOLVIMON_ERROR_CODES)[number]>;

/** The section that belongs to each known integration type. */
export const SOLVIMON_SECTION_OF_TYPE = {
  PAYMENT_GATEWAY: 'payment_gateway',
  E_INVOICING: 'e_invoicing',
  DATA_EXPORT: 'data_export',
  TAX_CALCULATION: 'tax_calculation',
  EMAIL_PROVIDER: 'email_provider',
} as const satisfies Record<(typeof SOLVIMON_INTEGRATION_TYPES)[number], string>;
