/**
 * The Solvimon integration list's URL state (docs/architecture.md §7): search text, type and status
 * filters, sort, page and page size. A bad or old link heals (`healSolvimonListSearch`) and the page says
 * what it dropped. Defaults are absent from the URL.
 *
 * Solvimon's list filters by nothing (docs/solvimon-api.md §1), so without a filter or search the list is
 * Solvimon's own pages (`page`, `limit`, `order_by`, `order_direction`); with one, the whole list is
 * read in Solvimon's order and filtered and paged here (`filterSolvimonIntegrations`).
 */
import { z } from 'zod/mini';
import type { SolvimonIntegration, SolvimonListParams } from '../../api/solvimon';
import type { Healed, HealNote } from '../../lib/link-healing';
import { solvimonStatusOf } from './labels';

/** Columns Solvimon can order by (`order_by`); also the table's column ids. */
export const SOLVIMON_SORT_COLUMNS = ['name', 'reference', 'type', 'status'] as const;
type SolvimonSortColumn = (typeof SOLVIMON_SORT_COLUMNS)[number];

export const SOLVIMON_PAGE_SIZES = [10, 25, 50, 100] as const;
export type SolvimonPageSize = (typeof SOLVIMON_PAGE_SIZES)[number];
/** Solvimon's own default `limit`. */
export const SOLVIMON_DEFAULT_PAGE_SIZE: SolvimonPageSize = 10;

const MAX_PAGE = 10_000;
const MAX_Q = 200;

/** The list's URL state; defaults (no filter, creation order, page 1, 10 a page) are absent. */
export interface SolvimonListSearch {
  /** Free text over name and reference. */
  q?: string;
  /** An integration type, as Solvimon spells it (PAYMENT_GATEWAY); unknown ones are allowed. */
  type?: string;
  /** A status, as Solvimon spells it (ERROR); an integration without one counts as DRAFT. */
  status?: string;
  sort?: SolvimonSortColumn;
  /** Only with `sort`; absent = ascending. */
  desc?: true;
  /** From 2; absent = the first page. */
  page?: number;
  /** Absent = Solvimon's default, 10. */
  pageSize?: SolvimonPageSize;
}

const KNOWN_KEYS: readonly string[] = ['q', 'type', 'status', 'sort', 'desc', 'page', 'pageSize'];

/** Text as typed; a number the router parsed from `?q=2000` is text too. */
const qSchema = z.pipe(
  z.pipe(
    z.union([z.string(), z.pipe(z.number(), z.transform(String))]),
    z.transform((s) => s.trim()),
  ),
  z.string().check(z.maxLength(MAX_Q)),
);

/** An enum value as Solvimon spells them (open: a value this console does not know is kept). */
const enumValueSchema = z.pipe(
  z.string().check(z.trim(), z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)),
  z.transform((s) => s.toUpperCase()),
);

const pageSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE));
const isPageSize = (n: number): n is SolvimonPageSize =>
  (SOLVIMON_PAGE_SIZES as readonly number[]).includes(n);
// z.custom rather than a refine check: a check does not narrow the type to SolvimonPageSize.
const pageSizeSchema = z.pipe(z.coerce.number(), z.custom<SolvimonPageSize>(isPageSize));
const sortSchema = z.enum(SOLVIMON_SORT_COLUMNS);

/** A value for a note: text in quotes, anything else as the URL had it (JSON); shortened. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

/**
 * Turns whatever the URL holds into the canonical search of a working list and says what it dropped (a
 * `HealSearch` for src/lib/link-healing.ts). Each field heals on its own. Pure and idempotent.
 */
