/** How the fake m3ter reads query parameters, compares names and orders lists. */

/** m3ter matches entity types, destinations and systems case-insensitively. */
export const same = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** A query parameter that is present and not empty. */
export const given = (v: string | null | undefined): v is string =>
  v !== undefined && v !== null && v !== '';

/** Ids from `?ids=a,b` or repeated `?ids=a&ids=b`, trimmed, blanks dropped. */
export function splitIds(raw: readonly string[] | string | null | undefined): string[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === 'string' ? [raw] : raw;
  return list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Configs and mappings list newest first (dtCreated, then id). */
export const newestFirst = (
  a: { dtCreated?: string; id: string },
  b: { dtCreated?: string; id: string },
) => (b.dtCreated ?? '').localeCompare(a.dtCreated ?? '') || a.id.localeCompare(b.id);
