/**
 * The one way the console talks to m3ter. Whoever serves `API_BASE` (the demo backend or the live proxy)
 * adds authentication, so this layer only speaks JSON and maps failures to typed errors.
 */
import type { z } from 'zod';
import { orgBaseUrl } from '../env';
import { createHttpError, InvalidResponseError, NetworkError, type HttpMethod } from './errors';

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

const DEFAULT_TIMEOUT_MS = 30_000;

/** Per-call options every resource function accepts. */
export interface CallOptions {
  /** React Query's signal: aborting it rejects with the AbortError, unwrapped. */
  signal?: AbortSignal;
}

/**
 * `?a=1&ids=x,y`, or '' when nothing is left. undefined, null, '' and empty arrays are skipped (m3ter
 * treats an empty filter as a filter). Arrays are comma-separated as m3ter's SDKs send them; each item is
 * encoded on its own, so a comma inside an item stays distinguishable (%2C) from the separator.
 */
export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined || raw === null) continue;
    let value: string;
    if (typeof raw === 'string') value = encodeURIComponent(raw);
    else if (typeof raw === 'number' || typeof raw === 'boolean') value = String(raw);
    else
      value = raw
        .filter((item) => item !== '')
        .map(encodeURIComponent)
        .join(',');
    if (value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${value}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Tagged template for request paths: every interpolated value is one path segment and is encoded, so an
 * ID containing "/" or "?" can never change which endpoint is called.
 * `apiPath\`/integrationconfigs/${id}\``
 */
export function apiPath(
  strings: TemplateStringsArray,
  ...segments: ReadonlyArray<string | number>
): string {
  let out = strings[0] ?? '';
  segments.forEach((segment, i) => {
    out += encodeURIComponent(String(segment)) + (strings[i + 1] ?? '');
  });
  return out;
}

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Relative to the organisation base, starting with "/"; build it with `apiPath`. */
  path: string;
  query?: Query;
  /** Sent as JSON when defined. */
  body?: unknown;
  /** Validates a 2xx body; an empty body is passed to it as `undefined`. */
  schema: z.ZodType<T>;
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
  const { path, query, body, schema, signal: callerSignal } = options;
  const method = options.method ?? 'GET';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${orgBaseUrl()}${path}${buildQuery(query)}`;

  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The request timed out', 'TimeoutError')),
    timeoutMs,
  );
  const combined = combineSignals(callerSignal, timeout.signal);

  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined.signal,
    });
    // Read inside the try: the timeout and the caller's abort also cover a slow body.
    text = await response.text();
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    if (timeout.signal.aborted) {
      throw new NetworkError({
        message: `Request timed out after ${formatSeconds(timeoutMs)}`,
        path,
        method,
        cause: error,
        timedOut: true,
      });
    }
    throw new NetworkError({
      message: `Could not reach m3ter: ${error instanceof Error ? error.message : String(error)}`,
      path,
      method,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    combined.dispose();
  }

  if (!response.ok) {
    throw createHttpError({
      status: response.status,
      message: errorMessageOf(text, response),
      path,
      method,
      headers: response.headers,
    });
  }

  let json: unknown;
  if (text.trim() === '') {
    json = undefined;
  } else {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidResponseError({
        status: response.status,
        path,
        method,
        reason: 'body is not JSON',
        cause: error,
      });
    }
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidResponseError({
      status: response.status,
      path,
      method,
      issues: parsed.error.issues,
      cause: parsed.error,
    });
  }
  return parsed.data;
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

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

interface CombinedSignal {
  signal: AbortSignal;
  dispose: () => void;
}

/** The caller's signal and the timeout as one; `AbortSignal.any` where the runtime has it. */
function combineSignals(caller: AbortSignal | undefined, timeout: AbortSignal): CombinedSignal {
  if (!caller) return { signal: timeout, dispose: () => {} };
  if (typeof AbortSignal.any === 'function') {
    return { signal: AbortSignal.any([caller, timeout]), dispose: () => {} };
  }
  const controller = new AbortController();
  const sources = [caller, timeout];
  const onAbort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason);
  };
  const alreadyAborted = sources.find((s) => s.aborted);
  if (alreadyAborted) {
    controller.abort(alreadyAborted.reason);
  } else {
    for (const source of sources) source.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const source of sources) source.removeEventListener('abort', onAbort);
    },
  };
}
