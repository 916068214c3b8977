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
 * A bad or old URL heals (`healMappingsSearch`, `healNewMappingSearch`; the routes heal with them through
 * src/lib/link-healing.ts, docs/architecture.md §7): a value of the wrong type or shape is dropped (never
 * an error page), so are the fields of another view and unknown parameters, each with a note for the
 * page; the address bar is rewritten to what is shown. Look-up and pre-fill text is kept as typed, even
 * invalid, so the form can show what is wrong with it.
 */
import { z } from 'zod/mini';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import { isUuid } from '../../api';
import type { Healed, HealNote } from '../../lib/link-healing';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

const LOOKUP_KINDS = ['m3ter', 'external'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

const dropInvalid = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const text = (max: number) =>
  dropInvalid(
    z.pipe(
      z.pipe(
        z.string().check(z.maxLength(max)),
        z.transform((v) => v.trim()),
      ),
      z.string().check(z.minLength(1)),
    ),
  );

const uuid = dropInvalid(
  z
    .pipe(
      z.string(),
      z.transform((v) => v.trim().toLowerCase()),
    )
    .check(z.refine(isUuid)),
);

/**
 * Repeated keys, an array, or comma-separated text; invalid ids dropped, duplicates removed. Optional
 * on the way out too (the outer `z.optional`), like every other field: a search without ids is a
 * whole search.
 */
const idList = z.optional(
  z.catch(
    z.pipe(
      z.optional(z.union([z.array(z.unknown()), z.string()])),
      z.transform((value): string[] | undefined => {
        const raw = Array.isArray(value)
          ? value
          : typeof value === 'string'
            ? value.split(',')
            : [];
        const ids = raw
          .filter((v): v is string => typeof v === 'string')
          .map((v) => v.trim().toLowerCase())
          .filter(isUuid);
        const unique = [...new Set(ids)].slice(0, MAX_FILTER_IDS);
        return unique.length > 0 ? unique : undefined;
      }),
    ),
    undefined,
  ),
);

const isPageSize = (n: number): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n);

// z.custom rather than a refine check: a check does not narrow the type to PageSize.
const pageSize = dropInvalid(z.pipe(z.coerce.number(), z.custom<PageSize>(isPageSize)));

const cursors = dropInvalid(
  z.array(z.string().check(z.minLength(1), z.maxLength(2_000))).check(z.maxLength(200)),
);

