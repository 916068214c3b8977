/**
 * The one way the console talks to Solvimon (docs/solvimon-api.md §1): `{SOLVIMON_API_BASE}/v1{path}`,
 * JSON in and out, no credentials. Solvimon's API key and `x-platform-id` are added by whoever serves
 * the base (the live proxy, from its own configuration; the demo backend needs neither), never here. Fetch, timeout, abort and body parsing are
 * shared with m3ter (../transport.ts); what a failure means is Solvimon's own (./errors.ts).
 */
import type { z } from 'zod/mini';
import { env } from '../../env';
import {
  buildQuery,
  parseResponse,
  readJsonBody,
  send,
  type Query,
  type TransportMethod,
} from '../transport';
import { createSolvimonHttpError } from './errors';

/** Solvimon's `{version}` path parameter: the only version there is. */
const API_VERSION = 'v1';

/** `{SOLVIMON_API_BASE}/v1`: every Solvimon call starts here. */
export function solvimonBaseUrl(): string {
  return `${env.solvimonApiBase}/${API_VERSION}`;
}

/** Per-call options every Solvimon function accepts. */
export interface SolvimonCallOptions {
  /** React Query's signal: aborting it rejects with the AbortError, unwrapped. */
  signal?: AbortSignal;
}

export interface SolvimonRequestOptions<T> {
  method?: TransportMethod;
  /** Relative to `/v1`, starting with "/"; build it with `apiPath`. */
  path: string;
  query?: Query;
  /** Sent as JSON when defined. */
  body?: unknown;
  /** Validates a 2xx body; an empty body is passed to it as `undefined`. */
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

/**
 * Calls `{solvimonBaseUrl}{path}{query}` and returns the body parsed by `schema`. Any 2xx is success
 * (create answers 201).
 *
 * Throws: a caller abort as the AbortError, unwrapped; `NetworkError` when fetch fails or the timeout
 * (30 s) passes; on non-2xx, the class `createSolvimonHttpError` chooses (SolvimonValidationError,
 * SolvimonInvalidOperationError, SolvimonNotFoundError, SolvimonDuplicateReferenceError,
 * SolvimonForbiddenError, SolvimonRateLimitedError, SolvimonServerError, or SolvimonApiError) with
 * Solvimon's `code`, `field` and `message`; `InvalidResponseError` when a 2xx body is not JSON or does
 * not match `schema`.
 */
export async function solvimonRequest<T>(options: SolvimonRequestOptions<T>): Promise<T> {
  const { path, query, body, schema, signal, timeoutMs } = options;
  const method = options.method ?? 'GET';
  const { response, text } = await send({
    url: `${solvimonBaseUrl()}${path}${buildQuery(query)}`,
    method,
    path,
    body,
    signal,
    timeoutMs,
    service: 'Solvimon',
  });

  if (!response.ok) {
    throw createSolvimonHttpError({
      status: response.status,
      path,
      method,
      body: text,
      service: 'Solvimon',
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  const context = { status: response.status, path, method, service: 'Solvimon' };
  return parseResponse(schema, readJsonBody(text, context), context);
}
