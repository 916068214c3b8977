/**
 * The create/edit form's model (docs/architecture.md §5): form values ≠ API schema. Everything is a flat string
 * or boolean so the form, the draft and the conflict panel handle it alike; `toFormValues` and
 * `toRequest` translate. `version` is not a form value: the form keeps the entity it was loaded from
 * (with its version and any field this console does not know) and `toRequest` puts the edits on top.
 */
import { z } from 'zod/mini';
import {
  ENTITY_TYPE_PATTERN,
  SERVER_SET_FIELDS,
  UUID_PATTERN,
  type IntegrationConfig,
  type IntegrationConfigRequest,
} from '../../api';
import type { ConflictField } from '../../components/conflict';
import type { ConfigPrefill } from './config-prefill';
import {
  formatJsonObject,
  jsonObjectTextSchema,
  parseJsonObject,
} from '../../components/form/json-object';

/** Suggested entity types; any value matching ENTITY_TYPE_PATTERN is accepted. */
export const KNOWN_ENTITY_TYPES = ['Bill', 'Notification'] as const;

/**
 * Destinations suggested when m3ter's `available/systems` cannot be read (docs/m3ter-api.md §6.3); any value
 * matching ENTITY_TYPE_PATTERN is accepted.
 */
export const KNOWN_DESTINATIONS = [
  'Stripe',
  'NetSuite',
  'Xero',
  'QuickBooks',
  'Chargebee',
  'Paddle',
  'Salesforce',
  'Webhook',
] as const;

const PATTERN_MESSAGE = 'Use only letters, digits, "_" and "-" (no spaces)';
const UUID_MESSAGE = 'Must be a UUID like 3e7c1a52-8f4d-4b6e-9a1c-2d5f8e0b7c31';

const typeName = (what: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `Enter ${what}`),
      z.regex(ENTITY_TYPE_PATTERN, PATTERN_MESSAGE),
    );

const trimmedEmptyOr = (test: (value: string) => boolean, message: string) =>
  z.string().check(
    z.trim(),
    z.refine((value) => value === '' || test(value), message),
  );

const optionalUuid = trimmedEmptyOr((value) => UUID_PATTERN.test(value), UUID_MESSAGE);

const nameText = z.string().check(z.maxLength(200, 'Keep the name under 200 characters'));

export const configFormSchema = z
  .object({
    name: nameText,
    entityType: typeName('an entity type, e.g. Bill'),
    destination: typeName('a destination, e.g. Stripe'),
    entityId: optionalUuid,
    destinationId: optionalUuid,
    integrationCredentialsId: optionalUuid,
    configData: jsonObjectTextSchema(),
    /** Send new inline credentials with this save. Nothing secret is part of the form. */
    withCredentials: z.boolean(),
    credentialsType: z.string().check(z.trim()),
    credentialsName: nameText,
    credentialsDestination: trimmedEmptyOr(
      (value) => ENTITY_TYPE_PATTERN.test(value),
      PATTERN_MESSAGE,
    ),
    credentialsEmpty: z.boolean(),
  })
  .check(
    z.superRefine((values, ctx) => {
      if (!values.withCredentials) return;
      if (values.credentialsType === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['credentialsType'],
          message: 'Choose a credential type',
        });
      } else if (!ENTITY_TYPE_PATTERN.test(values.credentialsType)) {
        ctx.addIssue({ code: 'custom', path: ['credentialsType'], message: PATTERN_MESSAGE });
      }
    }),
  );

export type ConfigFormValues = z.infer<typeof configFormSchema>;

/** The form-field names, for typed lookups. */
export type ConfigFormField = keyof ConfigFormValues;

export const EMPTY_CONFIG_FORM: ConfigFormValues = {
  name: '',
  entityType: 'Bill',
  destination: '',
  entityId: '',
  destinationId: '',
  integrationCredentialsId: '',
  configData: '{}',
  withCredentials: false,
  credentialsType: '',
  credentialsName: '',
  credentialsDestination: '',
  credentialsEmpty: false,
};

/** The create form's starting values with the pre-fill on top. */
export function prefilledValues(prefill: ConfigPrefill | undefined): ConfigFormValues {
  const values = { ...EMPTY_CONFIG_FORM };
  if (prefill?.entityType) values.entityType = prefill.entityType;
  if (prefill?.destination) values.destination = prefill.destination;
  if (prefill?.destinationId) values.destinationId = prefill.destinationId;
  if (prefill?.name) values.name = prefill.name;
  return values;
}

/** The values a loaded config fills the form with. Credentials are write-only: never read back. */
export function toFormValues(config: IntegrationConfig): ConfigFormValues {
  return {
    name: config.name ?? '',
    entityType: config.entityType,
    destination: config.destination,
    entityId: config.entityId ?? '',
    destinationId: config.destinationId ?? '',
    integrationCredentialsId: config.integrationCredentialsId ?? '',
    configData: formatJsonObject(config.configData),
    withCredentials: false,
    credentialsType: '',
    credentialsName: '',
    credentialsDestination: '',
    credentialsEmpty: false,
  };
}

