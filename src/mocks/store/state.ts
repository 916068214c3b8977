/**
 * The fake m3ter's data container: the current configs, mappings and seed, how they are persisted
 * and shared between tabs, and the helpers every write uses (new ids, audit fields, versions).
 */
import type { ExternalMapping, IntegrationConfig } from '../../api/schemas';
import { createPersistedState, type Persistence } from '../persistence';
import { createRng, fnv1a } from '../prng';
import { createSeed, DEMO_USER_ID, SEED_ANCHOR, type DemoSeed } from '../seed';
import type { StoredWebhookDestination } from '../seed-webhook-destinations';
import { StoreError } from '../store-error';

/** Who performs a write (audit fields). Defaults to the demo user. */
export interface WriteContext {
  actor?: string;
}

export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  anchor: string;
  /** Counter for ids of created entities: deterministic, and shared by tabs through the snapshot. */
  seq: number;
  configs: IntegrationConfig[];
  mappings: ExternalMapping[];
  /** Credentials as fingerprints only: no api key or secret is ever written (docs/m3ter-api.md Decision 8). */
  webhookDestinations?: StoredWebhookDestination[];
}

export interface StoreOptions {
  /** Seed anchor; a function is called on first seed and on every reset (browser: "now"). */
  anchor?: string | (() => string);
  /** Omit for a purely in-memory store (Vitest). */
  persistence?: Persistence;
  /** Clock for audit timestamps. */
  clock?: () => Date;
  /** Default author of writes. */
  actor?: string;
  /**
   * When a persisted snapshot's anchor is older than this at start-up, the run history is re-anchored
   * (same runs, shifted dates) while configs and mappings are kept. The browser uses a day, so runs
   * keep looking recent on a later visit; tests leave it off.
   */
  refreshAnchorAfterMs?: number;
}

const SNAPSHOT_FORMAT = 1;

interface StoreData {
  seed: DemoSeed;
  seq: number;
  configs: Map<string, IntegrationConfig>;
  mappings: Map<string, ExternalMapping>;
  webhookDestinations: Map<string, StoredWebhookDestination>;
}

/** What the resource modules (configs.ts, mappings.ts, runs.ts) share. */
export interface StoreState {
  /** Replaced on reset and when another tab wrote: read it afresh after every `sync()`. */
  readonly data: StoreData;
  readonly clock: () => Date;
  /** Author of writes without a WriteContext. */
  readonly defaultActor: string;
  /** Picks up writes from other tabs; call first in every operation. */
  sync: () => void;
  /** Writes the mutable part back; call after every change. */
  persist: () => void;
  /** The persisted part (not a copy). */
  snapshot: () => StoreSnapshot;
  /** Back to the seed, in every tab. */
  reset: () => void;
  /** Id for a created entity or stored credential: deterministic per anchor and counter. */
  newId: () => string;
  /** Sets the audit fields of a write. */
  stamp: <T extends { dtLastModified?: string; lastModifiedBy?: string }>(
    entity: T,
    ctx?: WriteContext,
  ) => T;
  anchorMs: () => number;
}

function isSnapshot(value: unknown): value is StoreSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoreSnapshot>;
  return (
    v.format === SNAPSHOT_FORMAT &&
    typeof v.anchor === 'string' &&
    !Number.isNaN(Date.parse(v.anchor)) &&
    typeof v.seq === 'number' &&
    Array.isArray(v.configs) &&
    Array.isArray(v.mappings) &&
    (v.webhookDestinations === undefined || Array.isArray(v.webhookDestinations))
  );
}

/**
 * Without `persistence` the data lives in memory; with it, the mutable part is re-read before every
 * call whenever another store (another tab) has written it, and written back after every change.
 */
export function createStoreState(options: StoreOptions): StoreState {
  const { persistence } = options;
  const clock = options.clock ?? (() => new Date());
  const defaultActor = options.actor ?? DEMO_USER_ID;
  const nextAnchor = (): string =>
    typeof options.anchor === 'function' ? options.anchor() : (options.anchor ?? SEED_ANCHOR);

  const fromSeed = (seed: DemoSeed, seq = 0): StoreData => ({
    seed,
    seq,
    configs: new Map(seed.configs.map((c) => [c.id, c])),
    mappings: new Map(seed.mappings.map((m) => [m.id, m])),
    webhookDestinations: new Map(seed.webhookDestinations.map((d) => [d.id, d])),
  });

  const toSnapshot = (state: StoreData): StoreSnapshot => ({
    format: SNAPSHOT_FORMAT,
    anchor: state.seed.anchor,
    seq: state.seq,
    configs: [...state.configs.values()],
    mappings: [...state.mappings.values()],
    webhookDestinations: [...state.webhookDestinations.values()],
  });

  const fromParsed = (parsed: StoreSnapshot): StoreData => {
    const seed = createSeed(parsed.anchor);
    return {
      seed,
      seq: parsed.seq,
      configs: new Map(parsed.configs.map((c) => [c.id, c])),
      mappings: new Map(parsed.mappings.map((m) => [m.id, m])),
      // A snapshot from before webhook destinations existed gets the seeded ones.
      webhookDestinations: new Map(
        (parsed.webhookDestinations ?? seed.webhookDestinations).map((d) => [d.id, d]),
      ),
    };
  };

  const stored = createPersistedState<StoreData>({
    persistence,
    toSnapshot,
    fromSnapshot: (parsed) => (isSnapshot(parsed) ? fromParsed(parsed) : undefined),
    seed: () => fromSeed(createSeed(nextAnchor())),
    // An old demo's dates move forward, so its runs stay recent.
    onFirstLoad: (loaded) => {
      const age = clock().getTime() - Date.parse(loaded.seed.anchor);
      return options.refreshAnchorAfterMs !== undefined && age > options.refreshAnchorAfterMs
        ? { ...loaded, seed: createSeed(nextAnchor()) }
        : undefined;
    },
  });

  const newId = (): string => {
    const state = stored.current;
    state.seq += 1;
    return createRng(fnv1a(`${state.seed.anchor}#${state.seq}`)).uuid();
  };

  const stamp = <T extends { dtLastModified?: string; lastModifiedBy?: string }>(
    entity: T,
    ctx?: WriteContext,
  ): T => {
    entity.dtLastModified = clock().toISOString();
    entity.lastModifiedBy = ctx?.actor ?? defaultActor;
    return entity;
  };

  return {
    get data() {
      return stored.current;
    },
    clock,
    defaultActor,
    sync: stored.sync,
    persist: stored.persist,
    snapshot: () => toSnapshot(stored.current),
    reset: stored.reset,
    newId,
    stamp,
    anchorMs: () => Date.parse(stored.current.seed.anchor),
  };
}

/** A PUT needs the current `version`: 400 when missing, 409 on a mismatch, naming the version. */
export function requireVersion(
  body: { version?: number | undefined },
  current: number,
  entity: string,
): void {
  if (body.version === undefined) {
    throw new StoreError(400, `version: is required when updating ${entity}`);
  }
  if (body.version !== current) {
    throw new StoreError(
      409,
      `Version mismatch: expected version ${current} but received ${body.version}; ${entity} was changed by someone else`,
    );
  }
}
