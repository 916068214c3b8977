/**
 * The last ten run histories viewed in this browser, offered again on the find page. Kept in
 * localStorage (ids only, nothing secret); a broken or old entry is dropped, never a crash.
 */
import { z } from 'zod/mini';
import { isUuid } from '../../api';
import { RUN_ENTITY_TYPES } from '../../api';

const STORAGE_KEY = 'm3ter-console:recent-run-histories';
const MAX_RECENT = 10;

const entrySchema = z.object({
  kind: z.enum([...RUN_ENTITY_TYPES, 'Destination']),
  id: z.string().check(z.refine(isUuid)),
  /** A human name when one was known (a destination's config name). */
  label: z.optional(z.string().check(z.maxLength(200))),
  viewedAt: z.string(),
});

export type RecentEntry = z.infer<typeof entrySchema>;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be disabled by the browser's privacy settings.
    return null;
  }
}

export function readRecent(): RecentEntry[] {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .map((item) => entrySchema.safeParse(item))
    .flatMap((r) => (r.success ? [r.data] : []))
    .slice(0, MAX_RECENT);
}

/** Moves the entry to the front (no duplicates), keeping at most ten. */
export function rememberRecent(entry: Omit<RecentEntry, 'viewedAt'>, now: Date = new Date()): void {
  const store = storage();
  if (!store) return;
  const rest = readRecent().filter((e) => !(e.kind === entry.kind && e.id === entry.id));
  const next = [{ ...entry, viewedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full storage quota only costs the recent list.
  }
}

export function clearRecent(): void {
  storage()?.removeItem(STORAGE_KEY);
}
