import { z } from 'zod/mini';
import {
  ApiError,
  createHttpError,
  ForbiddenError,
  formatIssues,
  InvalidResponseError,
  isAbortError,
  isRetryableError,
  NetworkError,
  NotFoundError,
  parseRetryAfterMs,
  RateLimitedError,
  ServerError,
  ValidationError,
  VersionConflictError,
} from './errors';

const at = { path: '/integrationconfigs/x', method: 'PUT' as const };

function httpError(status: number, message = 'm', headers: Record<string, string> = {}) {
  return createHttpError({ status, message, headers: new Headers(headers), ...at });
}

describe('createHttpError', () => {
  it.each([
    [400, 'Bad request', ValidationError],
    [400, 'Version 3 does not match 4', VersionConflictError],
    [400, 'the VERSION field is stale', VersionConflictError],
    [401, 'Unauthorized', ForbiddenError],
    [403, 'Token expired', ForbiddenError],
    [404, 'No such config', NotFoundError],
    [409, 'Conflict', VersionConflictError],
    [429, 'Slow down', RateLimitedError],
    [500, 'Oops', ServerError],
    [502, 'Bad Gateway', ServerError],
    [503, 'Unavailable', ServerError],
  ])('%i "%s" → %o', (status, message, expected) => {
    const error = httpError(status, message);
    expect(error).toBeInstanceOf(expected);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe(expected.name);
    expect(error).toMatchObject({ status, message, ...at });
  });

  it('uses the base class for other 4xx', () => {
    const error = httpError(413, 'Too large');
    expect(error.constructor).toBe(ApiError);
    expect(error.status).toBe(413);
  });

  it('gives a 429 its Retry-After', () => {
    expect((httpError(429, 'x', { 'Retry-After': '2' }) as RateLimitedError).retryAfterMs).toBe(
      2000,
    );
    expect((httpError(429, 'x') as RateLimitedError).retryAfterMs).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');

  it('reads seconds, an HTTP-date and retry-after-ms', () => {
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': '0.5' }), now)).toBe(500);
    expect(
      parseRetryAfterMs(new Headers({ 'Retry-After': 'Fri, 01 May 2026 10:00:07 GMT' }), now),
    ).toBe(7000);
    expect(
      parseRetryAfterMs(new Headers({ 'retry-after-ms': '250', 'Retry-After': '9' }), now),
    ).toBe(250);
  });

  it('clamps a past date to 0 and ignores absent or garbage values', () => {
    expect(
      parseRetryAfterMs(new Headers({ 'Retry-After': 'Fri, 01 May 2026 09:00:00 GMT' }), now),
    ).toBe(0);
    expect(parseRetryAfterMs(new Headers(), now)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': '-1' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ 'retry-after-ms': 'x', 'Retry-After': '1' }), now)).toBe(
      1000,
    );
  });
});

describe('InvalidResponseError', () => {
  it('names the call and the first issue', () => {
    const result = z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse({
      data: [{ id: 1 }, { id: 2 }],
    });
    const error = new InvalidResponseError({
      status: 200,
      path: '/integrationconfigs',
      method: 'GET',
      issues: result.error!.issues,
    });
    expect(error.message).toMatch(
      /^Unexpected response from GET \/integrationconfigs: data\.0\.id: .*expected string.* \(and 1 more\)$/,
    );
    expect(error.issues).toHaveLength(2);
    expect(error.status).toBe(200);
  });

  it('formats a root issue and no issue', () => {
    const result = z.string().safeParse(1);
    expect(formatIssues(result.error!.issues)).toMatch(/^\(body\): /);
    expect(formatIssues([])).toBe('invalid body');
  });
});

describe('isRetryableError', () => {
  it('retries network failures, 5xx and 429 only', () => {
    expect(isRetryableError(new NetworkError({ message: 'x', ...at }))).toBe(true);
    expect(isRetryableError(httpError(500))).toBe(true);
    expect(isRetryableError(httpError(503))).toBe(true);
    expect(isRetryableError(httpError(429))).toBe(true);
    expect(isRetryableError(httpError(400))).toBe(false);
    expect(isRetryableError(httpError(403))).toBe(false);
    expect(isRetryableError(httpError(404))).toBe(false);
    expect(isRetryableError(httpError(409))).toBe(false);
    expect(isRetryableError(httpError(400, 'version mismatch'))).toBe(false);
    expect(isRetryableError(new InvalidResponseError({ status: 200, ...at }))).toBe(false);
    expect(isRetryableError(new Error('x'))).toBe(false);
  });
});

describe('isAbortError', () => {
  it('recognises an AbortError by name', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new DOMException('x', 'TimeoutError'))).toBe(false);
    expect(isAbortError(new NetworkError({ message: 'x', ...at }))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});
