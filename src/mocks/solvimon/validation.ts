/**
 * How the fake Solvimon checks a create or PATCH body: the API module's request schemas (types, the
 * text rules, required fields), then the enums Solvimon closes today, then which section a type may
 * carry. The first problem answers 400 with its `field` (a dotted path, array items by index:
 * `e_invoicing.mandates.0.name`), as a form needs it.
 */
import type { z } from 'zod/mini';
import {
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
  SOLVIMON_SECTION_OF_TYPE,
  SOLVIMON_TAX_CALCULATION_VARIANTS,
  valueAtPath,
} from '../../api/solvimon';
import { SolvimonStoreError } from './store-error';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as an object; anything else is 400 BAD_REQUEST. */
export function requireObject(body: unknown): Json {
  if (!isRecord(body)) {
    throw new SolvimonStoreError(400, 'BAD_REQUEST', 'The request body must be a JSON object');
  }
  return body;
}

/** Parses with the API module's request schema; the first issue becomes MISSING_FIELD or INVALID_FIELD. */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: Json): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const [issue, ...rest] = result.error.issues;
  if (!issue) throw new SolvimonStoreError(400, 'BAD_REQUEST', 'The request body is invalid');
  const path = issue.path.map(String);
  const field = path.join('.') || 'body';
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  const missing = valueAtPath(body, path) == null;
  if (missing) {
    throw new SolvimonStoreError(400, 'MISSING_FIELD', `${field}: is required${more}`, { field });
  }
  throw new SolvimonStoreError(400, 'INVALID_FIELD', `${field}: ${issue.message}${more}`, {
    field,
  });
}

/** `*` steps into every item of an array. */
const CLOSED_ENUMS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['type'], SOLVIMON_INTEGRATION_TYPES],
  [['status'], SOLVIMON_INTEGRATION_STATUSES],
  [['payment_gateway', 'variant'], SOLVIMON_PAYMENT_GATEWAY_VARIANTS],
  [['payment_gateway', 'adyen', 'environment'], SOLVIMON_ADYEN_ENVIRONMENTS],
  [['payment_gateway', 'adyen', 'ownership'], SOLVIMON_ADYEN_OWNERSHIPS],
  [['e_invoicing', 'processor'], SOLVIMON_E_INVOICING_PROCESSORS],
  [
    ['e_invoicing', 'mandates', '*', 'condition_groups', '*', 'conditions', '*', 'comparator_type'],
    SOLVIMON_E_INVOICING_COMPARATORS,
  ],
  [['data_export', 'variant'], SOLVIMON_DATA_EXPORT_VARIANTS],
  [['data_export', 's3', 'authentication_type'], SOLVIMON_S3_AUTHENTICATION_TYPES],
  [['tax_calculation', 'variant'], SOLVIMON_TAX_CALCULATION_VARIANTS],
  [['tax_calculation', 'custom_tax_codes', '*', 'field'], SOLVIMON_CUSTOM_TAX_CODE_FIELDS],
  [['email_provider', 'variant'], SOLVIMON_EMAIL_PROVIDER_VARIANTS],
  [['email_provider', 'mailgun', 'region'], SOLVIMON_MAILGUN_REGIONS],
  [['email_provider', 'delivery_window', 'type'], SOLVIMON_PERIOD_TYPES],
];

/** Every concrete path (and its value) that `pattern` reaches in `root`. */
function* reach(
  root: unknown,
  pattern: readonly string[],
  at: string[] = [],
): Generator<[string[], unknown]> {
  const [step, ...rest] = pattern;
  if (step === undefined) {
    yield [at, root];
    return;
  }
  if (step === '*') {
    if (!Array.isArray(root)) return;
    for (const [i, item] of root.entries()) yield* reach(item, rest, [...at, String(i)]);
    return;
  }
  if (isRecord(root)) yield* reach(root[step], rest, [...at, step]);
}

/** Solvimon's enums are closed today: an unknown value is 400 INVALID_FIELD naming the allowed ones. */
export function checkEnums(body: Json): void {
  for (const [pattern, allowed] of CLOSED_ENUMS) {
    for (const [path, value] of reach(body, pattern)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'string' && allowed.includes(value)) continue;
      const field = path.join('.');
      throw new SolvimonStoreError(
        400,
        'INVALID_FIELD',
        `${field}: must be one of ${allowed.join(', ')}`,
        { field },
      );
    }
  }
}

const SECTIONS = Object.values(SOLVIMON_SECTION_OF_TYPE);

/** The section `type` calls for (e.g. `payment_gateway` for PAYMENT_GATEWAY). */
export function sectionOf(type: string): string | undefined {
  return (SOLVIMON_SECTION_OF_TYPE as Record<string, string>)[type];
}

/** Only the section of the integration's type may be set ("applicable when the type is …"). */
export function checkSections(body: Json, type: string): void {
  const own = sectionOf(type);
  for (const section of SECTIONS) {
    if (section === own || body[section] === null || body[section] === undefined) continue;
    throw new SolvimonStoreError(
      400,
      'INVALID_FIELD',
      `${section}: does not apply to a ${type} integration${own ? `; its settings go in ${own}` : ''}`,
      { field: section },
    );
  }
}
