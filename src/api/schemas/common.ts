/**
 * Building blocks shared by every m3ter schema (docs/m3ter-api.md §2.2, §2.4, §5.1).
 */
import { z } from 'zod';

/**
 * `entityType` / `destination` on IntegrationConfigRequest. The spec's pattern is `^[a-zA-Z0-9_-]*$` plus
 * minLength 1; `+` states both at once.
 */
export const ENTITY_TYPE_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Loose 8-4-4-4-12 hex check: m3ter IDs are UUIDs, but the version nibble is not enforced. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

const CONTROL_CHAR = /\p{Cc}/u;

/**
 * The ExternalMappingRequest text rule. m3ter's Java pattern (docs/m3ter-api.md §5.1) means: non-empty, no leading or
 * trailing whitespace, no control characters; inner spaces are allowed.
 */
export function isValidMappingText(value: string): boolean {
  return value.length > 0 && value === value.trim() && !CONTROL_CHAR.test(value);
}

/**
 * `id` and `version` (AbstractResponse) plus the audit fields (AbstractResponseWithAuditFields).
 * Only `id` is required by the spec.
 */
export const auditFieldsSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().optional(),
  dtCreated: z.string().optional(),
  dtLastModified: z.string().optional(),
  createdBy: z.string().optional(),
  lastModifiedBy: z.string().optional(),
});

export type AuditFields = z.infer<typeof auditFieldsSchema>;

/**
 * Fields m3ter sets itself on every entity (`id`, `version` and the audit fields): never sent back in
 * a request body. An update carries the version it is based on separately.
 */
export const SERVER_SET_FIELDS = Object.keys(
  auditFieldsSchema.shape,
) as readonly (keyof AuditFields)[];

/** The cursor page envelope of every m3ter list. */
export interface Page<T> {
  data: T[];
  nextToken?: string | null;
}

/**
 * `{ data, nextToken }`. The spec marks neither property required, so a body without `data` is read as an
 * empty page rather than rejected; `nextToken` may be absent, null or empty at the end (docs/m3ter-api.md §2.4).
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item).default([]),
    nextToken: z.string().nullish(),
  });
}
