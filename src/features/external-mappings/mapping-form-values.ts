/**
 * Form values ↔ API bodies for the mapping forms (docs/architecture.md §5): the form schema is not the API
 * schema. The form holds plain strings ('' = not chosen) so that whatever the user typed stays in the
 * form, valid or not; the request is built only from values that passed the rules.
 */
import { z } from 'zod/mini';
import { SERVER_SET_FIELDS, type ExternalMapping, type ExternalMappingRequest } from '../../api';
import {
  MAPPING_FIELD_ORDER,
  mappingFieldIssue,
  type MappingFields,
  type MappingRuleContext,
} from './mapping-rules';

/**
 * What both mapping forms hold. `version` is the version the edit is based on and travels in form state
 * (docs/architecture.md §6); the create form holds 0 there and never sends it.
 */
export interface MappingFormValues extends MappingFields {
  version: number;
}

const fieldsShape = {
  m3terEntity: z.string(),
  m3terId: z.string(),
  externalSystem: z.string(),
  externalTable: z.string(),
  externalId: z.string(),
  integrationConfigId: z.string(),
};

/** The shape of form values and stored drafts: any strings (the rules run when they are shown). */
export const mappingFormShapeSchema = z.object({ ...fieldsShape, version: z.int() });

/**
 * The create/edit form schema: the shared rules, field by field, with the context known when the form
 * renders (configuration, configs, the values being edited).
 */
export function mappingFormSchema(context: MappingRuleContext) {
  return mappingFormShapeSchema.check(
    z.superRefine((values, ctx) => {
      for (const name of MAPPING_FIELD_ORDER) {
        const message = mappingFieldIssue(name, values, context);
        if (message) ctx.addIssue({ code: 'custom', path: [name], message });
      }
    }),
  );
}

/** Create-form values from a pre-fill (a link from another screen); absent fields are empty. */
export function fromPrefill(
  prefill: Partial<Record<keyof MappingFields, string | undefined>>,
): MappingFormValues {
  return {
    m3terEntity: prefill.m3terEntity ?? '',
    m3terId: prefill.m3terId ?? '',
    externalSystem: prefill.externalSystem ?? '',
    externalTable: prefill.externalTable ?? '',
    externalId: prefill.externalId ?? '',
    integrationConfigId: prefill.integrationConfigId ?? '',
    version: 0,
  };
}

export function toFormValues(mapping: ExternalMapping): MappingFormValues {
  return {
    m3terEntity: mapping.m3terEntity,
    m3terId: mapping.m3terId,
    externalSystem: mapping.externalSystem,
    externalTable: mapping.externalTable,
    externalId: mapping.externalId,
    integrationConfigId: mapping.integrationConfigId ?? '',
    version: mapping.version ?? 1,
  };
}

/** The POST body. No version on create. */
export function toCreateRequest(values: MappingFields): ExternalMappingRequest {
  const body: ExternalMappingRequest = {
    m3terEntity: values.m3terEntity,
    m3terId: values.m3terId,
    externalSystem: values.externalSystem,
    externalTable: values.externalTable,
    externalId: values.externalId,
  };
  if (values.integrationConfigId !== '') body.integrationConfigId = values.integrationConfigId;
  return body;
}

/**
 * The PUT body: a full replace (docs/m3ter-api.md Decision 6), so every field of the loaded mapping the form does
 * not show is sent back unchanged, with the edits on top and the version the edit is based on.
 * Clearing the linked config removes the key.
 */
export function toUpdateRequest(
  loaded: ExternalMapping,
  values: MappingFormValues,
): ExternalMappingRequest & { version: number } {
  const rest: Record<string, unknown> = { ...loaded };
  for (const key of SERVER_SET_FIELDS) delete rest[key];
  delete rest.integrationConfigId;
  return { ...rest, ...toCreateRequest(values), version: values.version };
}

/** The editable fields of a form value object (drops `version`). */
export function pickFields(values: MappingFields): MappingFields {
  return {
    m3terEntity: values.m3terEntity,
    m3terId: values.m3terId,
    externalSystem: values.externalSystem,
    externalTable: values.externalTable,
    externalId: values.externalId,
    integrationConfigId: values.integrationConfigId,
  };
}

/**
 * Fields a server 400 message may name, for `applyServerValidationError`: the API paths are the form
 * names.
 */
export const SERVER_FIELD_MAP = {
  m3terEntity: 'm3terEntity',
  m3terId: 'm3terId',
  externalSystem: 'externalSystem',
  externalTable: 'externalTable',
  externalId: 'externalId',
  integrationConfigId: 'integrationConfigId',
} as const;
