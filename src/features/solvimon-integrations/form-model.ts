/**
 * The Solvimon form's values and the rules between them and Solvimon's Integration (docs/solvimon-api.md
 * §2, Decisions 1–2): what a loaded integration looks like in the form, the body a save sends, the
 * checks before it is sent, and where Solvimon's error `field` lands. The fields themselves are listed
 * once, in ./form-fields.ts.
 *
 * A save starts from the integration as loaded (so fields this console does not know travel along) and
 * writes only what the form edits. Secrets are never in the values the form keeps: each has a write-only
 * input under `secrets` (a key drafts never store), sent only when the user typed a new value or asked to
 * clear it.
 */
import { z } from 'zod/mini';
import { valuesEqual, type ConflictField } from '../../components/conflict';
import {
  isSolvimonSecretSet,
  SOLVIMON_SECTION_OF_TYPE,
  toSolvimonUpdateRequest,
  valueAtPath,
  type SolvimonIntegration,
  type SolvimonIntegrationCreateRequest,
  type SolvimonIntegrationUpdateRequest,
} from '../../api/solvimon';
import {
  AUTH_BLOCKS,
  AUTH_METHOD_FIELDS,
  AUTH_METHODS,
  PLAIN_SECRETS,
  SECTION_FIELDS,
  VARIANT_FIELDS,
  type AuthMethod,
  type ScalarField,
  type SecretId,
  type SectionId,
  type TextRule,
} from './form-fields';

/** A write-only input: a new value replaces the stored secret, `clear` removes it, neither keeps it. */
export interface SecretInput {
  value: string;
  clear: boolean;
}

interface MappingValues {
  target: string;
  source: string;
  description: string;
  [unknown: string]: unknown;
}

interface ConditionValues {
  field: string;
  comparator_type: string;
  value: string;
  [unknown: string]: unknown;
}

interface ConditionGroupValues {
  conditions: ConditionValues[];
  [unknown: string]: unknown;
}

export interface MandateValues {
  name: string;
  country: string;
  include_pdf_in_einvoice: boolean;
  mappings: MappingValues[];
  condition_groups: ConditionGroupValues[];
  [unknown: string]: unknown;
}

interface LinkDetailValues {
  base_url: string;
  custom_field_reference: string;
  [unknown: string]: unknown;
}

interface LinkedResourceValues {
  resource_type: string;
  link_details: LinkDetailValues[];
  [unknown: string]: unknown;
}

interface TaxCodeValues {
  field: string;
  value: string;
  [unknown: string]: unknown;
}

/** The lists of the form, typed without the index signatures (react-hook-form's field-array paths need that). */
export interface SolvimonListValues {
  mandates: Array<
    Pick<MandateValues, 'name' | 'country' | 'include_pdf_in_einvoice'> & {
      mappings: Array<Pick<MappingValues, 'target' | 'source' | 'description'>>;
      condition_groups: Array<{
        conditions: Array<Pick<ConditionValues, 'field' | 'comparator_type' | 'value'>>;
      }>;
    }
  >;
  linked_resources: Array<{
    resource_type: string;
    link_details: Array<Pick<LinkDetailValues, 'base_url' | 'custom_field_reference'>>;
  }>;
  tax_custom_codes: Array<Pick<TaxCodeValues, 'field' | 'value'>>;
}

/**
 * Flat: the common fields, one key per field of ./form-fields.ts (`stripe_public_key`, …), per
 * authentication block `${id}_method` and `${id}_public`, the lists, and the secret inputs.
 */
export type SolvimonFormValues = {
  reference: string;
  name: string;
  description: string;
  type: string;
  mandates: MandateValues[];
  linked_resources: LinkedResourceValues[];
  tax_custom_codes: TaxCodeValues[];
  secrets: Record<SecretId, SecretInput>;
} & Record<string, unknown>;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function setAt(root: Json, path: readonly string[], value: unknown): void {
  let current = root;
  path.slice(0, -1).forEach((key) => {
    if (!isRecord(current[key])) current[key] = {};
    current = current[key] as Json;
  });
  current[path[path.length - 1] ?? ''] = value;
}

