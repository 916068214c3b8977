/**
 * What the contract tests see: every request a test's calls made to a fake backend and the answer it
 * sent, captured from MSW's events, so each can be checked against the platform's OpenAPI.
 */
import type { SetupServer } from 'msw/node';
import { afterAll, beforeAll, expect } from 'vitest';
import { ApiError } from '../api/transport';

export interface Exchange {
  method: string;
  url: URL;
  headers: Headers;
  requestBody: string;
  status: number;
  responseBody: string;
}

/** Registers the capture for this test file; `problemsOf` says what is wrong with one exchange. */
export function captureExchanges(
  server: SetupServer,
  problemsOf: (exchange: Exchange) => string[],
) {
  let pending: Array<Promise<Exchange>> = [];
  const requestBodies = new Map<string, Promise<string>>();

  beforeAll(() => {
    server.events.on('request:start', ({ request, requestId }) => {
      requestBodies.set(requestId, request.clone().text());
    });
    server.events.on('response:mocked', ({ request, requestId, response }) => {
      pending.push(
        (async () => ({
          method: request.method,
          url: new URL(request.url),
          headers: request.headers,
          requestBody: (await requestBodies.get(requestId)) ?? '',
          status: response.status,
          responseBody: await response.clone().text(),
        }))(),
      );
    });
  });
  afterAll(() => {
    server.events.removeAllListeners();
  });

  return {
    /** Runs `calls`, then validates every exchange they caused, and returns them. */
    async expectConforming(calls: () => Promise<unknown>): Promise<Exchange[]> {
      pending = [];
      await calls();
      const exchanges = await Promise.all(pending);
      expect(exchanges.length).toBeGreaterThan(0);
      expect(exchanges.flatMap(problemsOf)).toEqual([]);
      return exchanges;
    },
  };
}

/** Runs a call that must fail with an ApiError of `status`. */
export async function expectFailure(status: number, call: () => Promise<unknown>): Promise<void> {
  const outcome = await call().then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  expect((outcome as ApiError).status).toBe(status);
}
