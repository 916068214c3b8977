/**
 * ExternalMapping request/response and the mapping-configuration helpers (docs/m3ter-api.md §5).
 */
import { z } from 'zod/mini';
import { auditFieldsSchema, isValidMappingText, pageSchema } from './common';

const mappingTextSchema = z.string().check(
  z.minLength(1, 'Required'),
  z.refine(isValidMappingText, {
    message: 'Must not start or end with a space or contain control characters',
  }),
);

/** `ExternalMappingResponse`. */
export const externalMappingSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  m3terEntity: z.string().check(z.minLength(1)),
  m3terId: z.string().check(z.minLength(1)),
  externalSystem: z.string().check(z.minLength(1)),
  externalTable: z.string().check(z.minLength(1)),
  externalId: z.string().check(z.minLength(1)),
  integrationConfigId: z.optional(z.string()),
});

export type ExternalMapping = z.infer<typeof externalMappingSchema>;

/**
 * `ExternalMappingRequest` (POST and PUT body). `version`: omit on create, send the loaded value on
 * update. Loose so that a full-replace PUT keeps fields this console does not know.
 */
export const externalMappingRequestSchema = z.looseObject({
  m3terEntity: mappingTextSchema,
  m3terId: mappingTextSchema,
  externalSystem: mappingTextSchema,
  externalTable: mappingTextSchema,
  externalId: mappingTextSchema,
  integrationConfigId: z.optional(z.string()),
  version: z.optional(z.int()),
});

export type ExternalMappingRequest = z.infer<typeof externalMappingRequestSchema>;

/** `ExternalSystemResponse`. */
const externalSystemSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  tables: z.optional(z.array(z.string())),
  allowCustomExternalTables: z.optional(z.boolean()),
});

export type ExternalSystem = z.infer<typeof externalSystemSchema>;

/** `ExternalMappingConfigurationResponse`: what a mapping form may offer. */
export const externalMappingConfigurationSchema = z.looseObject({
  m3terEntities: z.array(z.string()),
  externalSystems: z.array(externalSystemSchema),
});

export type ExternalMappingConfiguration = z.infer<typeof externalMappingConfigurationSchema>;

/**
 * `ExternalEntityResponse`: one pick-list value fetched from the destination. The spec requires
 * neither field; an entry without an ID is useless for a mapping, so `externalId` is required and the
 * name, which the UI can fall back from, is not.
 */
const externalEntitySchema = z.looseObject({
  externalId: z.string().check(z.minLength(1)),
  externalName: z.nullish(z.string()),
});

export type ExternalEntity = z.infer<typeof externalEntitySchema>;

export const externalEntityListSchema = z.array(externalEntitySchema);

export const externalMappingPageSchema = pageSchema(externalMappingSchema);
