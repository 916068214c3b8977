/**
 * Page-number paging and ordering of the fake Solvimon (docs/solvimon-api.md §6): `page` counts from 1,
 * `limit` is 1..100 (default 10); `order_by` names a field, `order_direction` is ASC (default) or DESC.
 * Without `order_by` a list keeps creation order, so `order_direction=DESC` alone means newest first.
 * A page past the last is empty, not an error.
 */
import { SolvimonStoreError } from './store-error';

export interface ListQuery {
  limit?: string | number | null;
  page?: string | number | null;
  order_by?: string | null;
  order_direction?: string | null;
}

interface PageLinks {
  first: string;
  previous: string | null;
  current: string;
  next: string | null;
}

export interface Paged<T> {
  data: T[];
  page: number;
  limit: number;
  total_number_of_pages: number;
  links: PageLinks;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

const given = (raw: string | number | null | undefined): raw is string | number =>
  raw !== undefined && raw !== null && String(raw).trim() !== '';

function parseInteger(
  raw: string | number | null | undefined,
  field: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!given(raw)) return fallback;
  const text = String(raw).trim();
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'at least 1' : `between 1 and ${max}`;
    throw new SolvimonStoreError(400, 'INVALID_FIELD', `${field}: must be an integer ${range}`, {
      field,
    });
  }
  return n;
}

interface Order {
  by: string | undefined;
  direction: 'ASC' | 'DESC';
}

function parseOrder(query: ListQuery, orderable: readonly string[]): Order {
  const by = given(query.order_by) ? query.order_by : undefined;
  if (by !== undefined && !orderable.includes(by)) {
    throw new SolvimonStoreError(
      400,
      'INVALID_FIELD',
      `order_by: must be one of ${orderable.join(', ')}`,
      { field: 'order_by' },
    );
  }
  const raw = given(query.order_direction) ? query.order_direction.toUpperCase() : 'ASC';
  if (raw !== 'ASC' && raw !== 'DESC') {
    throw new SolvimonStoreError(400, 'INVALID_FIELD', 'order_direction: must be ASC or DESC', {
      field: 'order_direction',
    });
  }
  return { by, direction: raw };
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Text compares case-insensitively; absent values sort last (DESC is ASC reversed, ties too). */
function compareValues(a: unknown, b: unknown): number {
  const absentA = a === undefined || a === null;
  const absentB = b === undefined || b === null;
  if (absentA || absentB) return Number(absentA) - Number(absentB);
  return textOf(a).localeCompare(textOf(b), 'en', { sensitivity: 'base' });
}

/** `items` in `query`'s order (they arrive in creation order, which also breaks ties). */
export function ordered<T>(
  items: readonly T[],
  query: ListQuery,
  orderable: readonly string[],
  valueOf: (item: T, field: string) => unknown,
): T[] {
  const { by, direction } = parseOrder(query, orderable);
  const sign = direction === 'DESC' ? -1 : 1;
  const indexed = items.map((item, index) => ({ item, index }));
  indexed.sort((a, b) => {
    const byField = by === undefined ? 0 : compareValues(valueOf(a.item, by), valueOf(b.item, by));
    return sign * (byField || a.index - b.index);
  });
  return indexed.map(({ item }) => item);
}

/** One page of `items` (already ordered), with the links `linkBase` (the list's path) starts. */
export function paginate<T>(items: readonly T[], query: ListQuery, linkBase: string): Paged<T> {
  const limit = parseInteger(query.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  const page = parseInteger(query.page, 'page', 1);
  const total = Math.max(1, Math.ceil(items.length / limit));
  const link = (n: number): string => {
    const params = new URLSearchParams({ limit: String(limit), page: String(n) });
    if (given(query.order_by)) params.set('order_by', query.order_by);
    if (given(query.order_direction)) params.set('order_direction', query.order_direction);
    return `${linkBase}?${params.toString()}`;
  };
  return {
    data: items.slice((page - 1) * limit, page * limit),
    page,
    limit,
    total_number_of_pages: total,
    links: {
      first: link(1),
      previous: page > 1 ? link(Math.min(page - 1, total)) : null,
      current: link(page),
      next: page < total ? link(page + 1) : null,
    },
  };
}

/** `limit` and `page` for a list answered as a plain array (default mandates): all when neither is given. */
export function sliceOf<T>(items: readonly T[], query: ListQuery): T[] {
  if (!given(query.limit) && !given(query.page)) return [...items];
  const limit = parseInteger(query.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  const page = parseInteger(query.page, 'page', 1);
  return items.slice((page - 1) * limit, page * limit);
}
