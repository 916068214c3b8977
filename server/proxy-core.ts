/**
 * What the live-mode proxies of both platforms share: one `(request: Request) => Promise<Response>`
 * handler that checks a request against the policy (proxy-policy.ts), reads a bounded body, sends it
 * upstream with the platform's credentials, and passes a filtered answer back. proxy.ts (m3ter: a bearer
 * token from the token exchange) and solvimon-proxy.ts (an API key) supply only what differs: the
 * allow-list, how credentials are added, and the shape of their JSON errors.
 *
 * What it guarantees, for both (tests in proxy.test.ts and solvimon-proxy.test.ts):
 * - forwards only what the policy lets through; everything else is refused with a JSON error in the
 *   platform's shape and never reaches the platform;
 * - sends upstream only Accept, Content-Type, User-Agent and the platform's own credential headers:
 *   the browser's Authorization, API keys and cookies are dropped, and only a short allow-list of
 *   response headers comes back (no Set-Cookie), so no credential can reach the browser;
 * - bounded request body (413) and response (502), unreachable → 502, an unexpected redirect → 502,
 *   a 5xx error page that is not JSON → a JSON error (its Retry-After kept);
 * - a body labelled JSON is parsed before anything is sent: not JSON → 400, never forwarded;
 * - one time budget per browser request (`timeoutMs`, 25 s by default, below the console's own 30 s):
 *   m3ter's token exchange, the call and its renewal after a 401/403 all fit in it, or the answer is
 *   504 when it runs out;
 * - every upstream call is tied to the browser's connection: a request whose client has gone is never
 *   sent (a write the user gave up on is not made behind their back), and a call in flight is aborted
 *   when the client goes;
 * - retries nothing by itself (the platform's `exchange` may, as m3ter's does once after a token
 *   renewal); 429 and 5xx pass through, so the browser's back-off stays in charge of the load;
 * - logs exactly one line per request, whatever happens (a client gone mid-body too, as status 499,
 *   without a stack trace): method, path, status and time, never headers, bodies or query strings.
 */
import type { AllowedHosts } from '../config/app-config.ts';
import {
  bodyTooLarge,
  checkBodyType,
  checkJsonBody,
  checkRequest,
  DEFAULT_MAX_BODY_BYTES,
  type ProxyService,
  type Refusal,
  type RequestPolicy,
} from './proxy-policy.ts';

export type ProxyHandler = (request: Request) => Promise<Response>;

/** `code` of every JSON error the proxies produce themselves. */
export type ProxyErrorCode =
  | 'PROXY_REFUSED'
  | 'PROXY_BODY_TOO_LARGE'
  | 'PROXY_AUTH_FAILED'
  | 'PROXY_RATE_LIMITED'
  | 'PROXY_UPSTREAM_UNREACHABLE'
  | 'PROXY_UPSTREAM_TIMEOUT'
  | 'PROXY_UPSTREAM_INVALID';

export interface ProxyLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  durationMs: number;
  /** Set when the request reached the platform. */
  upstreamStatus?: number;
  /** Set when the proxy answered by itself. */
  code?: ProxyErrorCode;
  /** m3ter: the first attempt got 401/403 and was sent again with a renewed token. */
  retriedWithNewToken?: boolean;
  /** The browser closed the connection before the answer (status 499): nothing more was sent upstream. */
  clientGone?: boolean;
}

/** An answer the proxy gives by itself. */
export interface ProxyAnswer {
  status: number;
  code: ProxyErrorCode;
  message: string;
  headers?: HeadersInit;
}

/** Sends the checked request upstream with these credential headers added. */
type SendUpstream = (credentials: Readonly<Record<string, string>>) => Promise<Response>;

/** What a platform's `exchange` ends with: the platform's answer to pass on, or one of its own. */
type Exchange =
  { upstream: Response } | { answer: ProxyAnswer; upstreamStatus?: number | undefined };

/** What makes a proxy m3ter's or Solvimon's. */
export interface Platform {
  service: ProxyService;
  /**
   * The JSON body of an error the proxy produces, in the shape the browser's API module for this
   * platform reads. `code` is undefined when the proxy replaces the platform's own error page.
   */
  errorBody(status: number, code: ProxyErrorCode | undefined, message: string): unknown;
  /**
   * Adds the credentials and sends, through `send`: once, or again after a refusal that the platform
   * is known to give before doing anything (m3ter's expired token). May note what it did in `entry`.
   * `signal` aborts when the request's time budget runs out or its client goes: whatever the
   * platform waits for besides `send` (m3ter's token) must give up then (`untilAborted`).
   */
  exchange(
    send: SendUpstream,
    entry: Partial<ProxyLogEntry>,
    signal: AbortSignal,
  ): Promise<Exchange>;
  /** The answer for a failure of the platform's own (m3ter's token exchange); undefined for others. */
  answerFailure?(error: unknown): ProxyAnswer | undefined;
}

