/**
 * What MSW's cookie store (msw/lib/core/utils/cookieStore) uses of tough-cookie, as a jar that keeps
 * nothing. The demo backend's worker is built with it instead of tough-cookie (vite.config.ts,
 * `worker.plugins`): no fake m3ter or Solvimon handler reads or sets a cookie, and tough-cookie brings
 * the public suffix list (tldts) along: two thirds of the worker's code, all compiled before the
 * backend can answer. Vitest and the Node fake upstream keep the real one.
 */
export class MemoryCookieStore {
  /** MSW assigns its index of persisted cookies here (always empty in the worker). */
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  getCookiesSync(): never[] {
    return [];
  }

  setCookie(): Promise<void> {
    return Promise.resolve();
  }
}

export const Cookie = {
  fromJSON: (): null => null,
};
