/**
 * Where the fake m3ter keeps its mutable state between page loads. The store only needs a string
 * slot; Node tests use memory, the browser uses localStorage (shared by every tab of the origin,
 * which is what makes "two tabs, one backend" work).
 */
export interface Persistence {
  read(): string | null;
  write(value: string): void;
  clear(): void;
}

/** Versioned so that a snapshot written by an older demo build is ignored, not misread. */
export const STORE_STORAGE_KEY = 'm3ter-demo:store:v1';
export const FAULTS_STORAGE_KEY = 'm3ter-demo:faults';

export function createMemoryPersistence(initial: string | null = null): Persistence {
  let value = initial;
  return {
    read: () => value,
    write: (next) => {
      value = next;
    },
    clear: () => {
      value = null;
    },
  };
}

export function createLocalStoragePersistence(
  key: string = STORE_STORAGE_KEY,
  storage: Storage = window.localStorage,
): Persistence {
  return {
    read: () => {
      try {
        return storage.getItem(key);
      } catch {
        // Storage can be unavailable (privacy mode, quota); the demo then behaves as in-memory.
        return null;
      }
    },
    write: (value) => {
      try {
        storage.setItem(key, value);
      } catch {
        // Quota exceeded or storage disabled: keep working in memory for this tab.
      }
    },
    clear: () => {
      try {
        storage.removeItem(key);
      } catch {
        // See read().
      }
    },
  };
}
