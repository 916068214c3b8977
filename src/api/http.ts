/**
 * The one way the console talks to m3ter. Whoever serves `API_BASE` (the demo backend or the live proxy)
 * adds authentication, so this layer only speaks JSON and maps failures to typed errors. The fetch,
 * timeout, abort and body parsing are shared with the other platforms (`transport.ts`).
 */
import type { z } from 'zod/mini';
import { orgBaseUrl } from '../env';
import { createHttpError, type HttpMethod } from './errors';
import { buildQuery, parseResponse, readJsonBody, send, type Query } from './transport';

export { apiPath, buildQuery } from './transport';

/** Per-call options every resource function accepts. */
export interface CallOptions {
  /** React Query's signal: aborting it rejects with the AbortError, unwrapped. */
  signal?: AbortSignal;
}

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Relative to the organisation base, starting with "/"; build it with `apiPath`. */
  path: string;
  query?: Query;
  /** Sent as JSON when defined. */
  body?: unknown;
  /** Validates a 2xx body; an empty body is passed to it as `undefined`. */
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Calls `{orgBaseUrl}{path}{query}` and returns the body parsed by `schema`.
 *
 * Throws: a caller abort as the platform's AbortError, unwrapped (React Query relies on it);
 * `NetworkError` when fetch fails or `timeoutMs` passes; on non-2xx, the class chosen by
 * `createHttpError` (ValidationError, ForbiddenError, NotFoundError, VersionConflictError,
 * RateLimitedError, ServerError, or ApiError) with m3ter's `{message}`; `InvalidResponseError` when a 2xx
 * body is not JSON or does not match `schema`.
 */
export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const { path, query, body, schema, signal, timeoutMs } = options;
  const method = options.method ?? 'GET';
  const { response, text } = await send({
    url: `${orgBaseUrl()}${path}${buildQuery(query)}`,
    method,
    path,
    body,
    signal,
    timeoutMs,
    service: 'm3ter',
  });

  if (!response.ok) {
    throw createHttpError({
      status: response.status,
      message: errorMessageOf(text, response),
      path,
      method,
      headers: response.headers,
    });
  }

  const context = { status: response.status, path, method };
  return parseResponse(schema, readJsonBody(text, context), context);
}

/** m3ter's `{ "message": string }`, else the status text (proxies and gateways answer in HTML). */
function errorMessageOf(text: string, response: Response): string {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'message' in body) {
      const { message } = body;
      if (typeof message === 'string' && message.trim() !== '') return message;
    }
  } catch {
    // Not JSON: fall through to the status text.
  }
  return response.statusText || `HTTP ${response.status}`;
}
