/**
 * m3ter-style cursor paging: `pageSize` 1..200 (1..100 for events: `maxPageSize`) and an opaque `nextToken`. The token encodes an offset
 * and a hash of the query it belongs to, so a token replayed against a different filter or order is
 * rejected (400) instead of silently returning a page of some other list.
 */
import { fnv1a } from './prng';
import { StoreError } from './store-error';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

export interface PageQuery {
  pageSize?: string | number | null;
  nextToken?: string | null;
}

export interface PageLimits {
  /** The largest `pageSize` the endpoint accepts; 200 unless it says otherwise. */
  maxPageSize?: number;
}

export interface PageResult<T> {
  data: T[];
  /** Absent on the last page (docs/m3ter-api.md §2.4: clients stop when it is missing). */
  nextToken?: string;
}

export function parsePageSize(
  raw: PageQuery['pageSize'],
  { maxPageSize = MAX_PAGE_SIZE }: PageLimits = {},
): number {
  // allowEmptyValue: `?pageSize=` means "not given".
  if (raw === undefined || raw === null || raw === '')
    return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  const text = String(raw).trim();
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > maxPageSize) {
    throw new StoreError(400, `pageSize: must be an integer between 1 and ${maxPageSize}`);
  }
  return n;
}

interface TokenBody {
  o: number;
  q: string;
}

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
  return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

function queryHash(queryKey: string): string {
  return fnv1a(queryKey).toString(36);
}

function encodeToken(offset: number, queryKey: string): string {
  const body: TokenBody = { o: offset, q: queryHash(queryKey) };
  return toBase64Url(JSON.stringify(body));
}

function decodeToken(token: string, queryKey: string): number {
  let body: unknown;
  try {
    body = JSON.parse(fromBase64Url(token));
  } catch {
    throw new StoreError(400, 'nextToken: is not a valid pagination token');
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    !('o' in body) ||
    !('q' in body) ||
    typeof body.o !== 'number' ||
    !Number.isInteger(body.o) ||
    body.o < 0
  ) {
    throw new StoreError(400, 'nextToken: is not a valid pagination token');
  }
  if (body.q !== queryHash(queryKey)) {
    throw new StoreError(
      400,
      'nextToken: belongs to a different query; repeat the first request with the new filters',
    );
  }
  return body.o;
}

/**
 * One page of `items` (already filtered and sorted). `queryKey` identifies the list and every
 * filter and order that shaped it, but not pageSize: a client may change page size between pages.
 */
export function paginate<T>(
  items: readonly T[],
  query: PageQuery,
  queryKey: string,
  limits: PageLimits = {},
): PageResult<T> {
  const pageSize = parsePageSize(query.pageSize, limits);
  const offset = query.nextToken ? decodeToken(query.nextToken, queryKey) : 0;
  const end = offset + pageSize;
  const page: PageResult<T> = { data: items.slice(offset, end) };
  if (end < items.length) page.nextToken = encodeToken(end, queryKey);
  return page;
}
