/**
 * `/configs/new?entityType=…&destination=…&destinationId=…&name=…`: a create form filled in from a link
 * (e.g. a webhook destination's "create a Notification integration that sends here"). Part of the URL
 * contract (docs/architecture.md §7): anything unusable is dropped, and the form still validates it all.
 */
import { z } from 'zod';
import { ENTITY_TYPE_PATTERN, UUID_PATTERN } from '../../api';

const typeName = z.string().trim().max(100).regex(ENTITY_TYPE_PATTERN).optional().catch(undefined);

export const configPrefillSchema = z.object({
  entityType: typeName,
  destination: typeName,
  destinationId: z.string().trim().regex(UUID_PATTERN).optional().catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
});

export type ConfigPrefill = z.infer<typeof configPrefillSchema>;
