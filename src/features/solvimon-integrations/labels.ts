/**
 * How Solvimon's types, variants and statuses read in the console (docs/solvimon-api.md §2). Every enum
 * is open (Decision 6): a value this console does not know is shown as Solvimon sent it, neutrally.
 */
import type { SolvimonIntegration } from '../../api/solvimon';
// The enums module itself, not the API's index: the list's search validation (in the entry chunk)
// needs these names, not the API's schemas, which the index would bring along.
import {
  SOLVIMON_SECTION_OF_TYPE,
  type SOLVIMON_INTEGRATION_STATUSES,
  type SOLVIMON_INTEGRATION_TYPES,
} from '../../api/solvimon/enums';

type KnownType = (typeof SOLVIMON_INTEGRATION_TYPES)[number];
type KnownStatus = (typeof SOLVIMON_INTEGRATION_STATUSES)[number];

const TYPE_LABELS: Record<KnownType, string> = {
  PAYMENT_GATEWAY: 'Payment gateway',
  E_INVOICING: 'E-invoicing',
  TAX_CALCULATION: 'Tax calculation',
  DATA_EXPORT: 'Data export',
  EMAIL_PROVIDER: 'Email provider',
};

const VARIANT_LABELS: Readonly<Record<string, string>> = {
  STRIPE: 'Stripe',
  ADYEN: 'Adyen',
  AVALARA: 'Avalara',
  S3: 'Amazon S3',
  BIGQUERY: 'BigQuery',
  GCS: 'Google Cloud Storage',
  SNOWFLAKE: 'Snowflake',
  AVATAX: 'AvaTax',
  SYSTEM: 'Solvimon’s own sender',
  MAILGUN: 'Mailgun',
};

const STATUS_LABELS: Record<KnownStatus, string> = {
  DRAFT: 'Draft',
  PENDING: 'Pending',
  TESTING: 'Testing',
  ACTIVE: 'Active',
  ERROR: 'Error',
  DEPRECATED: 'Deprecated',
  ARCHIVED: 'Archived',
};

const has = <K extends string>(record: Record<K, string>, key: string): key is K =>
  Object.prototype.hasOwnProperty.call(record, key);

/** "Payment gateway" for PAYMENT_GATEWAY; an unknown type as Solvimon sent it. */
export function solvimonTypeLabel(type: string): string {
  return has(TYPE_LABELS, type) ? TYPE_LABELS[type] : type;
}

/** Whether the type is one this console knows (and so has a section for). */
function isKnownSolvimonType(type: string): type is KnownType {
  return has(TYPE_LABELS, type);
}

/** "Stripe" for STRIPE; an unknown variant as Solvimon sent it. */
export function solvimonVariantLabel(variant: string): string {
  return VARIANT_LABELS[variant] ?? variant;
}

/**
 * The section's variant of a known type (`processor` for e-invoicing), e.g. STRIPE; undefined when the
 * section or its variant is not set, or the type is unknown.
 */
export function solvimonVariantOf(integration: SolvimonIntegration): string | undefined {
  const { type } = integration;
  if (!isKnownSolvimonType(type)) return undefined;
  const section = SOLVIMON_SECTION_OF_TYPE[type];
  if (section === 'e_invoicing') return integration.e_invoicing?.processor ?? undefined;
  return integration[section]?.variant ?? undefined;
}

/** "Payment gateway · Stripe", or the type alone when no variant is set. */
export function solvimonKindLabel(integration: SolvimonIntegration): string {
  const variant = solvimonVariantOf(integration);
  const type = solvimonTypeLabel(integration.type);
  return variant ? `${type} · ${solvimonVariantLabel(variant)}` : type;
}

/** The status Solvimon's rules apply: a missing one counts as DRAFT (Decision 4). */
export function solvimonStatusOf(integration: Pick<SolvimonIntegration, 'status'>): string {
  return integration.status ?? 'DRAFT';
}

/** "Active" for ACTIVE; an unknown status as Solvimon sent it. */
export function solvimonStatusLabel(status: string): string {
  return has(STATUS_LABELS, status) ? STATUS_LABELS[status] : status;
}

/** Whether the status is one this console knows. */
export function isKnownSolvimonStatus(status: string): status is KnownStatus {
  return has(STATUS_LABELS, status);
}

/** The integration's name, or its reference when it has none: how the console names it in text. */
export function solvimonIntegrationLabel(
  integration: Pick<SolvimonIntegration, 'name' | 'reference'>,
): string {
  return integration.name?.trim() || integration.reference;
}
