/**
 * Workers have no localStorage, and MSW's cookie store refuses to load without one outside Node
 * (msw 2.x, core/utils/cookieStore). The demo backend keeps its own state through the page (see
 * demo-channel.ts) and sends no cookies, so MSW gets a storage that lives and dies with the worker.
 * Imported before anything that imports msw.
 */
if (typeof globalThis.localStorage === 'undefined') {
  const items = new Map<string, string>();
  const memoryStorage: Storage = {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage });
}
