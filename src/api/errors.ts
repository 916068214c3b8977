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
  return (
    error instanceof NetworkError ||
    error instanceof ServerError ||
    error instanceof RateLimitedError
  );
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

export interface ErrorDescription {
  title: string;
  detail: string;
}

/** A short title and a detail sentence for an error screen or notification. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof VersionConflictError && error.method === 'GET') {
    // Nothing was being saved, so "someone else changed this" would mislead: report m3ter's words.
    return {
      title: 'm3ter could not answer this request',
      detail: withServerMessage('Try again in a moment.', error.message),
    };
  }
  if (error instanceof VersionConflictError) {
    return {
      title: 'Someone else changed this',
      detail:
        'It was modified after you opened it. Load the latest version, then apply your changes again.',
    };
  }
  if (error instanceof ForbiddenError && error.status === 401) {
    // m3ter itself answers 403; a 401 comes from the live-mode proxy when m3ter refused its credentials.
    return { title: 'The console’s server could not sign in to m3ter', detail: error.message };
  }
  if (error instanceof ForbiddenError) {
    return {
      title: 'Not allowed, or your session expired',
      detail: withServerMessage(
        'Sign in again, or ask an administrator for access.',
        error.message,
      ),
    };
  }
  if (error instanceof NotFoundError) {
    return { title: 'Not found', detail: 'It may have been deleted, or the link is wrong.' };
  }
  if (error instanceof ValidationError) {
    return { title: 'm3ter rejected the request', detail: error.message };
  }
  if (error instanceof RateLimitedError) {
    const wait =
      error.retryAfterMs !== undefined
        ? `Try again in ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s.`
        : 'Try again in a moment.';
    return { title: 'Too many requests', detail: `m3ter is limiting requests. ${wait}` };
  }
  if (error instanceof ServerError) {
    return {
      title: 'm3ter had a problem',
      detail: withServerMessage(
        `The server answered ${error.status}. Try again later.`,
        error.message,
      ),
    };
  }
  if (error instanceof NetworkError) {
    return {
      title: 'Could not reach m3ter',
      detail: error.timedOut
        ? 'The request timed out. Check your connection and try again.'
        : 'Check your connection and try again.',
    };
  }
  if (error instanceof InvalidResponseError) {
    return { title: 'Unexpected response from m3ter', detail: error.message };
  }
  if (error instanceof ApiError) {
    return { title: `Request failed (${error.status})`, detail: error.message };
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong', detail: error.message };
  }
  return { title: 'Something went wrong', detail: String(error) };
}

function withServerMessage(advice: string, message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed ? `${trimmed}. ${advice}` : advice;
}
