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
 * A bad or old URL heals: a value of the wrong type or shape is dropped (never an error page), and the
 * route rewrites the address to what is shown (`canonicalMappingsSearch`, docs/architecture.md §7).
 * Pre-fill values are kept as typed, even invalid ones, so the form can show what is wrong with them.
 */
import type { HistoryState } from '@tanstack/react-router';
import { z } from 'zod';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import { isUuid } from '../../api';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

const LOOKUP_KINDS = ['m3ter', 'external'] as const;
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
  .catch(undefined)
  // Optional on the way out too, like every other field: a search without ids is a whole search.
  .optional();

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

/** The search without paging: a filter or look-up change starts again at the first page. */
export function withoutPaging(search: MappingsSearch): MappingsSearch {
  return { ...search, cursors: undefined };
}

/**
 * The search with only what the page shows: the fields of the current view, paging, and no default
 * page size. The route redirects to it, so the address bar names exactly what is on screen.
 */
export function canonicalMappingsSearch(search: MappingsSearch): MappingsSearch {
  const view = viewOf(search);
  const pageSize = search.pageSize === DEFAULT_PAGE_SIZE ? undefined : search.pageSize;
  switch (view.kind) {
    case 'browse':
      return { ...view.filters, pageSize, cursors: search.cursors };
    case 'm3ter':
      return {
        lookup: 'm3ter',
        entity: view.entity,
        m3terId: view.m3terId,
        pageSize,
        cursors: search.cursors,
      };
    case 'external':
      return {
        lookup: 'external',
        system: view.system,
        table: view.table,
        externalId: view.externalId,
        pageSize,
        cursors: search.cursors,
      };
    case 'incomplete-lookup':
      // No results are shown, so there is no page to be on; what was given pre-fills the form.
      return view.lookup === 'm3ter'
        ? { lookup: 'm3ter', entity: search.entity, m3terId: search.m3terId, pageSize }
        : {
            lookup: 'external',
            system: search.system,
            table: search.table,
            externalId: search.externalId,
            pageSize,
          };
  }
}

/** Whether two search objects say the same: absent and undefined alike, key order ignored. */
export function sameSearch(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  const key = (search: Readonly<Record<string, unknown>>) =>
    JSON.stringify(
      Object.entries(search)
        .filter(([, value]) => value !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return key(a) === key(b);
}

/**
 * What healing a browse link dropped that the user would otherwise not notice: the list would quietly
 * show more than the ids they sent. Not part of the canonical URL: it is news about this one visit,
 * carried in the redirect's history state (`linkLossState`) and forgotten once the page has it.
 */
export interface MappingsLinkLoss {
  /** Entries of `m3terIds` that are not m3ter ids, as the link had them. */
  invalidIds: string[];
  /** Valid ids past `MAX_FILTER_IDS`, left out of the filter. */
  extraIds: number;
}

const MAX_LOSS_TEXT = 200;

const linkLossSchema = z.object({
  invalidIds: z.array(z.string().max(MAX_LOSS_TEXT)).max(MAX_FILTER_IDS),
  extraIds: z.number().int().nonnegative(),
});

/** What `m3terIds` of the raw (unvalidated) search lost in `search`; undefined when nothing was. */
export function linkLossOf(
  raw: Readonly<Record<string, unknown>>,
  search: MappingsSearch,
): MappingsLinkLoss | undefined {
  // A look-up does not filter by m3ter ids, so nothing it shows depends on them.
  if (viewOf(search).kind !== 'browse') return undefined;
  const value = raw.m3terIds;
  const entries: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : value === undefined || value === null
        ? []
        : [value];
  const valid = new Set<string>();
  const invalid = new Set<string>();
  for (const entry of entries) {
    // Search values arrive JSON-parsed: `m3terIds=42` is the number 42, still something the user sent.
    const text =
      typeof entry === 'string'
        ? entry.trim()
        : typeof entry === 'number' || typeof entry === 'boolean'
          ? String(entry)
          : '';
    if (text === '') continue;
    if (isUuid(text.toLowerCase())) valid.add(text.toLowerCase());
    else invalid.add(text.slice(0, MAX_LOSS_TEXT));
  }
  const loss = {
    invalidIds: [...invalid].slice(0, MAX_FILTER_IDS),
    extraIds: Math.max(0, valid.size - MAX_FILTER_IDS),
  };
  return loss.invalidIds.length > 0 || loss.extraIds > 0 ? loss : undefined;
}

/**
 * The route's search: the list's, plus `linkLoss` while a bad link is being healed.
 *
 * TanStack Router rewrites the URL it starts on to its validated form before any `beforeLoad` runs
 * (its Transitioner), so by then the raw link is gone. Validation, which does see the raw link, keeps
 * what it lost in `linkLoss`; `beforeLoad` moves it into the history state of the canonical URL,
 * which never holds it.
 */
interface MappingsRouteSearch extends MappingsSearch {
  linkLoss?: MappingsLinkLoss;
}

/** The route's `validateSearch`: never throws, so a bad link cannot reach the error page. */
export function validateMappingsSearch(raw: Record<string, unknown>): MappingsRouteSearch {
  const search = mappingsSearchSchema.parse(raw);
  // Validation runs again on the rewritten URL, where the ids are already clean: the loss recorded
  // from the link itself is kept. The key is always present, so a bad one in the URL is replaced.
  const given = linkLossSchema.optional().catch(undefined).parse(raw.linkLoss);
  return { ...search, linkLoss: given ?? linkLossOf(raw, search) };
}

declare module '@tanstack/react-router' {
  interface HistoryState {
    /** What the link that opened this history entry lost (see MappingsRouteSearch). */
    mappingsLinkLoss?: MappingsLinkLoss;
  }
}

/** The history state that carries a link's loss through the healing redirect. */
export function linkLossState(loss: MappingsLinkLoss | undefined): HistoryState | undefined {
  return loss ? { mappingsLinkLoss: loss } : undefined;
}

/**
 * The loss of a history entry (`location.state.mappingsLinkLoss`). A browser keeps the state across
 * reloads and app versions, so it is checked rather than trusted.
 */
export function readLinkLoss(value: unknown): MappingsLinkLoss | undefined {
  const parsed = linkLossSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
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

export type NewMappingPrefill = z.output<typeof newMappingPrefillSchema>;
export type NewMappingSearch = z.output<typeof newMappingSearchSchema>;
