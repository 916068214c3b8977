/**
 * Typed errors thrown by `request()` (docs/m3ter-api.md Decision 3, §2.5–§2.6). Screens branch on the class, never
 * on a status number: m3ter documents 403 for an expired token and no status at all for a version
 * conflict, so the mapping lives here, once.
 */
import {
  ApiError,
  InvalidResponseError,
  NetworkError,
  parseRetryAfterMs,
  type ApiErrorInit,
} from './transport';

// The classes without a platform meaning are shared with Solvimon's module (docs/architecture.md §11).
export {
  ApiError,
  formatIssues,
  InvalidResponseError,
  NetworkError,
  parseRetryAfterMs,
} from './transport';

/** The methods m3ter's API uses (it has no PATCH). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** 400: the request was rejected (malformed body, or an update that would break configuration). */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}

/** 401 or 403: missing permission, or the session/token expired (m3ter answers 403 for both). */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}

/** 404. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/**
 * 409, or a 400 whose message names the version: the entity changed since it was loaded. Never retried
 * automatically; the screen re-fetches and lets the user choose.
 */
export class VersionConflictError extends ApiError {
  override name = 'VersionConflictError';
}

/** 429. `retryAfterMs` is set only when the response said how long to wait (m3ter documents no header). */
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx. */
export class ServerError extends ApiError {
  override name = 'ServerError';
}

const VERSION_MENTION = /version/i;

export interface HttpErrorInit {
  status: number;
  message: string;
  path: string;
  method: HttpMethod;
  headers: Headers;
}

/** Maps a non-2xx response to its error class. */
export function createHttpError(init: HttpErrorInit): ApiError {
  const { status, message, path, method, headers } = init;
  const base = { status, message, path, method };
  if (status === 409) return new VersionConflictError(base);
  if (status === 400) {
    return VERSION_MENTION.test(message)
      ? new VersionConflictError(base)
      : new ValidationError(base);
  }
  if (status === 401 || status === 403) return new ForbiddenError(base);
  if (status === 404) return new NotFoundError(base);
  if (status === 429)
    return new RateLimitedError({ ...base, retryAfterMs: parseRetryAfterMs(headers) });
  if (status >= 500) return new ServerError(base);
  return new ApiError(base);
}

/**
 * Whether retrying the same request may succeed: no response, a 5xx, or a 429. A version conflict, any
 * other 4xx and an unreadable response will fail the same way again. Callers still retry only reads
 * (docs/m3ter-api.md Decision 7).
 */
export function isRetryableError(error: unknown): boolean {
  // By status, not class: the same holds for Solvimon's errors (docs/architecture.md §11).
  if (error instanceof NetworkError) return true;
  if (error instanceof InvalidResponseError || !(error instanceof ApiError)) return false;
  return error.status >= 500 || error.status === 429;
}

/** How long the answer asked to wait before asking again (a 429's Retry-After), on either platform. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  return typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
}

/**
 * A cancelled request (React Query cancels on unmount or key change): not a failure to show. Checked by
 * name because the DOMException may come from another realm (Node's fetch under jsdom).
 */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
  );
}