const mappingsSearchSchema = z.object({
  externalSystemId: text(100),
  m3terIds: idList,
  integrationConfigId: uuid,
  lookup: dropInvalid(z.enum(LOOKUP_KINDS)),
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
    // An id the look-up form would reject is no search either: the form shows it, with its error.
    const m3terId = search.m3terId?.toLowerCase();
    return search.entity && m3terId && isUuid(m3terId)
      ? { kind: 'm3ter', entity: search.entity, m3terId }
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
function canonicalMappingsSearch(search: MappingsSearch): MappingsSearch {
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

const MAPPINGS_KEYS = Object.keys(mappingsSearchSchema.shape) as (keyof MappingsSearch)[];

/** Every parameter's name in a note, and for the text fields their length limit. */
const FIELDS: Record<keyof MappingsSearch, { label: string; max?: number }> = {
  externalSystemId: { label: 'external system', max: 100 },
  m3terIds: { label: 'm3ter ids' },
  integrationConfigId: { label: 'integration config' },
  lookup: { label: 'look-up' },
  entity: { label: 'm3ter entity', max: 100 },
  m3terId: { label: 'm3ter id', max: 200 },
  system: { label: 'external system', max: 100 },
  table: { label: 'external table', max: 100 },
  externalId: { label: 'external id', max: 500 },
  pageSize: { label: 'page size' },
  cursors: { label: 'page position' },
};

const VIEW_LABELS: Record<TabValue, string> = {
  browse: 'the list of all mappings',
  m3ter: 'the look-up by m3ter entity',
  external: 'the look-up by external entity',
};
type TabValue = 'browse' | LookupKind;

/** The parameters each view uses; `lookup` is read in every one (a bad one shows the list). */
const VIEW_KEYS: Record<TabValue, readonly (keyof MappingsSearch)[]> = {
  browse: ['lookup', 'externalSystemId', 'm3terIds', 'integrationConfigId', 'pageSize', 'cursors'],
  m3ter: ['lookup', 'entity', 'm3terId', 'pageSize', 'cursors'],
  external: ['lookup', 'system', 'table', 'externalId', 'pageSize', 'cursors'],
};

const MAX_SHOWN = 60;

/** A value for a note: text in quotes, anything else as the URL had it (JSON); shortened. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/**
 * What `m3terIds` of the raw link lost: each entry that is not an m3ter id (with the entry as the
 * note's value, for the filter to put it back in its input), and the valid ids past the limit.
 */
function idNotes(value: unknown): HealNote[] {
  const entries: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
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
    else invalid.add(text.slice(0, 200));
  }
  const notes = [...invalid].slice(0, MAX_FILTER_IDS).map((id): HealNote => ({
    text: `Dropped ${show(id)} from the m3ter ids: it is not an m3ter id.`,
    param: 'm3terIds',
    value: id,
  }));
  const extra = valid.size - MAX_FILTER_IDS;
  if (extra > 0) {
    notes.push({
      text: `The filter takes up to ${MAX_FILTER_IDS} ids: ${extra} more in the link ${extra === 1 ? 'was' : 'were'} left out.`,
      param: 'm3terIds',
    });
  }
  return notes;
}

/** Why a known parameter's value was dropped. */
function droppedNote(key: keyof MappingsSearch, value: unknown): HealNote {
  const { label, max } = FIELDS[key];
  const given = show(value);
  const text = ((): string => {
    switch (key) {
      case 'integrationConfigId':
        return `Dropped the integration config ${given}: it is not a config id.`;
      case 'lookup':
        return `Dropped the look-up ${given}: showing all mappings.`;
      case 'pageSize':
        return `Dropped the page size ${given}: showing ${DEFAULT_PAGE_SIZE} a page (the sizes are ${PAGE_SIZES.join(', ')}).`;
      case 'cursors':
        return 'Dropped the page position: showing the first page.';
      case 'm3terIds':
        return `Dropped the m3ter ids ${given}: they are not a list of ids.`;
      default:
        return typeof value === 'string'
          ? `Dropped the ${label} ${given}: it is longer than ${max} characters.`
          : `Dropped the ${label} ${given}: it was not given as text.`;
    }
  })();
  return { text, param: key };
}

/**
 * Turns whatever the URL holds into the canonical search of what the list shows and says what it
 * dropped (a `HealSearch`, see src/lib/link-healing.ts). Pure and idempotent.
 */
export function healMappingsSearch(raw: Readonly<Record<string, unknown>>): Healed<MappingsSearch> {
  const notes: HealNote[] = [];
  for (const key of Object.keys(raw)) {
    if (!(MAPPINGS_KEYS as string[]).includes(key)) {
      notes.push({ text: `Ignored the unknown parameter ${show(key)}.`, param: key });
    }
  }
  const parsed = mappingsSearchSchema.parse(raw);
  const search = canonicalMappingsSearch(parsed);
  const view = viewOf(parsed);
  const tab: TabValue = view.kind === 'incomplete-lookup' ? view.lookup : view.kind;
  for (const key of MAPPINGS_KEYS) {
    const value = raw[key];
    if (value === undefined || isBlank(value)) continue;
    if (!VIEW_KEYS[tab].includes(key)) {
      notes.push({
        text: `Ignored the ${FIELDS[key].label} ${show(value)}: not part of ${VIEW_LABELS[tab]}.`,
        param: key,
      });
    } else if (key === 'm3terIds') {
      notes.push(
        ...(value !== null && typeof value === 'object' && !Array.isArray(value)
          ? [droppedNote(key, value)]
          : idNotes(value)),
      );
    } else if (parsed[key] === undefined) {
      notes.push(droppedNote(key, value));
    }
    // Else kept, or left out quietly: the default page size, or a page position where no results are.
  }
  return { search: definedOnly(search), notes };
}

function definedOnly<T extends object>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;
}

/** Keeps the string as typed (bounded); drops anything that is not a string. */
const prefill = dropInvalid(z.string().check(z.maxLength(500)));

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
const newMappingSearchSchema = z.extend(newMappingPrefillSchema, {
  created: dropInvalid(z.uuid()),
});

export type NewMappingPrefill = z.output<typeof newMappingPrefillSchema>;
export type NewMappingSearch = z.output<typeof newMappingSearchSchema>;

const PREFILL_LABELS: Record<keyof NewMappingPrefill, string> = {
  m3terEntity: 'm3ter entity',
  m3terId: 'm3ter id',
  externalSystem: 'external system',
  externalTable: 'external table',
  externalId: 'external id',
  integrationConfigId: 'integration config',
};

/**
 * `/mappings/new`'s heal (a `HealSearch`): pre-fill text is kept as typed, even invalid (the form says
 * what is wrong at the field); what is not text, an unknown parameter or a bad `created` is dropped
 * with a note. Pure and idempotent.
 */
export function healNewMappingSearch(
  raw: Readonly<Record<string, unknown>>,
): Healed<NewMappingSearch> {
  const notes: HealNote[] = [];
  const parsed = newMappingSearchSchema.parse(raw);
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (key === 'created') {
      if (parsed.created === undefined) {
        notes.push({
          text: `Could not show the mapping just created, ${show(value)}: it is not a mapping id.`,
          param: key,
        });
      }
    } else if (key in PREFILL_LABELS) {
      if (parsed[key as keyof NewMappingPrefill] !== undefined) continue;
      const label = PREFILL_LABELS[key as keyof NewMappingPrefill];
      notes.push({
        text:
          typeof value === 'string'
            ? `Dropped the ${label} ${show(value)}: it is longer than 500 characters.`
            : `Dropped the ${label} ${show(value)}: it was not given as text.`,
        param: key,
      });
    } else {
      notes.push({ text: `Ignored the unknown parameter ${show(key)}.`, param: key });
    }
  }
  return { search: definedOnly(parsed), notes };
}
