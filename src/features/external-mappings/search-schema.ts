/**
 * URL state of the mapping screens (docs/architecture.md §7). Other screens link here, so these names are a
 * contract:
 *
 * `/mappings`
 * - browse: `externalSystemId` (a system name, as m3ter's filter calls it), `m3terIds` (array of UUIDs),
 *   `integrationConfigId`
 * - look up by m3ter entity: `lookup=m3ter&entity=Account&m3terId=<uuid>`
 * - look up by external entity: `lookup=external&system=Stripe&table=Customer&externalId=cus_123`
 * - paging: `pageSize` (25 | 50 | 100 | 200), `cursors` (the nextTokens that led to the current page)
 *
 * `/mappings/new` pre-fill: `m3terEntity`, `m3terId`, `externalSystem`, `externalTable`, `externalId`,
 * `integrationConfigId`.
 *
 * A bad or old URL heals: a value of the wrong type or shape is dropped (never an error page).
 * Pre-fill values are kept as typed, even invalid ones, so the form can show what is wrong with them.
 */
import { z } from 'zod';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import { isUuid } from '../../api';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

export const LOOKUP_KINDS = ['m3ter', 'external'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.trim())
    .pipe(z.string().min(1))
    .optional()
    .catch(undefined);

const uuid = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine(isUuid)
  .optional()
  .catch(undefined);

/** Repeated keys, an array, or comma-separated text; invalid ids dropped, duplicates removed. */
const idList = z
  .union([z.array(z.unknown()), z.string()])
  .optional()
  .transform((value): string[] | undefined => {
    const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    const ids = raw
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim().toLowerCase())
      .filter(isUuid);
    const unique = [...new Set(ids)].slice(0, MAX_FILTER_IDS);
    return unique.length > 0 ? unique : undefined;
  })
  .catch(undefined);

const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .optional()
  .catch(undefined);

const cursors = z.array(z.string().min(1).max(2_000)).max(200).optional().catch(undefined);

export const mappingsSearchSchema = z.object({
  externalSystemId: text(100),
  m3terIds: idList,
  integrationConfigId: uuid,
  lookup: z.enum(LOOKUP_KINDS).optional().catch(undefined),
  entity: text(100),
  m3terId: text(200),
  system: text(100),
  table: text(100),
  externalId: text(500),
  pageSize,
  cursors,
});

export type MappingsSearch = z.output<typeof mappingsSearchSchema>;

/** What the list shows: browse with filters, or one of the two look-ups. */
export type MappingsView =
  | {
      kind: 'browse';
      filters: { externalSystemId?: string; m3terIds?: string[]; integrationConfigId?: string };
    }
  | { kind: 'm3ter'; entity: string; m3terId: string }
  | { kind: 'external'; system: string; table: string; externalId: string }
  /** A look-up link that lacks what it needs: the page shows the look-up form, pre-filled. */
  | { kind: 'incomplete-lookup'; lookup: LookupKind };

export function viewOf(search: MappingsSearch): MappingsView {
  if (search.lookup === 'm3ter') {
    return search.entity && search.m3terId
      ? { kind: 'm3ter', entity: search.entity, m3terId: search.m3terId }
      : { kind: 'incomplete-lookup', lookup: 'm3ter' };
  }
  if (search.lookup === 'external') {
    return search.system && search.table && search.externalId
      ? {
          kind: 'external',
          system: search.system,
          table: search.table,
          externalId: search.externalId,
        }
      : { kind: 'incomplete-lookup', lookup: 'external' };
  }
  const filters: { externalSystemId?: string; m3terIds?: string[]; integrationConfigId?: string } =
    {};
  if (search.externalSystemId) filters.externalSystemId = search.externalSystemId;
  if (search.m3terIds) filters.m3terIds = search.m3terIds;
  if (search.integrationConfigId) filters.integrationConfigId = search.integrationConfigId;
  return { kind: 'browse', filters };
}

/** Keeps the string as typed (bounded); drops anything that is not a string. */
const prefill = z.string().max(500).optional().catch(undefined);

const newMappingPrefillSchema = z.object({
  m3terEntity: prefill,
  m3terId: prefill,
  externalSystem: prefill,
  externalTable: prefill,
  externalId: prefill,
  integrationConfigId: prefill,
});

/**
 * `/mappings/new`: the pre-fill, and `created` (the id of the mapping just created there), so Back from
 * the new mapping returns to the "Mapping created" panel rather than to an empty form.
 */
export const newMappingSearchSchema = newMappingPrefillSchema.extend({
  created: z.uuid().optional().catch(undefined),
});

export type NewMappingSearch = z.output<typeof newMappingPrefillSchema>;
