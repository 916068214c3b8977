/**
 * Bearer tokens for the live-mode proxy. m3ter issues them from `POST /oauth/token` (Basic auth with
 * the Service User's Access Key id and Api Secret, `grant_type=client_credentials`), valid for
 * `expires_in` seconds (5 hours today) and without a refresh token. Contract:
 * - one exchange at a time: concurrent callers share the pending one (never N exchanges for N requests);
 * - the token is renewed shortly before it expires (10 % of its lifetime, at most 5 minutes early), and a
 *   failed early renewal falls back to the still-valid token rather than failing requests;
 * - after m3ter answers 401/403 to a token the proxy may retry once with a new one, but a token younger
 *   than `minRefreshIntervalMs` is not thrown away: a 403 on a fresh token is a real permission refusal,
 *   and renewing on every such 403 would triple the load on m3ter;
 * - back-off: after a 429 from the token endpoint no new token call is made before its `Retry-After`
 *   (5 s when it sends none), and a refusal of the credentials (400/401/403) is remembered for
 *   `REFUSAL_MEMORY_MS`: requests meanwhile fail at once with the same error, carrying how long is
 *   left (`retryAfterMs`), instead of asking m3ter again on every request;
 * - neither the secret nor a token ever appears in an error message or a log event.
 */
import { z } from 'zod/mini';
import type { Credentials } from '../config/app-config.ts';
import { describeNetworkError, isTimeout } from './proxy-core.ts';

export type TokenFailureKind =
  /** m3ter refused the key id / secret (400, 401 or 403 from /oauth/token). */
  | 'rejected'
  /** /oauth/token answered 429. */
  | 'rate-limited'
  /** Network error, 5xx or another unexpected status. */
  | 'unavailable'
  | 'timeout'
  /** 2xx without a usable `access_token`, or a redirect. */
  | 'invalid-response';

export class TokenExchangeError extends Error {
  constructor(
    readonly kind: TokenFailureKind,
    message: string,
    readonly upstreamStatus?: number,
    /** How long until the provider asks m3ter again (after a 429 or a refusal). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TokenExchangeError';
  }
}

export type TokenEvent =
  | { type: 'issued'; expiresInSeconds: number }
  | { type: 'failed'; kind: TokenFailureKind; upstreamStatus?: number }
  | { type: 'kept-previous'; kind: TokenFailureKind }
  | { type: 'invalidated' };

export interface TokenProvider {
  readonly kind: Credentials['kind'];
  /** A token valid for a while yet. Throws TokenExchangeError. */
  getToken(): Promise<string>;
  /**
   * m3ter answered 401/403 to a request made with `token`: true when one retry with `getToken()` is
   * worth it (the token was replaced meanwhile, or was old enough to have expired or been revoked).
   */
  shouldRetryAfterAuthFailure(token: string): boolean;
}

export interface TokenProviderOptions {
  credentials: Credentials;
  /** e.g. `https://api.m3ter.com`, without a trailing slash. */
  upstreamBaseUrl: string;
  fetchImpl?: typeof fetch;
  /** Milliseconds since the epoch; injectable so tests can expire tokens without waiting. */
  now?: () => number;
  timeoutMs?: number;
  minRefreshIntervalMs?: number;
  onEvent?: (event: TokenEvent) => void;
}

const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  // Required by m3ter's spec; a missing value is treated as a short lifetime rather than as an error.
  expires_in: z.optional(z.coerce.number().check(z.positive())),
});

