/**
 * Following m3ter's cursor (docs/m3ter-api.md §2.4) for the few screens that truly need every item.
 */
import type { InvalidRow, Page } from './schemas';

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
  /** The rows of every page walked that did not parse (`Page.invalid`); absent when none. */
  invalid?: InvalidRow[];
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
  const invalid: InvalidRow[] = [];
  let nextToken: string | undefined;
  const result = (truncated: boolean): WalkAllPagesResult<T> => ({
    items,
    truncated,
    ...(invalid.length > 0 ? { invalid } : {}),
  });

  for (let pages = 0; pages < maxPages; pages++) {
    signal?.throwIfAborted();
    const page = await fetchPage(nextToken, signal);
    const room = maxItems - items.length;
    items.push(...page.data.slice(0, room));
    if (page.invalid) invalid.push(...page.invalid);
    nextToken = page.nextToken || undefined;
    if (page.data.length > room) return result(true);
    if (nextToken === undefined) return result(false);
    if (items.length >= maxItems) return result(true);
  }
  return result(true);
}
