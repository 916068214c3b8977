/**
 * `/configs/new?entityType=…&destination=…&destinationId=…&name=…`: a create form filled in from a link
 * (e.g. a webhook destination's "create a Notification integration that sends here"). Part of the URL
 * contract (docs/architecture.md §7): anything unusable is dropped, and the form still validates it all.
 */
import { z } from 'zod';
import { ENTITY_TYPE_PATTERN, UUID_PATTERN } from '../../api';
import { EMPTY_CONFIG_FORM, type ConfigFormValues } from './config-form-model';

const typeName = z.string().trim().max(100).regex(ENTITY_TYPE_PATTERN).optional().catch(undefined);

export const configPrefillSchema = z.object({
  entityType: typeName,
  destination: typeName,
  destinationId: z.string().trim().regex(UUID_PATTERN).optional().catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
});

export type ConfigPrefill = z.infer<typeof configPrefillSchema>;

/** The create form's starting values with the pre-fill on top. */
export function prefilledValues(prefill: ConfigPrefill | undefined): ConfigFormValues {
  const values = { ...EMPTY_CONFIG_FORM };
  if (prefill?.entityType) values.entityType = prefill.entityType;
  if (prefill?.destination) values.destination = prefill.destination;
  if (prefill?.destinationId) values.destinationId = prefill.destinationId;
  if (prefill?.name) values.name = prefill.name;
  return values;
}
