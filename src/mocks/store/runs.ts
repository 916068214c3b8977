/**
 * Integration runs of the fake m3ter: read-only (the console cannot create them), generated from the
 * seed anchor, indexed once per generated history, filtered and paged per entity or destination.
 */
import { RUN_STATUSES, type IntegrationRun } from '../../api/schemas';
import { paginate, parsePageSize, type PageQuery, type PageResult } from '../paging';
import { buildRunLogText, toBase64 } from '../run-log';
import { StoreError } from '../store-error';
import { given, same, splitIds } from './query';
import type { StoreState } from './state';
import { parseDate } from './validation';

interface RunQuery extends PageQuery {
  status?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  order?: string | null;
}

interface DestinationRunQuery extends RunQuery {
  /** Destination system name, e.g. `Stripe` (matched case-insensitively). */
  destination?: string | null;
}

interface RunLog {
  Payload: string;
}

export interface RunStore {
  listRunsForEntity(
    entityType: string,
    entityId: string,
    query?: RunQuery,
  ): PageResult<IntegrationRun>;
  listRunsForDestination(
    destinationId: string,
    query?: DestinationRunQuery,
  ): PageResult<IntegrationRun>;
  getRun(id: string): IntegrationRun;
  latestRun(entityType: string, entityId: string): IntegrationRun;
  latestRuns(
    entityType: string,
    ids: readonly string[] | string | null | undefined,
  ): IntegrationRun[];
  runLog(id: string): RunLog;
}

const ORDERS = ['ASC', 'DESC'] as const;
const KNOWN_STATUSES: ReadonlySet<string> = new Set(RUN_STATUSES);

function parseRunFilters(query: RunQuery) {
  const status = given(query.status) ? query.status : undefined;
  if (status !== undefined && !KNOWN_STATUSES.has(status)) {
    throw new StoreError(400, `status: must be one of ${RUN_STATUSES.join(', ')}`);
  }
  const order = given(query.order) ? query.order : 'DESC';
  if (!(ORDERS as readonly string[]).includes(order)) {
    throw new StoreError(400, 'order: must be ASC or DESC');
  }
  return {
    status,
    start: parseDate(query.startDate, 'startDate'),
    end: parseDate(query.endDate, 'endDate'),
    order,
  };
}

// ---------------------------------------------------------------------------------------------
// Run index (built once per generated history and shared by every store using it)

interface IndexedRun {
  run: IntegrationRun;
  /** Sort key: dtStarted, or dtCreated for a run that has not started. */
  t: number;
}

interface RunIndex {
  byId: Map<string, IntegrationRun>;
  byEntity: Map<string, IndexedRun[]>;
  byDestination: Map<string, IndexedRun[]>;
}

const runIndexes = new WeakMap<readonly IntegrationRun[], RunIndex>();

const entityKey = (entityType: string, entityId: string): string =>
  `${entityType.toLowerCase()}/${entityId}`;

export function indexRuns(runs: readonly IntegrationRun[]): RunIndex {
  const cached = runIndexes.get(runs);
  if (cached) return cached;
  const byId = new Map<string, IntegrationRun>();
  const byEntity = new Map<string, IndexedRun[]>();
  const byDestination = new Map<string, IndexedRun[]>();
  const push = (map: Map<string, IndexedRun[]>, key: string, item: IndexedRun) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const run of runs) {
    byId.set(run.id, run);
    const item = { run, t: Date.parse(run.dtStarted ?? run.dtCreated ?? '') };
    push(byEntity, entityKey(run.entityType, run.entityId), item);
    if (run.destinationId) push(byDestination, run.destinationId, item);
  }
  const ascending = (a: IndexedRun, b: IndexedRun) =>
    a.t - b.t || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0);
  for (const list of byEntity.values()) list.sort(ascending);
  for (const list of byDestination.values()) list.sort(ascending);
  const index = { byId, byEntity, byDestination };
  runIndexes.set(runs, index);
  return index;
}

// ---------------------------------------------------------------------------------------------

export function createRunStore(state: StoreState): RunStore {
  const { sync } = state;
  const runs = () => indexRuns(state.data.seed.runs);

  const pageRuns = (
    list: readonly IndexedRun[],
    query: RunQuery,
    scope: string,
    destination?: string,
  ): PageResult<IntegrationRun> => {
    parsePageSize(query.pageSize);
    const f = parseRunFilters(query);
    const selected: IntegrationRun[] = [];
    for (const { run, t } of list) {
      if (f.status !== undefined && run.status !== f.status) continue;
      if (f.start !== undefined && !(t > f.start)) continue;
      if (f.end !== undefined && !(t <= f.end)) continue;
      if (destination !== undefined && !same(run.destination, destination)) continue;
      selected.push(run);
    }
    if (f.order === 'DESC') selected.reverse();
    const key = [scope, f.status, f.start, f.end, f.order, destination].join('|');
    return paginate(selected, query, key);
  };

  const getRun = (id: string): IntegrationRun => {
    sync();
    const run = runs().byId.get(id);
    if (!run) throw new StoreError(404, `IntegrationRun not found: ${id}`);
    return run;
  };

  return {
    listRunsForEntity(entityType, entityId, query = {}) {
      sync();
      const list = runs().byEntity.get(entityKey(entityType, entityId)) ?? [];
      return pageRuns(list, query, `entity|${entityKey(entityType, entityId)}`);
    },

    listRunsForDestination(destinationId, query = {}) {
      sync();
      const list = runs().byDestination.get(destinationId) ?? [];
      const destination = given(query.destination) ? query.destination : undefined;
      return pageRuns(list, query, `destination|${destinationId}`, destination);
    },

    getRun,

    latestRun(entityType, entityId) {
      sync();
      const list = runs().byEntity.get(entityKey(entityType, entityId));
      const last = list?.[list.length - 1];
      if (!last) throw new StoreError(404, `No IntegrationRun for ${entityType} ${entityId}`);
      return last.run;
    },

    latestRuns(entityType, ids) {
      sync();
      return splitIds(ids).flatMap((id) => {
        const list = runs().byEntity.get(entityKey(entityType, id));
        const last = list?.[list.length - 1];
        return last ? [last.run] : [];
      });
    },

    runLog(id) {
      const run = getRun(id);
      const text = buildRunLogText(run, state.anchorMs());
      if (text === undefined) {
        throw new StoreError(404, `No log available for IntegrationRun ${id}`);
      }
      return { Payload: toBase64(text) };
    },
  };
}
