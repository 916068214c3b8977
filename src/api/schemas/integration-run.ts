/**
 * IntegrationRun and its log (docs/m3ter-api.md §4).
 */
import { z } from 'zod/mini';
import { auditFieldsSchema, pageSchema } from './common';

/** `RunStatus` values in the spec's order. m3ter has added values before: never switch exhaustively. */
/** The entity types m3ter documents for runs (docs/m3ter-api.md §4.1). */
export const RUN_ENTITY_TYPES = ['Bill', 'Notification'] as const;
export type RunEntityType = (typeof RUN_ENTITY_TYPES)[number];

export const RUN_STATUSES = [
  'WAITING',
  'STARTED',
  'COMPLETE',
  'ERROR',
  'AWAITING_RETRY',
  'AUTH_FAILED',
  'ACCOUNTING_PERIOD_CLOSED',
  'INVOICE_ALREADY_PAID',
  'DISABLED',
  'TIMEOUT_LIMIT_EXCEEDED',
  'RATE_LIMIT_RETRY',
] as const;

export type KnownRunStatus = (typeof RUN_STATUSES)[number];

/** A known status, or any other string (rendered as a neutral badge). */
export type RunStatus = KnownRunStatus | (string & {});

/** Open: any non-empty string parses, so a new status never drops a run from a list. */
export const runStatusSchema: z.ZodMiniType<RunStatus> = z.string().check(z.minLength(1));

export type RunStatusGroupId = 'in-progress' | 'succeeded' | 'failed' | 'stopped';

export interface RunStatusGroup {
  id: RunStatusGroupId;
  label: string;
  statuses: readonly KnownRunStatus[];
}

/** The UI grouping of docs/m3ter-api.md Decision 9. */
export const RUN_STATUS_GROUPS: readonly RunStatusGroup[] = [
  {
    id: 'in-progress',
    label: 'In progress',
    statuses: ['WAITING', 'STARTED', 'AWAITING_RETRY', 'RATE_LIMIT_RETRY'],
  },
  { id: 'succeeded', label: 'Succeeded', statuses: ['COMPLETE'] },
  { id: 'failed', label: 'Failed', statuses: ['ERROR', 'AUTH_FAILED', 'TIMEOUT_LIMIT_EXCEEDED'] },
  {
    id: 'stopped',
    label: 'Stopped by a business rule',
    statuses: ['ACCOUNTING_PERIOD_CLOSED', 'INVOICE_ALREADY_PAID', 'DISABLED'],
  },
];

/** The group of a status, or 'unknown' for a status this console has not met yet. */
export function statusGroupOf(status: RunStatus): RunStatusGroupId | 'unknown' {
  const group = RUN_STATUS_GROUPS.find((g) => (g.statuses as readonly string[]).includes(status));
  return group ? group.id : 'unknown';
}

/** `IntegrationRunDao.Order`. Which field it sorts on is undocumented (docs/m3ter-api.md §10.6). */
export const RUN_ORDER = ['ASC', 'DESC'] as const;
export type RunOrder = (typeof RUN_ORDER)[number];

/** `IntegrationRunResponse`; loose so fields from newer docs (e.g. the "replayed from" ID) survive. */
export const integrationRunSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  entityType: z.string().check(z.minLength(1)),
  entityId: z.string().check(z.minLength(1)),
  status: runStatusSchema,
  destination: z.string(),
  destinationId: z.optional(z.string()),
  dtStarted: z.optional(z.string()),
  dtCompleted: z.optional(z.string()),
  error: z.optional(z.string()),
  url: z.optional(z.string()),
  externalId: z.optional(z.string()),
  /** null (or absent) for a parent run. */
  parentIntegrationRunId: z.nullish(z.string()),
});

export type IntegrationRun = z.infer<typeof integrationRunSchema>;

/** `IntegrationRunLogResponse`: a base64 log under a capital-P `Payload` (docs/m3ter-api.md §4.5). */
export const integrationRunLogSchema = z.looseObject({
  Payload: z.nullish(z.string()),
});

export const integrationRunPageSchema = pageSchema(integrationRunSchema);