/** The limits and dependencies every proxy takes. */
export interface ProxyLimits {
  fetchImpl?: typeof fetch;
  /** Request bodies above this are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Answers above this are replaced by a 502. Default 20 MiB. */
  maxResponseBytes?: number;
  /**
   * The whole budget of one browser request: credentials (m3ter's token exchange), the call, its
   * body, and a retry with a renewed token. Default `DEFAULT_BUDGET_MS`.
   */
  timeoutMs?: number;
  allowedHosts?: AllowedHosts;
  /** One call per request; none by default (the `…ForConfig` functions log with `consoleProxyLog`). */
  log?: (entry: ProxyLogEntry) => void;
}

export interface PlatformProxyOptions extends ProxyLimits {
  platform: Platform;
  apiBase: string;
  route: RequestPolicy['route'];
  upstreamBaseUrl: string;
}

const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type'] as const;
/** Response headers worth passing on: the body's type and anything about rate limits. */
const FORWARDED_RESPONSE_HEADERS = new Set(['content-type', 'retry-after', 'retry-after-ms']);
const FORWARDED_RESPONSE_HEADER_PREFIXES = ['x-ratelimit-', 'ratelimit'];
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const USER_AGENT = 'm3ter-integrations-console-proxy';

/** Below the console's own 30 s (src/api/transport.ts), so the browser shows the proxy's 504. */
export const DEFAULT_BUDGET_MS = 25_000;
/** nginx's "client closed request": only ever in the log, nobody is left to read it. */
const CLIENT_GONE_STATUS = 499;

export function createPlatformProxy(options: PlatformProxyOptions): ProxyHandler {
  const { platform } = options;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? 20 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUDGET_MS;
  const log = options.log ?? (() => {});
  const policy: RequestPolicy = {
    service: platform.service,
    apiBase: options.apiBase,
    allowedHosts: options.allowedHosts ?? [],
    route: options.route,
  };
  const errorResponse = ({ status, code, message, headers }: ProxyAnswer): Response =>
    jsonResponse(status, platform.errorBody(status, code, message), headers);

  return async function proxy(request: Request): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const entry: Partial<ProxyLogEntry> = {};
    const finish = (response: Response, extra: Partial<ProxyLogEntry> = {}): Response => {
      log({
        method,
        path: url.pathname,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        ...entry,
        ...extra,
      });
      return response;
    };
    const answer = (a: ProxyAnswer) => finish(errorResponse(a), { code: a.code });
    const refuse = ({ status, code, message, headers }: Refusal) =>
      answer({ status, code, message, ...(headers ? { headers } : {}) });

    // The client's connection (aborted by the Node adapter when it closes) and the one time budget.
    const client = request.signal;
    const budget = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([client, budget]);
    const clientGone = () =>
      finish(
        errorResponse({
          status: CLIENT_GONE_STATUS,
          code: 'PROXY_REFUSED',
          message: 'The browser closed the connection.',
        }),
        { clientGone: true },
      );

    try {
      const route = checkRequest(request, url, method, policy);
      if (route.kind === 'refused') return refuse(route);

      let body: Uint8Array<ArrayBuffer> | undefined;
      if (METHODS_WITH_BODY.has(method)) {
        let read: Awaited<ReturnType<typeof readBody>>;
        try {
          read = await readBody(request, maxBodyBytes);
        } catch {
          // The body stream fails only when the client went away mid-upload.
          return clientGone();
        }
        if (read === 'too-large') return refuse(bodyTooLarge(maxBodyBytes));
        if (read.byteLength > 0) {
          const problem = checkBodyType(request) ?? checkJsonBody(read);
          if (problem) return refuse(problem);
          body = read;
        }
      }
      if (client.aborted) return clientGone();

      const upstreamUrl = `${options.upstreamBaseUrl}${route.upstreamPath}${url.search}`;
      const send: SendUpstream = (credentials) => {
        // Never start a call for a client that has gone or a budget that has run out.
        if (signal.aborted) return Promise.reject(signal.reason as Error);
        const headers = new Headers({ 'user-agent': USER_AGENT });
        for (const name of FORWARDED_REQUEST_HEADERS) {
          const value = request.headers.get(name);
          if (value !== null) headers.set(name, value);
        }
        if (!headers.has('accept')) headers.set('accept', 'application/json');
        if (!body) headers.delete('content-type');
        for (const [name, value] of Object.entries(credentials)) headers.set(name, value);
        return fetchImpl(upstreamUrl, {
          method,
          headers,
          ...(body ? { body } : {}),
          redirect: 'manual',
          signal,
        });
      };

      const { service } = platform;
      const result = await platform.exchange(send, entry, signal);
      if ('answer' in result) {
        return finish(errorResponse(result.answer), {
          code: result.answer.code,
          ...(result.upstreamStatus === undefined ? {} : { upstreamStatus: result.upstreamStatus }),
        });
      }
      const { upstream } = result;
      entry.upstreamStatus = upstream.status;
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel();
        return answer({
          status: 502,
          code: 'PROXY_UPSTREAM_INVALID',
          message: `${service} answered with an unexpected redirect (HTTP ${upstream.status}).`,
        });
      }
      const payload = await readLimited(upstream.body, maxResponseBytes);
      if (payload === 'too-large') {
        return answer({
          status: 502,
          code: 'PROXY_UPSTREAM_INVALID',
          message: `${service} sent a response too large to pass on.`,
        });
      }
      return finish(toBrowserResponse(upstream, payload, platform));
    } catch (error) {
      if (client.aborted) return clientGone();
      const { service } = platform;
      if (budget.aborted) {
        return answer({
          status: 504,
          code: 'PROXY_UPSTREAM_TIMEOUT',
          message: `${service} did not answer within ${describeDuration(timeoutMs)}.`,
        });
      }
      const own = platform.answerFailure?.(error);
      if (own) return answer(own);
      if (isTimeout(error)) {
        return answer({
          status: 504,
          code: 'PROXY_UPSTREAM_TIMEOUT',
          message: `${service} did not answer within ${describeDuration(timeoutMs)}.`,
        });
      }
      return answer({
        status: 502,
        code: 'PROXY_UPSTREAM_UNREACHABLE',
        message: `${service} could not be reached from the console server (${describeNetworkError(error)}).`,
      });
    }
  };
}

