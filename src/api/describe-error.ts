/**
 * What a failed call means to the user, in a title and a sentence, for either platform (docs/
 * architecture.md §11): each error knows which platform it came from (`ApiError.service`), so "Could not
 * reach Solvimon" is never worded as m3ter's.
 */
import {
  ApiError,
  ForbiddenError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  retryAfterMsOf,
  ServerError,
  ValidationError,
  VersionConflictError,
} from './errors';
import {
  SolvimonDuplicateReferenceError,
  SolvimonForbiddenError,
  SolvimonInvalidOperationError,
  SolvimonNotFoundError,
  SolvimonRateLimitedError,
  SolvimonServerError,
  SolvimonValidationError,
} from './solvimon/errors';

/** A 404 from either platform (Solvimon also says so with a 400 RESOURCE_NOT_FOUND). */
export const isNotFoundError = (error: unknown): boolean =>
  error instanceof NotFoundError || error instanceof SolvimonNotFoundError;

export interface ErrorDescription {
  title: string;
  detail: string;
}

/** A short title and a detail sentence for an error screen or notification. */
export function describeError(error: unknown): ErrorDescription {
  const platform = error instanceof ApiError ? error.service : 'm3ter';
  if (error instanceof VersionConflictError && error.method === 'GET') {
    // Nothing was being saved, so "someone else changed this" would mislead: report the platform's words.
    return {
      title: `${platform} could not answer this request`,
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
  if (isForbidden(error) && error.status === 401) {
    // m3ter itself answers 403; a 401 comes from the live-mode proxy when the platform refused its credentials.
    return {
      title: `The console’s server could not sign in to ${platform}`,
      detail: error.message,
    };
  }
  if (isForbidden(error)) {
    return {
      title: 'Not allowed, or your session expired',
      detail: withServerMessage(
        'Sign in again, or ask an administrator for access.',
        error.message,
      ),
    };
  }
  if (isNotFoundError(error)) {
    return { title: 'Not found', detail: 'It may have been deleted, or the link is wrong.' };
  }
  if (error instanceof SolvimonDuplicateReferenceError) {
    return { title: 'That reference is already used', detail: error.message };
  }
  if (error instanceof SolvimonInvalidOperationError) {
    return { title: `${platform} did not allow this now`, detail: error.message };
  }
  if (error instanceof ValidationError || error instanceof SolvimonValidationError) {
    return { title: `${platform} rejected the request`, detail: error.message };
  }
  if (error instanceof RateLimitedError || error instanceof SolvimonRateLimitedError) {
    const retryAfterMs = retryAfterMsOf(error);
    const wait =
      retryAfterMs !== undefined
        ? `Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`
        : 'Try again in a moment.';
    return { title: 'Too many requests', detail: `${platform} is limiting requests. ${wait}` };
  }
  if (error instanceof ServerError || error instanceof SolvimonServerError) {
    return {
      title: `${platform} had a problem`,
      detail: withServerMessage(
        `The server answered ${error.status}. Try again later.`,
        error.message,
      ),
    };
  }
  if (error instanceof NetworkError) {
    return {
      title: `Could not reach ${platform}`,
      detail: error.timedOut
        ? 'The request timed out. Check your connection and try again.'
        : 'Check your connection and try again.',
    };
  }
  if (error instanceof InvalidResponseError) {
    return { title: `Unexpected response from ${platform}`, detail: error.message };
  }
  if (error instanceof ApiError) {
    return { title: `Request failed (${error.status})`, detail: error.message };
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong', detail: error.message };
  }
  return { title: 'Something went wrong', detail: String(error) };
}

const isForbidden = (error: unknown): error is ApiError =>
  error instanceof ForbiddenError || error instanceof SolvimonForbiddenError;

function withServerMessage(advice: string, message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed ? `${trimmed}. ${advice}` : advice;
}
