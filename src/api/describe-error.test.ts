import {
  createHttpError,
  InvalidResponseError,
  isRetryableError,
  NetworkError,
  RateLimitedError,
  ServerError,
} from './errors';
import { describeError } from './describe-error';
import { createSolvimonHttpError } from './solvimon/errors';

const at = { path: '/integrationconfigs/x', method: 'PUT' as const };

function httpError(status: number, message = 'm', headers: Record<string, string> = {}) {
  return createHttpError({ status, message, headers: new Headers(headers), ...at });
}

function solvimonError(status: number, body: object, headers: Record<string, string> = {}) {
  return createSolvimonHttpError({
    status,
    body: JSON.stringify(body),
    statusText: '',
    headers: new Headers(headers),
    path: '/integrations/intg_1',
    method: 'PATCH',
  });
}

describe('describeError', () => {
  it('gives screens a title and a detail per kind', () => {
    expect(describeError(httpError(403, 'Token expired')).title).toBe(
      'Not allowed, or your session expired',
    );
    expect(describeError(httpError(403, 'Token expired')).detail).toMatch(
      /^Token expired\. Sign in/,
    );
    expect(describeError(httpError(401, 'Service User rejected')).title).toBe(
      'The console’s server could not sign in to m3ter',
    );
    expect(describeError(new NetworkError({ message: 'x', ...at })).title).toBe(
      'Could not reach m3ter',
    );
    expect(describeError(new NetworkError({ message: 'x', timedOut: true, ...at })).detail).toMatch(
      /timed out/,
    );
    expect(describeError(httpError(409)).title).toBe('Someone else changed this');
    // A 409 on a read is not about anyone's edit.
    const onRead = createHttpError({
      status: 409,
      message: 'Export already running',
      headers: new Headers(),
      path: '/integrationruns',
      method: 'GET',
    });
    expect(describeError(onRead)).toEqual({
      title: 'm3ter could not answer this request',
      detail: 'Export already running. Try again in a moment.',
    });
    expect(describeError(httpError(404)).title).toBe('Not found');
    expect(describeError(httpError(400, 'entityType is invalid'))).toEqual({
      title: 'm3ter rejected the request',
      detail: 'entityType is invalid',
    });
    expect(describeError(httpError(429, 'x', { 'Retry-After': '3' })).detail).toMatch(/3 s/);
    expect(describeError(httpError(500)).title).toBe('m3ter had a problem');
    expect(describeError(httpError(413, 'Too large')).title).toBe('Request failed (413)');
    expect(describeError(new Error('boom'))).toEqual({
      title: 'Something went wrong',
      detail: 'boom',
    });
    expect(describeError('odd')).toEqual({ title: 'Something went wrong', detail: 'odd' });
  });
});

describe('describeError for Solvimon', () => {
  it('names Solvimon, never m3ter, for the errors both platforms share', () => {
    const atSolvimon = { ...at, service: 'Solvimon' };
    expect(describeError(new NetworkError({ message: 'x', ...atSolvimon })).title).toBe(
      'Could not reach Solvimon',
    );
    expect(describeError(new InvalidResponseError({ status: 200, ...atSolvimon })).title).toBe(
      'Unexpected response from Solvimon',
    );
    expect(describeError(solvimonError(500, { code: 'INTERNAL_ERROR', message: 'Boom' }))).toEqual({
      title: 'Solvimon had a problem',
      detail: 'Boom. The server answered 500. Try again later.',
    });
    expect(describeError(solvimonError(401, { message: 'Invalid API key' })).title).toBe(
      'The console’s server could not sign in to Solvimon',
    );
    expect(describeError(solvimonError(403, { message: 'No INTEGRATION.UPDATE' })).title).toBe(
      'Not allowed, or your session expired',
    );
    expect(describeError(solvimonError(429, {}, { 'Retry-After': '2' })).detail).toBe(
      'Solvimon is limiting requests. Try again in 2 s.',
    );
  });

  it('says what Solvimon refused in its own words', () => {
    expect(
      describeError(solvimonError(400, { code: 'RESOURCE_NOT_FOUND', message: 'No such' })).title,
    ).toBe('Not found');
    expect(
      describeError(solvimonError(409, { code: 'RESOURCE_ALREADY_EXISTS', message: 'Taken' })),
    ).toEqual({ title: 'That reference is already used', detail: 'Taken' });
    expect(
      describeError(
        solvimonError(400, { code: 'INVALID_OPERATION', message: 'ARCHIVED is final' }),
      ),
    ).toEqual({ title: 'Solvimon did not allow this now', detail: 'ARCHIVED is final' });
    expect(
      describeError(solvimonError(400, { code: 'INVALID_FIELD', message: 'name: too long' })),
    ).toEqual({ title: 'Solvimon rejected the request', detail: 'name: too long' });
  });

  it('retries Solvimon reads as m3ter reads: 5xx, 429 and no answer only', () => {
    expect(isRetryableError(solvimonError(503, {}))).toBe(true);
    expect(isRetryableError(solvimonError(429, {}))).toBe(true);
    expect(isRetryableError(solvimonError(400, { code: 'INVALID_FIELD' }))).toBe(false);
    expect(isRetryableError(solvimonError(404, {}))).toBe(false);
    expect(httpError(500)).toBeInstanceOf(ServerError);
    expect(httpError(429)).toBeInstanceOf(RateLimitedError);
  });
});
