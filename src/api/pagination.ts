/**
 * Following m3ter's cursor (docs/m3ter-api.md §2.4) for the few screens that truly need every item.
 */
import type { Page } from './schemas';

/** The cursor parameters of every m3ter list (`pageSize` 1..200). */
export interface PageParams {
  pageSize?: number;
  nextToken?: string;
}

export interface WalkAllPagesOptions {
  /** Stop after this many requests. Default 50. */
  maxPages?: number;
  /** Stop once this many items are collected. Default 10 000. */
  maxItems?: number;
  signal?: AbortSignal;
}

export interface WalkAllPagesResult<T> {
  items: T[];
  /** True when a bound stopped the walk while m3ter still had more. */
  truncated: boolean;
}

const DEFAULT_MAX_PAGES = 50;
const DEFAULT_MAX_ITEMS = 10_000;

/**
 * Calls `fetchPage` with `undefined`, then with each returned `nextToken`, until the token is absent or
 * empty. Bounded by `maxPages` and `maxItems` so a huge org or a server that never stops paging cannot
 * hang the screen. Errors from `fetchPage` propagate; an aborted `signal` throws its reason between pages.
 */
export async function walkAllPages<T>(
  fetchPage: (nextToken: string | undefined, signal?: AbortSignal) => Promise<Page<T>>,
  options: WalkAllPagesOptions = {},
): Promise<WalkAllPagesResult<T>> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const { signal } = options;
  const items: T[] = [];
  let nextToken: string | undefined;

  for (let pages = 0; pages < maxPages; pages++) {
    signal?.throwIfAborted();
    const page = await fetchPage(nextToken, signal);
    const room = maxItems - items.length;
    items.push(...page.data.slice(0, room));
    nextToken = page.nextToken || undefined;
    if (page.data.length > room) return { items, truncated: true };
    if (nextToken === undefined) return { items, truncated: false };
    if (items.length >= maxItems) return { items, truncated: true };
  }
  return { items, truncated: true };
}
