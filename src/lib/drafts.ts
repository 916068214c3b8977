/**
 * Unsaved form edits kept in sessionStorage, so an edit in progress survives a reload of the tab
 * (docs/architecture.md §5). One draft per entity and id (`id` is e.g. "new" for a create form); the draft
 * records the `version` the edit started from, so a form can tell a draft of the current version from
 * one the server has moved past (restore it, and the save meets the usual conflict flow).
 *
 * sessionStorage, not localStorage: a draft belongs to one tab, dies with it, and is never shared with
 * another tab editing the same entity.
 *
 * Secrets never reach storage: every key that looks secret-bearing (secret, password, token, apiKey,
 * privateKey, clientSecret, …) is removed at any depth before writing, and callers list extra keys to
 * drop with `omit`. Text fields that hold JSON (configData, typed or half-typed) get the values of such
 * keys blanked too, since a user may paste a key there. A draft that fails the caller's schema on load
 * is discarded, never trusted.
 */
import type { z } from 'zod/mini';

const PREFIX = 'm3ter-console:draft:v1';

/** Key names never written to a draft, at any depth, nor shown when a screen lists unknown fields. */
const SECRET_KEY =
  /secret|passw|passphrase|token|api[-_]?key|private[-_]?key|signing[-_]?key|bearer/i;

/** Whether a key name looks like it holds a credential (`apiKey`, `client_secret`, `password`, …). */
export const looksSecret = (key: string): boolean => SECRET_KEY.test(key);

export interface DraftRef {
  /** The kind of thing edited, e.g. "integration-config". */
  entity: string;
  /** The entity id, or "new" for a create form. */
  id: string;
}

export interface Draft<T> {
  /** The form values as the user left them (secrets removed). */
  values: T;
  /** The values the edit started from (secrets removed), for a three-way merge on restore. */
  base: T;
  /**
   * The saved state the edit started from: m3ter's version, or a fingerprint where the platform has
   * no version (Solvimon); undefined for a create form.
   */
  version: number | string | undefined;
  /** ISO time of the last write. */
  savedAt: string;
}

function storageKey(ref: DraftRef): string {
  return `${PREFIX}:${ref.entity}:${ref.id}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    // Storage can be disabled by browser settings; drafts then simply do not exist.
    return undefined;
  }
}

/**
 * `"key": value` pairs in JSON text, also in half-typed text: a quoted key, a colon, then a string (which
 * may still be unterminated) or a bare literal. A nested object or array is not a value here: its own
 * pairs are matched one by one.
 */
const JSON_PAIR = /("((?:[^"\\\n]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,{}[\]"]+)/g;

/** JSON text with the value of every secret-looking key blanked to `""`, the rest kept as typed. */
export function redactSecretsInJsonText(text: string): string {
  return text.replace(JSON_PAIR, (pair, keyAndColon: string, key: string) =>
    SECRET_KEY.test(key) ? `${keyAndColon}""` : pair,
  );
}

/** Whether JSON text has a secret-looking key, whose value a draft therefore did not keep. */
export function hasSecretKeysInJsonText(text: string): boolean {
  return [...text.matchAll(JSON_PAIR)].some((match) => SECRET_KEY.test(match[2] ?? ''));
}

/**
 * Draft values with each text field whose only difference from `current` is blanked secrets put back to
 * `current`: restoring a draft must not turn secrets the user never touched into edits that erase them.
 */
export function withUntouchedSecrets<T extends object>(stored: T, current: T): T {
  const out = { ...stored } as Record<string, unknown>;
  for (const [key, value] of Object.entries(current)) {
    if (typeof value === 'string' && out[key] === redactSecretsInJsonText(value)) out[key] = value;
  }
  return out as T;
}

/**
 * A deep copy of `value` without secret-looking keys and without the `omit` keys (at any depth); in
 * strings, the values of secret-looking JSON keys are blanked.
 */
export function stripSecrets(value: unknown, omit: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactSecretsInJsonText(value);
  if (Array.isArray(value)) return value.map((item) => stripSecrets(item, omit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key) || omit.includes(key)) continue;
      out[key] = stripSecrets(item, omit);
    }
    return out;
  }
  return value;
}

export interface SaveDraftOptions {
  /** Extra keys (at any depth) that must never be stored. */
  omit?: readonly string[];
}

/** Writes (replaces) the draft. Quota or disabled storage errors are swallowed: a draft is a nicety. */
export function saveDraft<T>(
  ref: DraftRef,
  draft: Omit<Draft<T>, 'savedAt'>,
  options: SaveDraftOptions = {},
): void {
  const store = storage();
  if (!store) return;
  const record = {
    values: stripSecrets(draft.values, options.omit),
    base: stripSecrets(draft.base, options.omit),
    version: draft.version,
    savedAt: new Date().toISOString(),
  };
  try {
    store.setItem(storageKey(ref), JSON.stringify(record));
  } catch {
    // Full or unavailable storage: keep editing without a draft.
  }
}

/**
 * The stored draft, with `values` and `base` checked against `schema`; null when there is none or it is
 * unreadable (an unreadable one is removed).
 */
export function loadDraft<T>(ref: DraftRef, schema: z.ZodMiniType<T>): Draft<T> | null {
  const store = storage();
  if (!store) return null;
  const raw = store.getItem(storageKey(ref));
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const values = schema.safeParse(parsed.values);
    const base = schema.safeParse(parsed.base);
    const version =
      typeof parsed.version === 'number' || typeof parsed.version === 'string'
        ? parsed.version
        : undefined;
    const savedAt = typeof parsed.savedAt === 'string' ? parsed.savedAt : new Date(0).toISOString();
    if (values.success && base.success) {
      return { values: values.data, base: base.data, version, savedAt };
    }
  } catch {
    // Not JSON: fall through and remove it.
  }
  discardDraft(ref);
  return null;
}

/** Removes the draft (after a save, or when the user discards it). */
export function discardDraft(ref: DraftRef): void {
  try {
    storage()?.removeItem(storageKey(ref));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}
