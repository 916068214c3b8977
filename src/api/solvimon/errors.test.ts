import {
  createSolvimonHttpError,
  SolvimonApiError,
  SolvimonDuplicateReferenceError,
  SolvimonNotFoundError,
  SolvimonRateLimitedError,
  SolvimonValidationError,
} from './errors';

const at = { path: '/integrations', method: 'POST' as const };

function httpError(status: number, body: unknown, headers: Record<string, string> = {}) {
  return createSolvimonHttpError({
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    statusText: 'Status text',
    headers: new Headers(headers),
    ...at,
  });
}

describe('createSolvimonHttpError', () => {
  it('carries every part of Solvimon’s ApiError', () => {
    const error = httpError(400, {
      type: 'INVALID_REQUEST',
      code: 'INVALID_FIELD',
      field: 'payment_gateway.stripe.public_key',
      message: 'public_key: must start with pk_',
      resource_id: 'intg_1',
      resource_type: 'INTEGRATION',
    });
    expect(error).toBeInstanceOf(SolvimonValidationError);
    expect(error).toMatchObject({
      name: 'SolvimonValidationError',
      status: 400,
      code: 'INVALID_FIELD',
      field: 'payment_gateway.stripe.public_key',
      message: 'public_key: must start with pk_',
      errorType: 'INVALID_REQUEST',
      resourceId: 'intg_1',
      resourceType: 'INTEGRATION',
      ...at,
    });
  });

  it('treats a 404 and a 400 RESOURCE_NOT_FOUND alike, but not a 400 with another code', () => {
    expect(httpError(404, '')).toBeInstanceOf(SolvimonNotFoundError);
    expect(httpError(400, { code: 'RESOURCE_NOT_FOUND', message: 'gone' })).toBeInstanceOf(
      SolvimonNotFoundError,
    );
    expect(httpError(400, { code: 'RESOURCES_NOT_FOUND', message: 'x' })).toBeInstanceOf(
      SolvimonValidationError,
    );
  });

  it('a taken reference: 409 with the code or with none, or a 400 with the code; field defaults to reference', () => {
    for (const error of [
      httpError(409, { code: 'RESOURCE_ALREADY_EXISTS', message: 'taken' }),
      httpError(409, ''),
      httpError(400, { code: 'RESOURCE_ALREADY_EXISTS', message: 'taken' }),
    ]) {
      expect(error).toBeInstanceOf(SolvimonDuplicateReferenceError);
      expect(error.field).toBe('reference');
    }
    const other = httpError(409, { code: 'IDEMPOTENCY_CHECK_FAILED', message: 'replayed' });
    expect(other.constructor).toBe(SolvimonApiError);
    expect(other.code).toBe('IDEMPOTENCY_CHECK_FAILED');
  });

  it('keeps an unknown code (the enum is open) and uses the base class for other statuses', () => {
    const error = httpError(418, { code: 'TEAPOT', message: 'short and stout' });
    expect(error.constructor).toBe(SolvimonApiError);
    expect(error).toMatchObject({ code: 'TEAPOT', message: 'short and stout' });
  });

  it('reads Retry-After on a 429', () => {
    const error = httpError(429, '', { 'Retry-After': '3' });
    expect(error).toBeInstanceOf(SolvimonRateLimitedError);
    expect((error as SolvimonRateLimitedError).retryAfterMs).toBe(3000);
  });

  it('reads a malformed error body field by field, then falls back to the status text', () => {
    expect(httpError(400, { code: 42, field: ['x'], message: 'still readable' })).toMatchObject({
      code: undefined,
      field: undefined,
      message: 'still readable',
    });
    expect(httpError(500, { message: '   ' }).message).toBe('Status text');
    expect(httpError(500, '[1, 2]').message).toBe('Status text');
    expect(httpError(500, 'null').message).toBe('Status text');
    const noText = createSolvimonHttpError({
      status: 503,
      body: '',
      statusText: '',
      headers: new Headers(),
      ...at,
    });
    expect(noText.message).toBe('HTTP 503');
  });
});
