/**
 * `/configs/new?entityType=…&destination=…&destinationId=…&name=…`: a create form filled in from a link
 * (e.g. a webhook destination's "create a Notification integration that sends here"). Part of the URL
 * contract (docs/architecture.md §7): anything unusable is dropped, and the form still validates it all.
 */
import { z } from 'zod/mini';
import { ENTITY_TYPE_PATTERN, UUID_PATTERN } from '../../api';

const dropInvalid = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const typeName = dropInvalid(
  z.string().check(z.trim(), z.maxLength(100), z.regex(ENTITY_TYPE_PATTERN)),
);

export const configPrefillSchema = z.object({
  entityType: typeName,
  destination: typeName,
  destinationId: dropInvalid(z.string().check(z.trim(), z.regex(UUID_PATTERN))),
  name: dropInvalid(z.string().check(z.trim(), z.maxLength(200))),
});

export type ConfigPrefill = z.infer<typeof configPrefillSchema>;