export function healSolvimonListSearch(
  raw: Readonly<Record<string, unknown>>,
): Healed<SolvimonListSearch> {
  const notes: HealNote[] = [];
  const note = (text: string, param: string, value?: unknown) => {
    notes.push(
      value === undefined
        ? { text, param }
        : { text, param, value: typeof value === 'string' ? value : JSON.stringify(value) },
    );
  };
  const search: SolvimonListSearch = {};
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !KNOWN_KEYS.includes(key)) {
      note(`Ignored the unknown parameter ${show(key)}.`, key);
    }
  }

  if (raw.q !== undefined) {
    const q = qSchema.safeParse(raw.q);
    if (!q.success) {
      note(
        typeof raw.q === 'string'
          ? `Dropped the search text ${show(raw.q)}: it is longer than ${MAX_Q} characters.`
          : `Dropped the search text ${show(raw.q)}: it was not given as text.`,
        'q',
        raw.q,
      );
    } else if (q.data !== '') {
      search.q = q.data;
    }
  }

  for (const [key, what] of [
    ['type', 'type'],
    ['status', 'status'],
  ] as const) {
    if (raw[key] === undefined) continue;
    const value = enumValueSchema.safeParse(raw[key]);
    if (value.success) search[key] = value.data;
    else note(`Dropped the ${what} ${show(raw[key])}: it is not an integration ${what}.`, key);
  }

  let sortDropped = false;
  if (raw.sort !== undefined) {
    const sort = sortSchema.safeParse(raw.sort);
    if (sort.success) search.sort = sort.data;
    else {
      sortDropped = true;
      note(
        `Dropped the sort ${show(raw.sort)}: the list sorts by ${SOLVIMON_SORT_COLUMNS.join(', ')}.`,
        'sort',
      );
    }
  }
  // `desc` belongs to the sort: dropped with a bad one without a second note.
  if (raw.desc !== undefined && raw.desc !== false && !sortDropped) {
    if (raw.desc !== true) {
      note(`Dropped the sort direction ${show(raw.desc)}: sorting ascending.`, 'desc');
    } else if (search.sort) {
      search.desc = true;
    } else {
      note('Ignored “desc”: it only applies with a sort column.', 'desc');
    }
  }

  if (raw.pageSize !== undefined) {
    const size = pageSizeSchema.safeParse(raw.pageSize);
    if (!size.success) {
      note(
        `Dropped the page size ${show(raw.pageSize)}: showing ${SOLVIMON_DEFAULT_PAGE_SIZE} a page (the sizes are ${SOLVIMON_PAGE_SIZES.join(', ')}).`,
        'pageSize',
      );
    } else if (size.data !== SOLVIMON_DEFAULT_PAGE_SIZE) {
      search.pageSize = size.data;
    }
  }

  if (raw.page !== undefined) {
    const page = pageSchema.safeParse(raw.page);
    if (!page.success) {
      note(`Dropped the page ${show(raw.page)}: showing the first page.`, 'page');
    } else if (page.data > 1) {
      search.page = page.data;
    }
  }

  return { search, notes };
}

/** Whether the list is filtered or searched: then it is read whole and filtered here. */
export function isFilteredSolvimonSearch(search: SolvimonListSearch): boolean {
  return Boolean(search.q || search.type || search.status);
}

/** Solvimon's order for the search (`order_by`, `order_direction`); creation order without a sort. */
export function solvimonOrderOf(
  search: SolvimonListSearch,
): Pick<SolvimonListParams, 'order_by' | 'order_direction'> {
  if (!search.sort) return {};
  return { order_by: search.sort, order_direction: search.desc ? 'DESC' : 'ASC' };
}

export function pageSizeOf(search: SolvimonListSearch): SolvimonPageSize {
  return search.pageSize ?? SOLVIMON_DEFAULT_PAGE_SIZE;
}

/** The integrations a filtered search shows, in the order given (Solvimon's). */
export function filterSolvimonIntegrations(
  integrations: readonly SolvimonIntegration[],
  search: SolvimonListSearch,
): SolvimonIntegration[] {
  const needle = search.q?.toLowerCase();
  return integrations.filter((integration) => {
    if (search.type && integration.type !== search.type) return false;
    if (search.status && solvimonStatusOf(integration) !== search.status) return false;
    if (needle) {
      const haystack = `${integration.name ?? ''}\n${integration.reference}`.toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
}