/** Fields m3ter sets itself: never sent back in a request body. */
const RESPONSE_ONLY = [...SERVER_SET_FIELDS, 'authorized', 'enabled', 'triggerType'] as const;

/**
 * The request body. For an update, `loaded` is the entity the edit is based on: every field of it the
 * form does not show (including ones this console does not know) is sent back unchanged, with the
 * form's fields on top and `version` from `loaded` (docs/m3ter-api.md Decision 6). Empty optional text fields are
 * omitted (for an update: removed, as a full replace means).
 */
export function toRequest(
  values: ConfigFormValues,
  loaded?: IntegrationConfig,
): IntegrationConfigRequest {
  const body: Record<string, unknown> = { ...loaded };
  for (const key of RESPONSE_ONLY) delete body[key];

  const setOrDrop = (key: string, value: string) => {
    const trimmed = value.trim();
    if (trimmed === '') delete body[key];
    else body[key] = trimmed;
  };
  setOrDrop('name', values.name);
  body.entityType = values.entityType.trim();
  body.destination = values.destination.trim();
  setOrDrop('entityId', values.entityId);
  setOrDrop('destinationId', values.destinationId);
  setOrDrop('integrationCredentialsId', values.integrationCredentialsId);

  const configData = parseJsonObject(values.configData);
  // The schema has already rejected invalid JSON; an empty editor means {}.
  body.configData = configData.ok ? configData.value : {};

  delete body.credentials;
  if (values.withCredentials) {
    const credentials: Record<string, unknown> = {
      type: values.credentialsType.trim(),
      empty: values.credentialsEmpty,
    };
    if (values.credentialsName.trim() !== '') credentials.name = values.credentialsName.trim();
    if (values.credentialsDestination.trim() !== '') {
      credentials.destination = values.credentialsDestination.trim();
    }
    body.credentials = credentials;
  }

  if (loaded?.version !== undefined) body.version = loaded.version;
  return body as IntegrationConfigRequest;
}

/** The form fields a version conflict compares (credentials are write-only: always the user's). */
export const CONFLICT_FIELDS: readonly ConflictField<ConfigFormValues>[] = [
  { key: 'name', label: 'Name' },
  { key: 'entityType', label: 'Entity type' },
  { key: 'destination', label: 'Destination' },
  { key: 'entityId', label: 'Entity id' },
  { key: 'destinationId', label: 'Destination id' },
  { key: 'integrationCredentialsId', label: 'Credentials id' },
  { key: 'configData', label: 'Configuration data (configData)' },
];

const CREDENTIAL_KEYS = [
  'withCredentials',
  'credentialsType',
  'credentialsName',
  'credentialsDestination',
  'credentialsEmpty',
] as const satisfies readonly ConfigFormField[];

/** `target` with the credentials section of `source` (a merge never drops what the user typed there). */
export function withCredentialsOf(
  target: ConfigFormValues,
  source: ConfigFormValues,
): ConfigFormValues {
  const out = { ...target };
  for (const key of CREDENTIAL_KEYS) Object.assign(out, { [key]: source[key] });
  return out;
}

/**
 * Values as compared in a conflict: trimmed text, and configData re-formatted when it is valid JSON,
 * so re-indenting the JSON is not an edit.
 */
export function normalizeFormValues(values: ConfigFormValues): ConfigFormValues {
  const configData = parseJsonObject(values.configData);
  return {
    ...values,
    name: values.name.trim(),
    entityType: values.entityType.trim(),
    destination: values.destination.trim(),
    entityId: values.entityId.trim(),
    destinationId: values.destinationId.trim(),
    integrationCredentialsId: values.integrationCredentialsId.trim(),
    configData: configData.ok ? formatJsonObject(configData.value) : values.configData,
  };
}

/**
 * The API field paths a server 400 message may name, and the form field each lands on
 * (`applyServerValidationError`).
 */
export const SERVER_FIELD_MAP: Readonly<Record<string, ConfigFormField>> = {
  name: 'name',
  entityType: 'entityType',
  destination: 'destination',
  entityId: 'entityId',
  destinationId: 'destinationId',
  integrationCredentialsId: 'integrationCredentialsId',
  configData: 'configData',
  'credentials.type': 'credentialsType',
  'credentials.name': 'credentialsName',
  'credentials.destination': 'credentialsDestination',
  credentials: 'credentialsType',
};

/**
 * The shape of stored drafts: types only, no rules, so a draft saved mid-edit (say, with half-typed
 * JSON) is still offered back; the form validates it on save like anything typed.
 */
export const configDraftSchema: z.ZodMiniType<ConfigFormValues> = z.object({
  name: z.string(),
  entityType: z.string(),
  destination: z.string(),
  entityId: z.string(),
  destinationId: z.string(),
  integrationCredentialsId: z.string(),
  configData: z.string(),
  withCredentials: z.boolean(),
  credentialsType: z.string(),
  credentialsName: z.string(),
  credentialsDestination: z.string(),
  credentialsEmpty: z.boolean(),
});

/** Draft key of a config form: the config id, or "new". */
export function configDraftRef(id: string | undefined) {
  return { entity: 'integration-config', id: id ?? 'new' } as const;
}