/**
 * `promise`, or a rejection with `signal`'s reason as soon as it aborts: for what a request waits for
 * that it does not own (a token exchange shared with other requests goes on for them).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A JSON answer the browser must not cache. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = Response.json(body, { status, headers });
  response.headers.set('cache-control', 'no-store');
  return response;
}

function describeDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** A short cause such as `ECONNREFUSED`, for messages and logs: never a URL with credentials. */
export function describeNetworkError(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null) {
    const code: unknown = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? error.name : 'network error';
}

async function readBody(
  request: Request,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > max) return 'too-large';
  return readLimited(request.body, max);
}

async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBrowserResponse(
  upstream: Response,
  payload: Uint8Array<ArrayBuffer>,
  platform: Platform,
): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  upstream.headers.forEach((value, name) => {
    if (
      FORWARDED_RESPONSE_HEADERS.has(name) ||
      FORWARDED_RESPONSE_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))
    ) {
      headers.set(name, value);
    }
  });
  const status = upstream.status;
  const isJson = /json/i.test(headers.get('content-type') ?? '');
  if (status >= 500 && !isJson) {
    // A gateway's HTML error page: the browser's API module expects the platform's JSON error. Its
    // Retry-After and rate-limit headers still say when to try again.
    const statusText = upstream.statusText ? ` ${upstream.statusText}` : '';
    headers.delete('content-type');
    return jsonResponse(
      status,
      platform.errorBody(
        status,
        undefined,
        `${platform.service} answered HTTP ${status}${statusText}.`,
      ),
      headers,
    );
  }
  const noBody = status === 204 || status === 205 || status === 304;
  return new Response(noBody ? null : payload, { status, headers });
}

/** The servers' request log: one line per request, no headers, bodies or query strings. */
export const consoleProxyLog =
  (prefix: string) =>
  (entry: ProxyLogEntry): void => {
    const parts = [`${prefix} ${entry.method} ${entry.path} → ${entry.status}`];
    if (entry.code) parts.push(entry.code);
    if (entry.retriedWithNewToken) parts.push('(retried with a renewed token)');
    if (entry.clientGone) parts.push('(the browser closed the connection)');
    parts.push(`${entry.durationMs} ms`);
    console.log(parts.join(' '));
  };
