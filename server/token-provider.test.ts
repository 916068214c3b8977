// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { createClock, loopbackFetch, TEST_KEY_ID, TEST_SECRET } from './test-support.ts';
import {
  createTokenProvider,
  TokenExchangeError,
  type TokenEvent,
  type TokenProvider,
} from './token-provider.ts';

const credentials = {
  kind: 'client-credentials' as const,
  accessKeyId: TEST_KEY_ID,
  apiSecret: TEST_SECRET,
};

describe('token provider against the fake m3ter', () => {
  let upstream: FakeUpstream;
  let clock: ReturnType<typeof createClock>;
  let events: TokenEvent[];
  let tokens: TokenProvider;

  beforeEach(async () => {
    clock = createClock();
    upstream = await startFakeUpstream({
      accessKeyId: TEST_KEY_ID,
      apiSecret: TEST_SECRET,
      tokenLifetimeSeconds: 3600,
      now: clock.now,
      handlers: [],
    });
    events = [];
    tokens = createTokenProvider({
      credentials,
      upstreamBaseUrl: upstream.url,
      fetchImpl: loopbackFetch,
      now: clock.now,
      onEvent: (event) => events.push(event),
    });
  });
  afterEach(() => upstream.close());

  it('shares one exchange between concurrent callers and caches the token', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => tokens.getToken()));
    expect(new Set(all)).toEqual(new Set([upstream.issuedTokens[0]]));
    expect(await tokens.getToken()).toBe(upstream.issuedTokens[0]);
    expect(upstream.tokenRequestCount()).toBe(1);
    expect(events).toEqual([{ type: 'issued', expiresInSeconds: 3600 }]);
  });

  it('renews at most 5 minutes before expiry for long-lived tokens', async () => {
    await tokens.getToken();
    clock.advance(3600_000 - 5 * 60_000 - 1);
    await tokens.getToken();
    expect(upstream.tokenRequestCount()).toBe(1);
    clock.advance(2);
    expect(await tokens.getToken()).toBe(upstream.issuedTokens[1]);
  });

  it('keeps a still-valid token when the early renewal fails, and tries again later', async () => {
    const first = await tokens.getToken();
    clock.advance(3600_000 - 60_000);
    await upstream.close();
    expect(await tokens.getToken()).toBe(first);
    expect(events.at(-1)).toEqual({ type: 'kept-previous', kind: 'unavailable' });
    // No new attempt on every call meanwhile.
    const eventCount = events.length;
    expect(await tokens.getToken()).toBe(first);
    expect(events).toHaveLength(eventCount);
  });

  it('does not throw a fresh token away on a 403, but does an older one', async () => {
    const first = await tokens.getToken();
    expect(tokens.shouldRetryAfterAuthFailure(first)).toBe(false);
    clock.advance(10_000);
    expect(tokens.shouldRetryAfterAuthFailure(first)).toBe(true);
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    // Another request that still carried the old token retries with the new one, no new exchange.
    expect(tokens.shouldRetryAfterAuthFailure(first)).toBe(true);
    expect(await tokens.getToken()).toBe(second);
    expect(upstream.tokenRequestCount()).toBe(2);
  });

  it('reports rejected credentials as "rejected" without the secret in the message', async () => {
    const wrong = createTokenProvider({
      credentials: { ...credentials, apiSecret: 'wrong-secret-123' },
      upstreamBaseUrl: upstream.url,
      fetchImpl: loopbackFetch,
      now: clock.now,
    });
    const error = await wrong.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExchangeError);
    expect(error).toMatchObject({ kind: 'rejected', upstreamStatus: 401 });
    expect(String((error as Error).message)).not.toMatch(/wrong-secret-123|test-access-key/);
  });
});

describe('token provider: odd answers from /oauth/token', () => {
  const providerAnswering = (response: () => Response) =>
    createTokenProvider({
      credentials,
      upstreamBaseUrl: 'https://api.m3ter.example',
      fetchImpl: () => Promise.resolve(response()),
    });

  it.each([
    [() => new Response('{}', { status: 429 }), 'rate-limited'],
    [() => new Response('oops', { status: 500 }), 'unavailable'],
    [() => new Response('<html>', { status: 200 }), 'invalid-response'],
    [() => Response.json({ token_type: 'Bearer' }), 'invalid-response'],
    [() => new Response(null, { status: 302, headers: { location: '/x' } }), 'invalid-response'],
  ])('%#: maps to %s', async (response, kind) => {
    await expect(providerAnswering(response).getToken()).rejects.toMatchObject({ kind });
  });

  it('times out', async () => {
    const slow = createTokenProvider({
      credentials,
      upstreamBaseUrl: 'https://api.m3ter.example',
      timeoutMs: 50,
      fetchImpl: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation timed out', 'TimeoutError')),
          );
        }),
    });
    await expect(slow.getToken()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('uses M3TER_API_TOKEN as is and never asks m3ter', async () => {
    const fixed = createTokenProvider({
      credentials: { kind: 'static-token', token: 'ready-token' },
      upstreamBaseUrl: 'https://api.m3ter.example',
      fetchImpl: () => Promise.reject(new Error('must not be called')),
    });
    expect(await fixed.getToken()).toBe('ready-token');
    expect(fixed.shouldRetryAfterAuthFailure('ready-token')).toBe(false);
  });
});
