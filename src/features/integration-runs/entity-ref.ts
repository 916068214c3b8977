/**
 * What a run history is about: one Bill, one Notification, or one destination.
 */
import { isUuid, RUN_ENTITY_TYPES, type RunEntityType } from '../../api';

/** `bill`, `BILL`, `Bills` → `Bill`; null for anything else. */
export function parseEntityType(value: string): RunEntityType | null {
  const lower = value.trim().toLowerCase().replace(/s$/, '');
  return RUN_ENTITY_TYPES.find((t) => t.toLowerCase() === lower) ?? null;
}

/**
 * The one spelling of an entity's history path: `bill/ABC…` is shown as, and redirected to,
 * `Bill/abc…`. Null when the path cannot name a history (the page then says which part is wrong).
 */
export function canonicalEntityPath(
  rawType: string,
  rawId: string,
): { entityType: RunEntityType; entityId: string } | null {
  const entityType = parseEntityType(rawType);
  const entityId = rawId.toLowerCase();
  return entityType && isUuid(entityId) ? { entityType, entityId } : null;
}

const UUID_ANYWHERE = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/**
 * The UUID in any text (a console link, an m3ter URL, a log line), lower-cased: the one right after
 * `label` when there is one, else the first; null when there is none. Hex runs longer than a UUID are
 * not cut into one.
 */
export function extractUuid(text: string, label?: string): string | null {
  // Text often holds several ids: m3ter's run log starts "Integration run <run id> started: Bill
  // <bill id> → Stripe (destination <id>)", and a console link has the organisation's id before the
  // Bill's. With a label ("Bill", "destination"), the id written right after it wins.
  if (label) {
    const named = new RegExp(`\\b${label}s?(?:_?ids?)?[\\s=:/#"']*(${UUID_ANYWHERE.source})`, 'gi');
    for (const match of text.matchAll(named)) {
      const id = match[1]!;
      const after = text[match.index + match[0].length];
      if (after && /[0-9a-fA-F-]/.test(after)) continue;
      return id.toLowerCase();
    }
  }
  const pattern = new RegExp(UUID_ANYWHERE.source, 'g');
  for (const match of text.matchAll(pattern)) {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    const hexOrDash = /[0-9a-fA-F-]/;
    if ((before && hexOrDash.test(before)) || (after && hexOrDash.test(after))) continue;
    return match[0].toLowerCase();
  }
  return null;
}
