import { delay, http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { server } from '../mocks/node';
import {
  ApiError,
  ForbiddenError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  ValidationError,
  VersionConflictError,
} from './errors';
import { apiPath, buildQuery, request } from './http';

const ROUTE = '*/organizations/:orgId/integrationconfigs';
const itemSchema = z.object({ id: z.string() });
const listSchema = z.object({ data: z.array(itemSchema) });

/** Runs `fn`, which must reject, and returns what it rejected with. */
async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function getList(options: Partial<Parameters<typeof request>[0]> = {}) {
  return request({ path: '/integrationconfigs', schema: listSchema, ...options });
}

describe('request: success', () => {
  it('calls the org base URL and returns the parsed body', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(ROUTE, ({ request: req }) => {
        seen = new URL(req.url);
        return HttpResponse.json({ data: [{ id: 'a' }] });
      }),
    );
    await expect(getList()).resolves.toEqual({ data: [{ id: 'a' }] });
    expect(seen?.pathname).toMatch(/^\/m3ter\/organizations\/[^/]+\/integrationconfigs$/);
  });

  it('sends a JSON body with its content type and the method', async () => {
    let received: { method: string; type: string | null; body: unknown } | undefined;
    server.use(
      http.put(`${ROUTE}/:id`, async ({ request: req }) => {
        received = {
          method: req.method,
          type: req.headers.get('content-type'),
          body: await req.json(),
        };
        return HttpResponse.json({ id: 'c1' });
      }),
    );
    const result = await request({
      method: 'PUT',
      path: '/integrationconfigs/c1',
      body: { name: 'x', version: 2 },
      schema: itemSchema,
    });
    expect(result).toEqual({ id: 'c1' });
    expect(received).toEqual({
      method: 'PUT',
      type: 'application/json',
      body: { name: 'x', version: 2 },
    });
  });

  it('sends no body or content type on a GET', async () => {
    let type: string | null = 'unset';
    server.use(
      http.get(ROUTE, ({ request: req }) => {
        type = req.headers.get('content-type');
        return HttpResponse.json({ data: [] });
      }),
    );
    await getList();
    expect(type).toBeNull();
  });

  it('hands an empty 2xx body to the schema as undefined', async () => {
    server.use(http.delete(`${ROUTE}/:id`, () => new HttpResponse(null, { status: 204 })));
    await expect(
      request({ method: 'DELETE', path: '/integrationconfigs/x', schema: z.optional(itemSchema) }),
    ).resolves.toBeUndefined();
    const error = await failure(() =>
      request({ method: 'DELETE', path: '/integrationconfigs/x', schema: itemSchema }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
  });
});

describe('request: HTTP errors', () => {
  it.each([
    [400, 'configData.x is invalid', ValidationError],
    [400, 'Version mismatch: expected 3', VersionConflictError],
    [401, 'Unauthorized', ForbiddenError],
    [403, 'Forbidden: token expired', ForbiddenError],
    [404, 'Not found', NotFoundError],
    [409, 'Conflict', VersionConflictError],
    [429, 'Too many requests', RateLimitedError],
    [500, 'Internal error', ServerError],
    [503, 'Service unavailable', ServerError],
  ])('%i {message: "%s"} → %o with the message', async (status, message, expected) => {
    server.use(http.get(ROUTE, () => HttpResponse.json({ message }, { status })));
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(expected);
    expect(error).toMatchObject({ status, message, path: '/integrationconfigs', method: 'GET' });
  });

  it('reads Retry-After on a 429, and leaves it undefined without one', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({ message: 'slow' }, { status: 429, headers: { 'Retry-After': '2' } }),
      ),
    );
    expect(await failure(() => getList())).toMatchObject({ retryAfterMs: 2000 });

    server.use(http.get(ROUTE, () => HttpResponse.json({ message: 'slow' }, { status: 429 })));
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeUndefined();
  });

  it('falls back to the status text when the error body is not JSON', async () => {
    server.use(
      http.get(
        ROUTE,
        () =>
          new HttpResponse('<html>gateway</html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, message: 'Bad Gateway' });
  });

  it('falls back when the JSON error has no usable message', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({ error: 'x' }, { status: 404, statusText: 'Not Found' }),
      ),
    );
    expect(await failure(() => getList())).toMatchObject({ message: 'Not Found' });

    // MSW fills in a missing status text, so stub fetch to reach the last fallback.
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('', { status: 418, statusText: '' }));
    try {
      const error = await failure(() => getList());
      expect((error as ApiError).constructor).toBe(ApiError);
      expect(error).toMatchObject({ status: 418, message: 'HTTP 418' });
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe('request: unreadable responses', () => {
  it('throws InvalidResponseError when a 2xx body is not JSON', async () => {
    server.use(http.get(ROUTE, () => HttpResponse.text('{"data": [', { status: 200 })));
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, path: '/integrationconfigs', issues: [] });
    expect((error as Error).message).toBe(
      'Unexpected response from GET /integrationconfigs: body is not JSON',
    );
  });

  it('throws InvalidResponseError with the path and issues when the schema does not match', async () => {
    server.use(http.get(ROUTE, () => HttpResponse.json({ data: [{ id: 42 }] })));
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(InvalidResponseError);
    const invalid = error as InvalidResponseError;
    expect(invalid.path).toBe('/integrationconfigs');
    expect(invalid.issues[0]?.path).toEqual(['data', 0, 'id']);
    expect(invalid.message).toMatch(
      /^Unexpected response from GET \/integrationconfigs: data\.0\.id: .*expected string/,
    );
  });
});

