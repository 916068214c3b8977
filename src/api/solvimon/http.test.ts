import { delay, http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { server } from '../../mocks/node';
import { ApiError, InvalidResponseError, NetworkError } from '../transport';
import {
  SolvimonApiError,
  SolvimonDuplicateReferenceError,
  SolvimonForbiddenError,
  SolvimonInvalidOperationError,
  SolvimonNotFoundError,
  SolvimonRateLimitedError,
  SolvimonServerError,
  SolvimonValidationError,
} from './errors';
import { solvimonBaseUrl, solvimonRequest } from './http';

const ROUTE = '*/v1/integrations';
const itemSchema = z.object({ id: z.string() });

async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const getOne = (options: Partial<Parameters<typeof solvimonRequest>[0]> = {}) =>
  solvimonRequest({ path: '/integrations/a', schema: itemSchema, ...options });

describe('solvimonRequest: what it sends', () => {
  it('calls {SOLVIMON_API_BASE}/v1 with the query, JSON, no credentials and no platform id (the proxy adds both)', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(ROUTE, ({ request }) => {
        seen = request;
        return HttpResponse.json({ id: 'x' });
      }),
    );
    await solvimonRequest({
      path: '/integrations',
      query: { limit: 5, page: 2, order_by: 'name', order_direction: undefined },
      schema: itemSchema,
    });
    expect(solvimonBaseUrl()).toBe('/solvimon/v1');
    const url = new URL(seen?.url ?? '');
    expect(url.pathname).toBe('/solvimon/v1/integrations');
    expect(url.search).toBe('?limit=5&page=2&order_by=name');
    expect(seen?.headers.get('accept')).toBe('application/json');
    expect(seen?.headers.get('content-type')).toBeNull();
    expect(seen?.headers.has('x-api-key')).toBe(false);
    expect(seen?.headers.has('authorization')).toBe(false);
    expect(seen?.headers.has('x-platform-id')).toBe(false);
  });

  it('sends a JSON body with its method and content type, and takes any 2xx', async () => {
    let received: { method: string; type: string | null; body: unknown } | undefined;
    server.use(
      http.patch(`${ROUTE}/:id`, async ({ request }) => {
        received = {
          method: request.method,
          type: request.headers.get('content-type'),
          body: await request.json(),
        };
        return HttpResponse.json({ id: 'a' }, { status: 201 });
      }),
    );
    await expect(getOne({ method: 'PATCH', body: { name: 'n' } })).resolves.toEqual({ id: 'a' });
    expect(received).toEqual({ method: 'PATCH', type: 'application/json', body: { name: 'n' } });
  });

  it('hands an empty 2xx body to the schema as undefined', async () => {
    server.use(http.delete(`${ROUTE}/:id`, () => new HttpResponse(null, { status: 204 })));
    await expect(getOne({ method: 'DELETE', schema: z.optional(itemSchema) })).resolves.toBe(
      undefined,
    );
  });
});

describe('solvimonRequest: Solvimon error bodies', () => {
  const apiError = (status: number, code: string | undefined, field?: string) =>
    server.use(
      http.get(`${ROUTE}/:id`, () =>
        HttpResponse.json(
          { type: 'INVALID_REQUEST', code, field, message: `failed with ${code ?? 'nothing'}` },
          { status },
        ),
      ),
    );

  it.each([
    [400, 'INVALID_FIELD', SolvimonValidationError],
    [400, 'MISSING_FIELD', SolvimonValidationError],
    [400, 'INVALID_OPERATION', SolvimonInvalidOperationError],
    [400, 'RESOURCE_NOT_FOUND', SolvimonNotFoundError],
    [404, 'RESOURCE_NOT_FOUND', SolvimonNotFoundError],
    [404, undefined, SolvimonNotFoundError],
    [409, 'RESOURCE_ALREADY_EXISTS', SolvimonDuplicateReferenceError],
    [401, 'UNAUTHORISED', SolvimonForbiddenError],
    [403, 'USER_NOT_ALLOWED', SolvimonForbiddenError],
    [429, undefined, SolvimonRateLimitedError],
    [500, 'INTERNAL_ERROR', SolvimonServerError],
  ])('%i %s → %o, carrying code and message', async (status, code, expected) => {
    apiError(status, code, 'reference');
    const error = await failure(() => getOne());
    expect(error).toBeInstanceOf(expected);
    expect(error).toBeInstanceOf(SolvimonApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status,
      code,
      field: 'reference',
      message: `failed with ${code ?? 'nothing'}`,
      path: '/integrations/a',
      method: 'GET',
    });
  });

  it('falls back to the status text when the error body is not Solvimon’s', async () => {
    server.use(
      http.get(
        `${ROUTE}/:id`,
        () =>
          new HttpResponse('<html>bad gateway</html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    const error = await failure(() => getOne());
    expect(error).toBeInstanceOf(SolvimonServerError);
    expect(error).toMatchObject({ message: 'Bad Gateway', code: undefined, field: undefined });
  });
});

describe('solvimonRequest: unreadable answers and no answer', () => {
  it('a 2xx that is not JSON, or does not match, is an InvalidResponseError', async () => {
    server.use(http.get(`${ROUTE}/:id`, () => HttpResponse.text('{"id":', { status: 200 })));
    const notJson = await failure(() => getOne());
    expect(notJson).toBeInstanceOf(InvalidResponseError);
    expect((notJson as Error).message).toBe(
      'Unexpected response from GET /integrations/a: body is not JSON',
    );

    server.use(http.get(`${ROUTE}/:id`, () => HttpResponse.json({ id: 7 })));
    const mismatch = await failure(() => getOne());
    expect(mismatch).toBeInstanceOf(InvalidResponseError);
    expect((mismatch as InvalidResponseError).issues[0]?.path).toEqual(['id']);
  });

  it('a failed fetch is a NetworkError naming Solvimon', async () => {
    server.use(http.get(`${ROUTE}/:id`, () => HttpResponse.error()));
    const error = await failure(() => getOne());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/^Could not reach Solvimon: /);
  });

  it('times out as a NetworkError, and a caller abort stays an AbortError', async () => {
    server.use(
      http.get(`${ROUTE}/:id`, async () => {
        await delay(1000);
        return HttpResponse.json({ id: 'a' });
      }),
    );
    const timedOut = await failure(() => getOne({ timeoutMs: 30 }));
    expect(timedOut).toBeInstanceOf(NetworkError);
    expect((timedOut as NetworkError).timedOut).toBe(true);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const aborted = await failure(() => getOne({ signal: controller.signal }));
    expect(aborted).not.toBeInstanceOf(ApiError);
    expect((aborted as Error).name).toBe('AbortError');
  });
});
