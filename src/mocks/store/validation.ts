/**
 * Request validation of the fake m3ter: bodies are parsed with the API module's zod request schemas,
 * and a 400 message starts with the field path (`entityType: …`) so the UI can put it on the field.
 */
import type { z } from 'zod/mini';
import { StoreError } from '../store-error';
import { given } from './query';

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = body;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Parses a request body with the API module's schema; a 400 names every offending field. */
export function validateBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StoreError(400, 'Request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || 'body';
    const missing = valueAt(body, issue.path) == null;
    return missing ? `${path}: is required` : `${path}: ${issue.message}`;
  });
  throw new StoreError(400, [...new Set(messages)].join('; '));
}

/** An optional date query parameter; 400 when it is given but not a date. */
export function parseDate(raw: string | null | undefined, field: string): number | undefined {
  if (!given(raw)) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new StoreError(400, `${field}: must be an ISO-8601 date or date-time`);
  return ms;
}
