/**
 * Building blocks shared by every m3ter schema (docs/m3ter-api.md §2.2, §2.4, §5.1).
 */
import { z } from 'zod/mini';

// English issue messages, as in ../transport.ts (zod/mini loads no locale), for m3ter's schemas parsed
// without it: the skipped rows' problems and the fake m3ter's 400s, which in Node (server/fake-upstream)
// load these schemas only.
z.config(z.locales.en());

/**
 * `entityType` / `destination` on IntegrationConfigRequest. The spec's pattern is `^[a-zA-Z0-9_-]*$` plus
 * minLength 1; `+` states both at once.
 */
export const ENTITY_TYPE_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Loose 8-4-4-4-12 hex check: m3ter IDs are UUIDs, but the version nibble is not enforced. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

const CONTROL_CHAR = /\p{Cc}/u;

/**
 * The ExternalMappingRequest text rule. m3ter's Java pattern (docs/m3ter-api.md §5.1) means: non-empty, no leading or
 * trailing whitespace, no control characters; inner spaces are allowed.
 */
export function isValidMappingText(value: string): boolean {
  return value.length > 0 && value === value.trim() && !CONTROL_CHAR.test(value);
}

/**
 * `id` and `version` (AbstractResponse) plus the audit fields (AbstractResponseWithAuditFields).
 * Only `id` is required by the spec.
 */
export const auditFieldsSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.optional(z.int()),
  dtCreated: z.optional(z.string()),
  dtLastModified: z.optional(z.string()),
  createdBy: z.optional(z.string()),
  lastModifiedBy: z.optional(z.string()),
});

export type AuditFields = z.infer<typeof auditFieldsSchema>;

/**
 * Fields m3ter sets itself on every entity (`id`, `version` and the audit fields): never sent back in
 * a request body. An update carries the version it is based on separately.
 */
export const SERVER_SET_FIELDS = Object.keys(
  auditFieldsSchema.shape,
) as readonly (keyof AuditFields)[];

/** A row of a list answer that did not match its schema: left out of `data`, and named. */
export interface InvalidRow {
  /** The row's `id`, when it has one that is a string. */
  id?: string;
  /** Where it was in its page, from 0. */
  index: number;
  /** What was wrong with it, e.g. `dtLastModified: Invalid input: expected string, received null`. */
  problem: string;
}

/** The cursor page envelope of every m3ter list. */
export interface Page<T> {
  /** The rows that parsed, in m3ter's order. */
  data: T[];
  nextToken?: string | null;
  /** The rows that did not parse; absent when every row did. */
  invalid?: InvalidRow[];
}

/** "data.0.id: expected string" style, for one row's issues: the first, with a count of the rest. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid row';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}

function rowId(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const id: unknown = (row as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * `{ data, nextToken }`, read honestly (docs/m3ter-api.md §2.4): `data` is required (only `data: []` is an
 * empty page; a body without it is an unexpected response), and its rows are parsed one by one, so one
 * malformed row does not hide the others: the rows that parse are `data`, the others are named in
 * `invalid` with their id and the problem. `nextToken` may be absent, null or empty at the end.
 */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.looseObject({
      data: z.array(z.unknown()),
      nextToken: z.nullish(z.string()),
    }),
    z.transform(({ data: rows, ...envelope }) => {
      const data: z.output<T>[] = [];
      const invalid: InvalidRow[] = [];
      rows.forEach((row, index) => {
        const parsed = item.safeParse(row);
        if (parsed.success) {
          data.push(parsed.data);
          return;
        }
        const id = rowId(row);
        invalid.push({
          ...(id === undefined ? {} : { id }),
          index,
          problem: describeIssues(parsed.error.issues),
        });
      });
      return { ...envelope, data, ...(invalid.length > 0 ? { invalid } : {}) };
    }),
  );
}