describe('request: network, timeout and abort', () => {
  it('throws NetworkError (status 0, cause kept) when fetch fails', async () => {
    server.use(http.get(ROUTE, () => HttpResponse.error()));
    const error = await failure(() => getList());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ status: 0, timedOut: false, path: '/integrationconfigs' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('throws NetworkError "timed out" when the timeout passes', async () => {
    server.use(
      http.get(ROUTE, async () => {
        await delay(1000);
        return HttpResponse.json({ data: [] });
      }),
    );
    const error = await failure(() => getList({ timeoutMs: 30 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(true);
    expect((error as Error).message).toMatch(/timed out/);
  });

  it('still times out when the caller passes a signal', async () => {
    server.use(
      http.get(ROUTE, async () => {
        await delay(1000);
        return HttpResponse.json({ data: [] });
      }),
    );
    const error = await failure(() =>
      getList({ timeoutMs: 30, signal: new AbortController().signal }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(true);
  });

  it('surfaces a caller abort as the AbortError itself, not wrapped', async () => {
    server.use(
      http.get(ROUTE, async () => {
        await delay(1000);
        return HttpResponse.json({ data: [] });
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failure(() => getList({ signal: controller.signal }));
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('rejects at once with AbortError when the signal is already aborted', async () => {
    let called = false;
    server.use(
      http.get(ROUTE, () => {
        called = true;
        return HttpResponse.json({ data: [] });
      }),
    );
    const controller = new AbortController();
    controller.abort();
    const error = await failure(() => getList({ signal: controller.signal }));
    expect((error as Error).name).toBe('AbortError');
    expect(called).toBe(false);
  });

  describe('without AbortSignal.any', () => {
    const original = AbortSignal.any;
    beforeEach(() => {
      // Older browsers lack it; the manual combination must behave the same.
      Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    });
    afterEach(() => {
      Object.defineProperty(AbortSignal, 'any', { value: original, configurable: true });
    });

    it('combines the caller signal and the timeout by hand', async () => {
      server.use(
        http.get(ROUTE, async () => {
          await delay(1000);
          return HttpResponse.json({ data: [] });
        }),
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      expect(((await failure(() => getList({ signal: controller.signal }))) as Error).name).toBe(
        'AbortError',
      );
      const timedOut = await failure(() =>
        getList({ signal: new AbortController().signal, timeoutMs: 30 }),
      );
      expect(timedOut).toBeInstanceOf(NetworkError);
      expect((timedOut as NetworkError).timedOut).toBe(true);
    });
  });
});

describe('buildQuery', () => {
  it('skips undefined, null, empty strings and empty arrays', () => {
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({ a: undefined, b: null, c: '', d: [], e: [''] })).toBe('');
    expect(buildQuery({ pageSize: 50, x: undefined, nextToken: 'abc' })).toBe(
      '?pageSize=50&nextToken=abc',
    );
  });

  it('keeps 0 and false', () => {
    expect(buildQuery({ pageSize: 0, active: false })).toBe('?pageSize=0&active=false');
  });

  it('joins arrays with commas and encodes each item', () => {
    expect(buildQuery({ m3terIds: ['a', 'b', 'c'] })).toBe('?m3terIds=a,b,c');
    expect(buildQuery({ ids: ['x,y', 'z'] })).toBe('?ids=x%2Cy,z');
  });

  it('encodes values', () => {
    expect(buildQuery({ nextToken: 'a+b/c=&d e' })).toBe('?nextToken=a%2Bb%2Fc%3D%26d%20e');
  });

  it('reaches the server as the same values', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(ROUTE, ({ request: req }) => {
        params = new URL(req.url).searchParams;
        return HttpResponse.json({ data: [] });
      }),
    );
    await getList({ query: { nextToken: 'a+b/c=&d', ids: ['1', '2'], empty: '' } });
    expect(params?.get('nextToken')).toBe('a+b/c=&d');
    expect(params?.get('ids')).toBe('1,2');
    expect(params?.has('empty')).toBe(false);
  });
});

describe('apiPath', () => {
  it('encodes each interpolated segment', () => {
    expect(apiPath`/integrationconfigs/${'a/b?c#d'}`).toBe('/integrationconfigs/a%2Fb%3Fc%23d');
    expect(apiPath`/x/${'Sales Order'}/y/${7}`).toBe('/x/Sales%20Order/y/7');
    expect(apiPath`/plain`).toBe('/plain');
  });
});