const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const ALL_SECRET_IDS: readonly SecretId[] = [
  ...AUTH_BLOCKS.map((b) => b.id),
  ...PLAIN_SECRETS.map((s) => s.id),
];

export const emptySecrets = (): Record<SecretId, SecretInput> =>
  Object.fromEntries(ALL_SECRET_IDS.map((id) => [id, { value: '', clear: false }])) as Record<
    SecretId,
    SecretInput
  >;

// ---------------------------------------------------------------------------------------------
// Scope: which fields apply to the values as they are now

export const sectionOfType = (type: string): SectionId | undefined =>
  (SOLVIMON_SECTION_OF_TYPE as Record<string, SectionId | undefined>)[type];

interface ScopeLike {
  section?: SectionId;
  variant?: string;
  when?: { key: string; values: readonly string[] };
  /** Fields, blocks and secrets carry more; only the scope is read here. */
  key?: string;
  id?: string;
}

/** Whether a field (or block) is part of the form for these values. */
export function applies(scope: ScopeLike, values: Json): boolean {
  if (scope.section !== undefined) {
    if (sectionOfType(str(values.type)) !== scope.section) return false;
    if (
      scope.variant !== undefined &&
      values[VARIANT_FIELDS[scope.section].key] !== scope.variant
    ) {
      return false;
    }
  }
  if (scope.when && !scope.when.values.includes(str(values[scope.when.key]))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Integration → values

function scalarValue(field: ScalarField, raw: unknown): unknown {
  switch (field.kind) {
    case 'switch':
      return raw === true;
    case 'list':
      return list<unknown>(raw).filter((v): v is string => typeof v === 'string');
    default:
      return str(raw);
  }
}

/** Which method an authentication object uses: the first one present. */
function authMethodOf(auth: unknown): AuthMethod | '' {
  return AUTH_METHODS.find((method) => isRecord(valueAtPath(auth, [method]))) ?? '';
}

const mandateValues = (m: unknown): MandateValues => {
  const mandate = isRecord(m) ? m : {};
  return {
    ...mandate,
    name: str(mandate.name),
    country: str(mandate.country),
    include_pdf_in_einvoice: mandate.include_pdf_in_einvoice === true,
    mappings: list<Json>(mandate.mappings).map((mapping) => ({
      ...mapping,
      target: str(mapping.target),
      source: str(mapping.source),
      description: str(mapping.description),
    })),
    condition_groups: list<Json>(mandate.condition_groups).map((group) => ({
      ...group,
      conditions: list<Json>(group.conditions).map((condition) => ({
        ...condition,
        field: str(condition.field),
        comparator_type: str(condition.comparator_type),
        value: str(condition.value),
      })),
    })),
  };
};

export const emptyMandate = (): MandateValues => mandateValues({});

export function toFormValues(integration: SolvimonIntegration): SolvimonFormValues {
  const values: SolvimonFormValues = {
    reference: integration.reference,
    name: str(integration.name),
    description: str(integration.description),
    type: integration.type,
    mandates: list(integration.e_invoicing?.mandates).map(mandateValues),
    linked_resources: list<Json>(integration.linked_resources_configurations).map((resource) => ({
      ...resource,
      resource_type: str(resource.resource_type),
      link_details: list<Json>(resource.link_details).map((link) => ({
        ...link,
        base_url: str(link.base_url),
        custom_field_reference: str(link.custom_field_reference),
      })),
    })),
    tax_custom_codes: list<Json>(integration.tax_calculation?.custom_tax_codes).map((code) => ({
      ...code,
      field: str(code.field),
      value: str(code.value),
    })),
    secrets: emptySecrets(),
  };
  for (const field of [...Object.values(VARIANT_FIELDS), ...SECTION_FIELDS]) {
    values[field.key] = scalarValue(field, valueAtPath(integration, field.path));
  }
  for (const block of AUTH_BLOCKS) {
    const auth = valueAtPath(integration, block.path);
    const method = authMethodOf(auth);
    values[`${block.id}_method`] = method;
    values[`${block.id}_public`] =
      method === '' ? '' : str(valueAtPath(auth, [method, AUTH_METHOD_FIELDS[method].publicField]));
  }
  return values;
}

/** The values of a new integration of no type yet. */
export function emptyFormValues(): SolvimonFormValues {
  return toFormValues({ id: 'new', reference: '', type: '' });
}

// ---------------------------------------------------------------------------------------------
// Values → the body a save sends

/** Writes a form value at `path`; an empty value clears a field that had one and adds nothing. */
function writeScalar(target: Json, field: ScalarField, value: unknown): void {
  const current = valueAtPath(target, field.path);
  const had = current !== undefined && current !== null;
  if (field.kind === 'switch') {
    if (value === true || had) setAt(target, field.path, value === true);
    return;
  }
  if (field.kind === 'list') {
    const items = list<string>(value);
    if (items.length > 0 || had) setAt(target, field.path, items);
    return;
  }
  const text = str(value);
  if (text === '') {
    if (had) setAt(target, field.path, null);
    return;
  }
  setAt(target, field.path, field.kind === 'integer' ? Number(text) : text);
}

/** Each section's variant objects: switching the variant drops the other's settings. */
export const VARIANT_OBJECTS: Record<SectionId, Record<string, string>> = {
  payment_gateway: { STRIPE: 'stripe', ADYEN: 'adyen' },
  e_invoicing: {},
  data_export: { S3: 's3', BIGQUERY: 'bigquery', GCS: 'gcs', SNOWFLAKE: 'snowflake' },
  tax_calculation: { AVATAX: 'ava_tax' },
  email_provider: { MAILGUN: 'mailgun' },
};

/** Where the spec allows null for a cleared secret; elsewhere it is "" (Decision 1). */
const NULLABLE_SECRET = new Set([
  'authentication.api_key.value',
  'payment_gateway.stripe.signing_secret',
]);

function clearedSecret(path: readonly string[]): null | '' {
  return NULLABLE_SECRET.has(path.join('.')) ? null : '';
}

function writeSecret(target: Json, path: readonly string[], input: SecretInput | undefined): void {
  if (input?.value) setAt(target, path, input.value);
  else if (input?.clear) setAt(target, path, clearedSecret(path));
}

function writeAuthBlock(
  target: Json,
  block: (typeof AUTH_BLOCKS)[number],
  values: SolvimonFormValues,
): void {
  const method = str(values[`${block.id}_method`]) as AuthMethod | '';
  const current = valueAtPath(target, block.path);
  if (method === '') {
    if (current !== undefined && current !== null) setAt(target, block.path, null);
    return;
  }
  const fields = AUTH_METHOD_FIELDS[method];
  // The same method keeps what Solvimon holds for it (a stored secret, unknown fields); another
  // method replaces the whole object, so the old method's secret goes with it.
  const kept = valueAtPath(current, [method]);
  const methodObject: Json = isRecord(kept) ? structuredClone(kept) : {};
  methodObject[fields.publicField] = str(values[`${block.id}_public`]);
  setAt(target, block.path, { [method]: methodObject });
  writeSecret(target, [...block.path, method, fields.secretField], values.secrets[block.id]);
}

const orNull = (text: string): string | null => (text === '' ? null : text);

function mandatesBody(mandates: readonly MandateValues[]): Json[] {
  return mandates.map((mandate) => ({
    ...mandate,
    mappings: mandate.mappings.map((m) => ({ ...m, description: orNull(m.description) })),
    condition_groups: mandate.condition_groups.map((group) => ({
      ...group,
      conditions: group.conditions.map((c) => ({
        ...c,
        // A comparison with nothing sends no leftover value.
        value: comparatorTakesValue(c.comparator_type) ? c.value : '',
      })),
    })),
  }));
}

/** EMPTY and NOT_EMPTY compare with nothing. */
export const comparatorTakesValue = (comparator: string): boolean =>
  comparator !== 'EMPTY' && comparator !== 'NOT_EMPTY';

/**
 * The integration as the form describes it, starting from `loaded` (or nothing, for a create): the
 * common fields, the type's section with its variant, credentials, lists and secrets the user set.
 */
function toIntegration(values: SolvimonFormValues, loaded: SolvimonIntegration | undefined): Json {
  const target: Json = loaded ? structuredClone(loaded) : {};
  target.reference = values.reference;
  target.type = values.type;
  for (const key of ['name', 'description'] as const) {
    if (values[key] !== '' || (loaded && loaded[key] != null)) target[key] = values[key];
  }
  const section = sectionOfType(values.type);
  if (section) {
    const variantField = VARIANT_FIELDS[section];
    const variant = str(values[variantField.key]);
    const objects = VARIANT_OBJECTS[section];
    const sectionObject = valueAtPath(target, [section]);
    if (isRecord(sectionObject) && sectionObject[variantField.path[1] ?? ''] !== variant) {
      for (const [other, key] of Object.entries(objects))
        if (other !== variant) delete sectionObject[key];
    }
    writeScalar(target, variantField, variant);
    for (const field of SECTION_FIELDS) {
      if (applies(field, values)) writeScalar(target, field, values[field.key]);
      // Hidden by its condition (a live prefix on a TEST account): what it held goes, not stays.
      else if (applies({ ...field, when: undefined }, values)) writeScalar(target, field, '');
    }
    if (section === 'e_invoicing')
      setAt(target, ['e_invoicing', 'mandates'], mandatesBody(values.mandates));
    if (
      section === 'tax_calculation' &&
      (values.tax_custom_codes.length > 0 || loaded?.tax_calculation?.custom_tax_codes)
    ) {
      setAt(target, ['tax_calculation', 'custom_tax_codes'], values.tax_custom_codes);
    }
  }
  for (const block of AUTH_BLOCKS)
    if (applies(block, values)) writeAuthBlock(target, block, values);
  for (const secret of PLAIN_SECRETS) {
    if (applies(secret, values)) writeSecret(target, secret.path, values.secrets[secret.id]);
  }
  target.linked_resources_configurations = values.linked_resources;
  return target;
}

/** POST body for a new integration (Solvimon starts it in DRAFT). */
export function toCreateRequest(values: SolvimonFormValues): SolvimonIntegrationCreateRequest {
  return toIntegration(values, undefined) as SolvimonIntegrationCreateRequest;
}

/** PATCH body: the loaded integration with the form on top, untouched secrets left out (Decision 2). */
export function toUpdateRequest(
  values: SolvimonFormValues,
  loaded: SolvimonIntegration,
): SolvimonIntegrationUpdateRequest {
  return toSolvimonUpdateRequest(toIntegration(values, loaded) as SolvimonIntegration, loaded);
}

// ---------------------------------------------------------------------------------------------
// Secrets as the form shows them

export interface SecretSlot {
  id: SecretId;
  label: string;
  /** Where the secret is for the values as they are now (depends on the method for a block). */
  path: readonly string[] | undefined;
}

/** The secret input of an authentication block or a plain secret, where it is for these values. */
export function secretSlot(id: SecretId, values: Json): SecretSlot {
  const block = AUTH_BLOCKS.find((b) => b.id === id);
  if (block) {
    const method = str(values[`${id}_method`]) as AuthMethod | '';
    if (method === '') return { id, label: 'Secret', path: undefined };
    const fields = AUTH_METHOD_FIELDS[method];
    return { id, label: fields.secretLabel, path: [...block.path, method, fields.secretField] };
  }
  const plain = PLAIN_SECRETS.find((s) => s.id === id);
  return { id, label: plain?.label ?? 'Secret', path: plain?.path };
}

/** Whether Solvimon holds this secret now: only when the loaded integration uses the same method. */
export function isStored(slot: SecretSlot, loaded: SolvimonIntegration | undefined): boolean {
  return (
    loaded !== undefined &&
    slot.path !== undefined &&
    isSolvimonSecretSet(loaded, slot.path as [string, ...string[]])
  );
}

// ---------------------------------------------------------------------------------------------
// Validation (docs/solvimon-api.md §2: reference `^\S+$`, name and description `^.*$`, ≤ 256)

const MAX_TEXT = 256;
/** "Client id" → "client id", but "API key", "AvaTax company code" and "HMAC key secret" stay as they are. */
export const lowerFirst = (label: string): string =>
  /^[A-Z][a-z]*(\s|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
const URL_RULE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function textProblem(value: string, rule: TextRule | undefined): string | undefined {
  if (value.length > MAX_TEXT) return `At most ${MAX_TEXT} characters`;
  if (/[\r\n]/.test(value)) return 'Must be a single line';
  if (rule === 'noSpaces' && /\s/.test(value)) return 'Must not contain spaces';
  if (rule === 'url' && !URL_RULE.test(value)) return 'Enter a full http:// or https:// address';
  if (rule === 'country' && !/^[A-Z]{2}$/.test(value))
    return 'Use the two-letter country code, e.g. BE';
  if (rule === 'stripePublishableKey' && !/^pk_(live|test)_\S+$/.test(value)) {
    return 'A publishable key starts with pk_live_ or pk_test_ (a secret sk_ key does not belong here)';
  }
  return undefined;
}

export interface ValidationContext {
  mode: 'create' | 'edit';
  loaded: SolvimonIntegration | undefined;
}

/** Every problem of the values, at its field: `[path, message]`, paths as react-hook-form names them. */
export function findProblems(
  values: SolvimonFormValues,
  context: ValidationContext,
): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const add = (path: string, message: string) => problems.push([path, message]);
  const checkText = (
    path: string,
    value: string,
    options: { required?: string; rule?: TextRule } = {},
  ) => {
    if (value.trim() === '') {
      if (options.required) add(path, options.required);
      return;
    }
    const problem = textProblem(value, options.rule);
    if (problem) add(path, problem);
  };

  if (values.reference === '')
    add('reference', 'Enter a reference: a unique key, e.g. stripe-eu-live');
  else if (/\s/.test(values.reference)) add('reference', 'Must not contain spaces');
  else if (values.reference.length > MAX_TEXT) add('reference', `At most ${MAX_TEXT} characters`);
  checkText('name', values.name);
  checkText('description', values.description);
  if (values.type === '') add('type', 'Choose what this integration is for');

  const section = sectionOfType(values.type);
  if (section) {
    const variantField = VARIANT_FIELDS[section];
    if (str(values[variantField.key]) === '')
      add(variantField.key, `Choose the ${lowerFirst(variantField.label)}`);
  }
  for (const field of SECTION_FIELDS) {
    if (!applies(field, values)) continue;
    const value = values[field.key];
    if (field.kind === 'text') {
      checkText(field.key, str(value), {
        required: field.required ? `Enter the ${lowerFirst(field.label)}` : undefined,
        rule: field.rule,
      });
    } else if (field.kind === 'select' && field.required && str(value) === '') {
      add(field.key, `Choose the ${lowerFirst(field.label)}`);
    } else if (field.kind === 'integer') {
      const text = str(value);
      if (text === '') {
        if (field.required) add(field.key, `Enter the ${lowerFirst(field.label)}`);
      } else if (!/^\d+$/.test(text) || Number(text) < (field.min ?? 0)) {
        add(field.key, `Enter a whole number of at least ${field.min ?? 0}`);
      }
    } else if (field.kind === 'list') {
      list<string>(value).forEach((item) => {
        const problem = textProblem(item, 'noSpaces');
        if (problem) add(field.key, `“${item}”: ${problem}`);
      });
    }
  }

  for (const block of AUTH_BLOCKS) {
    if (!applies(block, values)) continue;
    const method = str(values[`${block.id}_method`]) as AuthMethod | '';
    if (method === '') continue;
    const fields = AUTH_METHOD_FIELDS[method];
    checkText(`${block.id}_public`, str(values[`${block.id}_public`]), {
      required: `Enter the ${lowerFirst(fields.publicLabel)}`,
    });
    const slot = secretSlot(block.id, values);
    const input = values.secrets[block.id];
    // On an edit that keeps the method, what Solvimon holds (or not) stays: only a new method needs one.
    const newMethod =
      context.loaded === undefined ||
      authMethodOf(valueAtPath(context.loaded, block.path)) !== method;
    if (input.value === '' && newMethod && !isStored(slot, context.loaded)) {
      add(
        `secrets.${block.id}.value`,
        `Enter the ${lowerFirst(fields.secretLabel)}: none is stored`,
      );
    }
  }

  if (section === 'e_invoicing') {
    if (values.mandates.length === 0) add('mandates', 'Add at least one mandate');
    values.mandates.forEach((mandate, i) => {
      checkText(`mandates.${i}.name`, mandate.name, { required: 'Enter the mandate’s name' });
      checkText(`mandates.${i}.country`, mandate.country, {
        required: 'Enter the country',
        rule: 'country',
      });
      mandate.mappings.forEach((mapping, j) => {
        checkText(`mandates.${i}.mappings.${j}.target`, mapping.target, {
          required: 'Enter the e-invoice field',
        });
        checkText(`mandates.${i}.mappings.${j}.source`, mapping.source, {
          required: 'Enter the Solvimon field',
        });
        checkText(`mandates.${i}.mappings.${j}.description`, mapping.description);
      });
      mandate.condition_groups.forEach((group, g) => {
        if (group.conditions.length === 0)
          add(
            `mandates.${i}.condition_groups.${g}.conditions`,
            'Add a condition, or remove the group',
          );
        group.conditions.forEach((condition, c) => {
          const at = `mandates.${i}.condition_groups.${g}.conditions.${c}`;
          checkText(`${at}.field`, condition.field, {
            required: 'Enter the field to compare',
            rule: 'noSpaces',
          });
          if (condition.comparator_type === '')
            add(`${at}.comparator_type`, 'Choose how to compare');
          if (comparatorTakesValue(condition.comparator_type)) {
            checkText(`${at}.value`, condition.value, {
              required: 'Enter the value to compare with',
            });
          }
        });
      });
    });
  }

  if (section === 'tax_calculation') {
    values.tax_custom_codes.forEach((code, i) => {
      if (code.field === '') add(`tax_custom_codes.${i}.field`, 'Choose what the code applies to');
      checkText(`tax_custom_codes.${i}.value`, code.value, {
        required: 'Enter the tax code',
        rule: 'noSpaces',
      });
    });
  }

  values.linked_resources.forEach((resource, i) => {
    checkText(`linked_resources.${i}.resource_type`, resource.resource_type, {
      required: 'Choose the Solvimon resource',
      rule: 'noSpaces',
    });
    if (resource.link_details.length === 0)
      add(`linked_resources.${i}.link_details`, 'Add a link, or remove the resource');
    resource.link_details.forEach((link, j) => {
      checkText(`linked_resources.${i}.link_details.${j}.base_url`, link.base_url, {
        required: 'Enter the address the id is appended to',
        rule: 'url',
      });
      checkText(
        `linked_resources.${i}.link_details.${j}.custom_field_reference`,
        link.custom_field_reference,
        { required: 'Enter the custom field that holds the id', rule: 'noSpaces' },
      );
    });
  });
  return problems;
}

/** The zod schema react-hook-form validates with: the problems of `findProblems` at their paths. */
export function solvimonFormSchema(context: ValidationContext) {
  return z
    .custom<SolvimonFormValues>((v) => isRecord(v))
    .check(
      z.superRefine((values, ctx) => {
        for (const [path, message] of findProblems(values, context)) {
          ctx.addIssue({
            code: 'custom',
            path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            message,
          });
        }
      }),
    );
}

/** A stored draft's shape (secrets are never in one; they come back empty). */
export const solvimonDraftSchema = z.custom<SolvimonFormValues>(
  (v) =>
    isRecord(v) &&
    typeof v.reference === 'string' &&
    typeof v.type === 'string' &&
    Array.isArray(v.mandates) &&
    Array.isArray(v.linked_resources) &&
    Array.isArray(v.tax_custom_codes),
);

// ---------------------------------------------------------------------------------------------
// Solvimon's error `field` → the form field

const ARRAY_PREFIXES: ReadonlyArray<[string, string]> = [
  ['e_invoicing.mandates', 'mandates'],
  ['linked_resources_configurations', 'linked_resources'],
  ['tax_calculation.custom_tax_codes', 'tax_custom_codes'],
];

/**
 * The form field a Solvimon error `field` (a dotted path, array items by index) is about, or undefined
 * when the form has none for it (the message then goes to the form-level alert).
 */
export function formFieldOf(apiField: string): string | undefined {
  if (['reference', 'name', 'description', 'type'].includes(apiField)) return apiField;
  for (const [prefix, key] of ARRAY_PREFIXES) {
    if (apiField === prefix) return key;
    if (apiField.startsWith(`${prefix}.`)) return `${key}${apiField.slice(prefix.length)}`;
  }
  for (const field of [...Object.values(VARIANT_FIELDS), ...SECTION_FIELDS]) {
    const path = field.path.join('.');
    if (apiField === path || (field.kind === 'list' && apiField.startsWith(`${path}.`)))
      return field.key;
  }
  for (const block of AUTH_BLOCKS) {
    const base = block.path.join('.');
    if (apiField === base) return `${block.id}_method`;
    for (const method of AUTH_METHODS) {
      const fields = AUTH_METHOD_FIELDS[method];
      if (apiField === `${base}.${method}`) return `${block.id}_method`;
      if (apiField === `${base}.${method}.${fields.publicField}`) return `${block.id}_public`;
      if (apiField === `${base}.${method}.${fields.secretField}`)
        return `secrets.${block.id}.value`;
    }
  }
  for (const secret of PLAIN_SECRETS)
    if (apiField === secret.path.join('.')) return `secrets.${secret.id}.value`;
  const section = Object.values(VARIANT_FIELDS).find(
    (f) => apiField === f.path[0] || apiField.startsWith(`${f.path[0]}.`),
  );
  return section?.key;
}

// ---------------------------------------------------------------------------------------------
// The conflict panel's fields, and what a save could not store

export const SECTION_TITLES: Record<SectionId, string> = {
  payment_gateway: 'Payment gateway',
  e_invoicing: 'E-invoicing',
  data_export: 'Data export',
  tax_calculation: 'Tax calculation',
  email_provider: 'Email provider',
};

const methodLabel = (value: unknown): string =>
  typeof value === 'string' && value in AUTH_METHOD_FIELDS
    ? AUTH_METHOD_FIELDS[value as AuthMethod].label
    : '(none)';

const scopeLabel = (field: ScalarField): string => {
  if (!field.section) return field.label;
  const variantField = VARIANT_FIELDS[field.section];
  const variant = field.variant
    ? (variantField.optionLabels[field.variant] ?? field.variant)
    : SECTION_TITLES[field.section];
  return `${variant} · ${field.label}`;
};

/** Every field the conflict panel compares, field by field, in the form's order. */
export const CONFLICT_FIELDS: readonly ConflictField<SolvimonFormValues>[] = [
  { key: 'reference', label: 'Reference' },
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  ...Object.values(VARIANT_FIELDS).map((field) => ({
    key: field.key,
    label: `${SECTION_TITLES[field.section]} · ${field.label}`,
  })),
  ...SECTION_FIELDS.map((field) => ({ key: field.key, label: scopeLabel(field) })),
  { key: 'mandates', label: 'E-invoicing · Mandates' },
  { key: 'tax_custom_codes', label: 'Tax calculation · Custom tax codes' },
  ...AUTH_BLOCKS.flatMap((block) => [
    { key: `${block.id}_method`, label: `${block.label} · Method`, format: methodLabel },
    { key: `${block.id}_public`, label: `${block.label} · Header, client id or username` },
  ]),
  { key: 'linked_resources', label: 'Linked resources' },
];

/** Whether the values carry a new or cleared secret: a save of them is never known to have landed. */
export const changesSecrets = (values: SolvimonFormValues): boolean =>
  Object.values(values.secrets).some((input) => input.value !== '' || input.clear);

/** Values as a save sends them: a comparison with nothing carries no leftover value. */
function asSent(values: SolvimonFormValues): SolvimonFormValues {
  return {
    ...values,
    mandates: values.mandates.map((mandate) => ({
      ...mandate,
      condition_groups: mandate.condition_groups.map((group) => ({
        ...group,
        conditions: group.conditions.map((c) =>
          comparatorTakesValue(c.comparator_type) ? c : { ...c, value: '' },
        ),
      })),
    })),
  };
}

/**
 * The labels of the fields where `theirs` differs from `mine`, among those `mine` sends (a section,
 * variant or condition it does not use is not compared).
 */
function differingFields(mine: SolvimonFormValues, theirs: SolvimonFormValues): string[] {
  const a = asSent(mine);
  const b = asSent(theirs);
  return CONFLICT_FIELDS.filter((field) => applies(scopeOfKey(field.key), a))
    .filter((field) => !valuesEqual(a[field.key], b[field.key]))
    .map((field) => field.label);
}

/** Whether Solvimon holds what these values would save (a lost answer's save did land, a create exists). */
export const holdsSameValues = (mine: SolvimonFormValues, theirs: SolvimonFormValues): boolean =>
  differingFields(mine, theirs).length === 0;

/**
 * The fields Solvimon answered differently from what was sent (docs/solvimon-api.md Decision 3: the
 * check after a save), by label. Empty when it holds exactly what the form sent.
 */
export const unsavedFields = (sent: SolvimonFormValues, answered: SolvimonIntegration): string[] =>
  differingFields(sent, toFormValues(answered));

/** The scope of a form key, for `applies` (fields outside the type's section were not sent). */
function scopeOfKey(key: string): ScopeLike {
  const field = [...Object.values(VARIANT_FIELDS), ...SECTION_FIELDS].find((f) => f.key === key);
  if (field) return field;
  const block = AUTH_BLOCKS.find((b) => key.startsWith(`${b.id}_`));
  if (block) return block;
  if (key === 'mandates') return { section: 'e_invoicing' };
  if (key === 'tax_custom_codes') return { section: 'tax_calculation' };
  return {};
}

/**
 * After a conflict is resolved: the secrets typed into the form survive only where they still go to
 * the same place (the same credentials method, a secret whose section and variant still apply), so
 * "take theirs" never sends a client secret typed for one method as another method's key.
 */
export function keepSecretsOnResolve(
  merged: SolvimonFormValues,
  current: SolvimonFormValues,
): SolvimonFormValues {
  const secrets = emptySecrets();
  for (const id of ALL_SECRET_IDS) {
    const before = secretSlot(id, current).path?.join('.');
    const after = secretSlot(id, merged).path?.join('.');
    const scope = AUTH_BLOCKS.find((b) => b.id === id) ?? PLAIN_SECRETS.find((s) => s.id === id);
    if (before !== undefined && before === after && scope && applies(scope, merged)) {
      secrets[id] = current.secrets[id];
    }
  }
  return { ...merged, secrets };
}
