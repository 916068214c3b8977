/**
 * The pure half of version-conflict handling (docs/architecture.md §6): a three-way comparison of the values
 * an edit started from (`base`), the user's values (`mine`) and the latest saved values (`theirs`),
 * and the merge for each of the user's choices. Generic over any form-values object; only the keys
 * listed in `fields` are compared, every other key (e.g. `version`) is taken from `theirs`.
 */

/** One comparable field of the form, as the conflict panel shows it. */
export interface ConflictField<T> {
  key: keyof T & string;
  label: string;
  /** How a value is shown; defaults to `formatConflictValue`. */
  format?: (value: unknown) => string;
}

export type ConflictChoice = 'mine' | 'theirs';

/** A choice per field key; fields not listed get the default of `defaultChoice`. */
export type ConflictChoices<T> = Partial<Record<keyof T & string, ConflictChoice>>;

/**
 * - `theirs`: discard my edits, take the latest saved values.
 * - `mine-on-theirs`: the fields I edited keep my values, every other field takes theirs (a rebase).
 * - a choices object: per field; unlisted fields as in `mine-on-theirs`.
 */
export type ConflictStrategy<T> = 'theirs' | 'mine-on-theirs' | ConflictChoices<T>;

export interface ConflictValues<T> {
  base: T;
  mine: T;
  theirs: T;
}

export interface ConflictRow<T> {
  key: keyof T & string;
  label: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** I edited this field (mine ≠ base). */
  changedByMe: boolean;
  /** The other side changed it (theirs ≠ base). */
  changedByThem: boolean;
  /** Both changed it, to different values: the user has to decide. */
  clash: boolean;
  /** Mine and theirs differ now (whatever changed them). */
  differs: boolean;
  format: (value: unknown) => string;
}

/** Structural equality for JSON-like values; `undefined`, `null` and a missing key are the same. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => valuesEqual(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    for (const key of keys) if (!valuesEqual(ra[key], rb[key])) return false;
    return true;
  }
  return false;
}

/** "(empty)" for nothing, Yes/No for booleans, pretty JSON for objects and arrays. */
function formatConflictValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value, null, 2);
}

/** Field-by-field comparison, in the order of `fields`. */
export function compareConflict<T>(
  fields: readonly ConflictField<T>[],
  values: ConflictValues<T>,
): ConflictRow<T>[] {
  return fields.map((field) => {
    const base = values.base[field.key];
    const mine = values.mine[field.key];
    const theirs = values.theirs[field.key];
    const changedByMe = !valuesEqual(mine, base);
    const changedByThem = !valuesEqual(theirs, base);
    const differs = !valuesEqual(mine, theirs);
    return {
      key: field.key,
      label: field.label,
      base,
      mine,
      theirs,
      changedByMe,
      changedByThem,
      clash: changedByMe && changedByThem && differs,
      differs,
      format: field.format ?? formatConflictValue,
    };
  });
}

/** The choice a field gets unless the user says otherwise: my edit wins, else theirs. */
export function defaultChoice<T>(row: ConflictRow<T>): ConflictChoice {
  return row.changedByMe ? 'mine' : 'theirs';
}

/**
 * The merged values for a strategy. The result starts as a copy of `theirs` (so `version` and any key
 * outside `fields` are the latest), then each field takes mine or theirs.
 */
export function resolveConflict<T extends object>(
  fields: readonly ConflictField<T>[],
  values: ConflictValues<T>,
  strategy: ConflictStrategy<T>,
): T {
  const result: T = { ...values.theirs };
  if (strategy === 'theirs') return result;
  for (const row of compareConflict(fields, values)) {
    const choice =
      strategy === 'mine-on-theirs'
        ? defaultChoice(row)
        : (strategy[row.key] ?? defaultChoice(row));
    if (choice === 'mine') result[row.key] = values.mine[row.key];
  }
  return result;
}

/** True when every listed field of `a` equals that of `b` (e.g. the latest save already holds mine). */
export function sameFieldValues<T>(fields: readonly ConflictField<T>[], a: T, b: T): boolean {
  return fields.every((field) => valuesEqual(a[field.key], b[field.key]));
}
