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
/** The fake Solvimon's integrations (solvimon/store.ts), versioned the same way. */
export const SOLVIMON_STORE_STORAGE_KEY = 'solvimon-demo:store:v1';

/** Everything the demo backend keeps between page loads, one localStorage slot each. */
export const DEMO_STORAGE_KEYS: readonly string[] = [
  STORE_STORAGE_KEY,
  SOLVIMON_STORE_STORAGE_KEY,
  FAULTS_STORAGE_KEY,
];

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

export interface PersistedStateOptions<S> {
  /** Without it the state lives in memory only. */
  persistence: Persistence | undefined;
  /** The JSON written for the state. */
  toSnapshot: (state: S) => unknown;
  /** The state a parsed snapshot holds; undefined when it is not one this build can read. */
  fromSnapshot: (parsed: unknown) => S | undefined;
  /** The state of a fresh start (and of a reset). */
  seed: () => S;
  /** On the first read of a stored snapshot: a replacement to write back, or undefined to keep it. */
  onFirstLoad?: (loaded: S) => S | undefined;
}

export interface PersistedState<S> {
  /** The state as of the last sync: mutate it, then `persist()`. */
  readonly current: S;
  /** Picks up another tab's write; a missing or unreadable snapshot means "reset". */
  sync: () => void;
  /** Writes the state back; call after every change. */
  persist: () => void;
  /** Back to the seed, in every tab. */
  reset: () => void;
}

/**
 * A fake backend's mutable state kept as one JSON snapshot in `persistence`, so a reload keeps it and
 * every tab of the origin shares it (the same rule for the fake m3ter and the fake Solvimon).
 */
export function createPersistedState<S>({
  persistence,
  toSnapshot,
  fromSnapshot,
  seed,
  onFirstLoad,
}: PersistedStateOptions<S>): PersistedState<S> {
  let lastRaw: string | null = null;

  const load = (raw: string | null): S | undefined => {
    if (raw === null) return undefined;
    try {
      return fromSnapshot(JSON.parse(raw));
    } catch {
      return undefined;
    }
  };

  let state: S;
  const persist = (): void => {
    if (!persistence) return;
    lastRaw = JSON.stringify(toSnapshot(state));
    persistence.write(lastRaw);
  };
  const reseed = (): void => {
    state = seed();
    persist();
  };

  const raw = persistence?.read() ?? null;
  const loaded = load(raw);
  if (loaded) {
    state = loaded;
    lastRaw = raw;
    const replacement = onFirstLoad?.(loaded);
    if (replacement) {
      state = replacement;
      persist();
    }
  } else {
    reseed();
  }

  return {
    get current() {
      return state;
    },
    sync: () => {
      if (!persistence) return;
      const next = persistence.read();
      if (next === lastRaw) return;
      const found = load(next);
      if (found) {
        state = found;
        lastRaw = next;
      } else {
        reseed();
      }
    },
    persist,
    reset: () => {
      persistence?.clear();
      reseed();
    },
  };
}
