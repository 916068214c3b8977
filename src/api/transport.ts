/**
 * The machinery every platform's API module shares (docs/architecture.md §11): fetch with a timeout and
 * the caller's abort, reading a JSON body, parsing it with zod, and the errors that carry no platform
 * meaning (`ApiError`, `NetworkError`, `InvalidResponseError`). What a status or an error body means is
 * each platform's own business: m3ter's in `../errors.ts`, Solvimon's in `./solvimon/errors.ts`.
 */
import { z } from 'zod/mini';

// zod/mini loads no locale (classic zod loads English by itself): without one, every issue's message
// is a bare "Invalid input". These messages reach users (an InvalidResponseError's detail, a fake's 400
// shown at a form field), and tests assert them, so English is configured here, where every platform's
// responses are parsed, rather than an explicit message on every check. m3ter's schemas/common.ts
// does the same for the fake m3ter, which uses those schemas without this module.
z.config(z.locales.en());

export type TransportMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiErrorInit {
  status: number;
  message: string;
  path: string;
  method: TransportMethod;
  /** Which platform answered, or could not be reached: "m3ter" (the default) or "Solvimon". */
  service?: string | undefined;
  cause?: unknown;
}

/** Any failed call to a platform. `path` is relative to the platform's base URL, without the query. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly path: string;
  readonly method: TransportMethod;
  /** The platform, for messages: "Could not reach Solvimon". */
  readonly service: string;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.path = init.path;
    this.method = init.method;
    this.service = init.service ?? 'm3ter';
  }
}

/** No HTTP response: fetch threw (offline, DNS, CORS) or the request timed out. `status` is 0. */
export class NetworkError extends ApiError {
  override name = 'NetworkError';
  readonly timedOut: boolean;

  constructor(init: Omit<ApiErrorInit, 'status'> & { timedOut?: boolean }) {
    super({ ...init, status: 0 });
    this.timedOut = init.timedOut ?? false;
  }
}

/** A 2xx whose body is not JSON or does not match the schema. `issues` is empty when it was not JSON. */
export class InvalidResponseError extends ApiError {
  override name = 'InvalidResponseError';
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(
    init: Omit<ApiErrorInit, 'message'> & { issues?: readonly z.core.$ZodIssue[]; reason?: string },
  ) {
    const issues = init.issues ?? [];
    super({
      ...init,
      message: `Unexpected response from ${init.method} ${init.path}: ${init.reason ?? formatIssues(issues)}`,
    });
    this.issues = issues;
  }
}

/** "data.0.id: expected string" for the first issue, with a count of the rest. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid body';
  const where = first.path.length > 0 ? first.path.map(String).join('.') : '(body)';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

/**
 * How long a 429 asks us to wait: `retry-after-ms` (Stainless convention), else `Retry-After` as
 * seconds or an HTTP-date. Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

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

/** The console gives up on a call after this (the proxy answers within less: server/proxy-core.ts). */
const DEFAULT_TIMEOUT_MS = 30_000;

export interface SendOptions {
  /** The whole URL, query included. */
  url: string;
  method: TransportMethod;
  /** What errors report: relative to the platform's base, without the query. */
  path: string;
  /** Sent as JSON when defined. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Who could not be reached, for NetworkError's message ("Could not reach m3ter: …"). */
  service: string;
}

export interface RawResponse {
  response: Response;
  /** The whole body, read under the same timeout and abort as the request. */
  text: string;
}

/**
 * One fetch with JSON headers, a timeout and the caller's signal; resolves with the response and its
 * body text whatever the status.
 *
 * Throws: a caller abort as the platform's AbortError, unwrapped (React Query relies on it);
 * `NetworkError` when fetch fails or `timeoutMs` passes (also while the body is being read).
 */
/**
 * Where requests go: the browser's fetch, or in demo mode the embedded backend's (main.tsx sets it
 * before the app renders), which answers in the page instead of through a service worker.
 */
let platformFetch: typeof fetch = (input, init) => fetch(input, init);

export function setPlatformFetch(impl: typeof fetch): void {
  platformFetch = impl;
}

export async function send(options: SendOptions): Promise<RawResponse> {
  const { url, method, path, body, signal: callerSignal, service } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The request timed out', 'TimeoutError')),
    timeoutMs,
  );
  const combined = combineSignals(callerSignal, timeout.signal);

  // No credentials, ever: whoever serves the platform's base (demo backend or proxy) adds them.
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  try {
    const response = await platformFetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined.signal,
    });
    // Read inside the try: the timeout and the caller's abort also cover a slow body.
    const text = await response.text();
    return { response, text };
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    if (timeout.signal.aborted) {
      throw new NetworkError({
        message: `Request timed out after ${formatSeconds(timeoutMs)}`,
        path,
        method,
        service,
        cause: error,
        timedOut: true,
      });
    }
    throw new NetworkError({
      message: `Could not reach ${service}: ${error instanceof Error ? error.message : String(error)}`,
      path,
      method,
      service,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    combined.dispose();
  }
}

export interface ResponseContext {
  status: number;
  path: string;
  method: TransportMethod;
  service?: string | undefined;
}

/** A 2xx body as JSON: `undefined` when empty; `InvalidResponseError` when it is not JSON. */
export function readJsonBody(text: string, context: ResponseContext): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidResponseError({ ...context, reason: 'body is not JSON', cause: error });
  }
}

/** `schema.parse` at the boundary: a body that does not match is an `InvalidResponseError`. */
export function parseResponse<T>(
  schema: z.ZodMiniType<T>,
  json: unknown,
  context: ResponseContext,
): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidResponseError({
      ...context,
      issues: parsed.error.issues,
      cause: parsed.error,
    });
  }
  return parsed.data;
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