const DEFAULT_LIFETIME_SECONDS = 300;
const MAX_EARLY_REFRESH_MS = 5 * 60_000;
/** Below this a token is not used at all, even as a fallback: clocks and networks are not exact. */
const EXPIRY_SKEW_MS = 5_000;
const RETRY_RENEWAL_MS = 30_000;
/** How long a refusal of the credentials is remembered; they change only with a restart anyway. */
export const REFUSAL_MEMORY_MS = 30_000;
/** The wait after a 429 from the token endpoint that sends no Retry-After. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when unreadable. */
function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface CachedToken {
  token: string;
  obtainedAt: number;
  refreshAt: number;
  expiresAt: number;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { credentials } = options;
  if (credentials.kind === 'static-token') {
    // M3TER_API_TOKEN: nothing to renew; a 401 on it is reported to the user as is.
    return {
      kind: 'static-token',
      getToken: () => Promise.resolve(credentials.token),
      shouldRetryAfterAuthFailure: () => false,
    };
  }

  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  // Within the proxy's budget per request (proxy-core.ts), which waits for the token no longer.
  const timeoutMs = options.timeoutMs ?? 25_000;
  const minRefreshIntervalMs = options.minRefreshIntervalMs ?? 10_000;
  const emit = options.onEvent ?? (() => {});
  const tokenUrl = `${options.upstreamBaseUrl}/oauth/token`;
  const basic = Buffer.from(`${credentials.accessKeyId}:${credentials.apiSecret}`).toString(
    'base64',
  );

  let cached: CachedToken | undefined;
  let pending: Promise<string> | undefined;
  /** Set after a 429 or a refusal: no token call before `until`. */
  let backOff: { until: number; error: TokenExchangeError } | undefined;

  async function exchange(): Promise<string> {
    // Lifetime counts from before the request: the token may have been issued at any time during it.
    const requestedAt = now();
    let response: Response;
    try {
      response = await fetchImpl(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new TokenExchangeError(
          'timeout',
          `m3ter's token endpoint did not answer within ${Math.round(timeoutMs / 1000)} s`,
        );
      }
      throw new TokenExchangeError(
        'unavailable',
        `m3ter's token endpoint could not be reached (${describeNetworkError(error)})`,
      );
    }
    const status = response.status;
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      throw new TokenExchangeError(
        'invalid-response',
        `m3ter's token endpoint answered with an unexpected redirect (HTTP ${status})`,
        status,
      );
    }
    if (!response.ok) {
      // The body may echo parts of the request; it is never read into a message.
      await response.body?.cancel();
      if (status === 400 || status === 401 || status === 403) {
        throw remember(
          new TokenExchangeError(
            'rejected',
            `m3ter rejected the Service User credentials (HTTP ${status})`,
            status,
          ),
          REFUSAL_MEMORY_MS,
        );
      }
      if (status === 429) {
        throw remember(
          new TokenExchangeError('rate-limited', "m3ter's token endpoint is rate limiting", status),
          retryAfterMs(response.headers, now()) ?? DEFAULT_RATE_LIMIT_WAIT_MS,
        );
      }
      throw new TokenExchangeError(
        'unavailable',
        `m3ter's token endpoint answered HTTP ${status}`,
        status,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new TokenExchangeError('invalid-response', "m3ter's token endpoint did not send JSON");
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new TokenExchangeError(
        'invalid-response',
        "m3ter's token endpoint answered without an access_token",
      );
    }
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    const expiresAt = requestedAt + lifetimeMs;
    cached = {
      token: parsed.data.access_token,
      obtainedAt: requestedAt,
      expiresAt,
      refreshAt: expiresAt - Math.min(MAX_EARLY_REFRESH_MS, lifetimeMs / 10),
    };
    emit({ type: 'issued', expiresInSeconds: Math.round(lifetimeMs / 1000) });
    return cached.token;
  }

  /** Starts a back-off of `waitMs`; the error to throw, saying how long it lasts. */
  function remember(error: TokenExchangeError, waitMs: number): TokenExchangeError {
    backOff = { until: now() + waitMs, error };
    return withWait(error, waitMs);
  }

  function withWait(error: TokenExchangeError, waitMs: number): TokenExchangeError {
    return new TokenExchangeError(error.kind, error.message, error.upstreamStatus, waitMs);
  }

  async function renew(): Promise<string> {
    try {
      return await exchange();
    } catch (error) {
      const kind = error instanceof TokenExchangeError ? error.kind : 'unavailable';
      const previous = cached;
      if (previous && now() < previous.expiresAt - EXPIRY_SKEW_MS) {
        // Try again in a while, not on every request meanwhile.
        previous.refreshAt = Math.min(
          previous.expiresAt - EXPIRY_SKEW_MS,
          Math.max(now() + RETRY_RENEWAL_MS, backOff?.until ?? 0),
        );
        emit({ type: 'kept-previous', kind });
        return previous.token;
      }
      emit({
        type: 'failed',
        kind,
        ...(error instanceof TokenExchangeError && error.upstreamStatus !== undefined
          ? { upstreamStatus: error.upstreamStatus }
          : {}),
      });
      throw error;
    }
  }

  return {
    kind: 'client-credentials',
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      if (backOff && now() < backOff.until) {
        if (cached && now() < cached.expiresAt - EXPIRY_SKEW_MS)
          return Promise.resolve(cached.token);
        return Promise.reject(withWait(backOff.error, backOff.until - now()));
      }
      pending ??= renew().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    shouldRetryAfterAuthFailure(token) {
      if (pending) return true;
      if (!cached || cached.token !== token) return true;
      if (now() - cached.obtainedAt < minRefreshIntervalMs) return false;
      cached = undefined;
      emit({ type: 'invalidated' });
      return true;
    },
  };
}
