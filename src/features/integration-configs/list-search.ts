/**
 * The configuration list's URL state (docs/architecture.md §7): search text, filters and sort. A bad or
 * old link heals (`healConfigListSearch`) and the page says what it dropped. Defaults are absent from
 * the URL. Filtering and sorting run over the loaded list (see configQueries.list).
 */
import type { IntegrationConfig } from '../../api';
import type { Healed, HealNote } from '../../lib/link-healing';

export const CONFIG_STATES = ['enabled', 'disabled', 'unauthorized'] as const;
export type ConfigState = (typeof CONFIG_STATES)[number];

export const CONFIG_STATE_LABELS: Record<ConfigState, string> = {
  enabled: 'Enabled',
  disabled: 'Disabled',
  unauthorized: 'Not authorized',
};

/** Sortable column ids; also the DataTable column ids. */
export const CONFIG_SORT_COLUMNS = [
  'name',
  'destination',
  'entityType',
  'entityId',
  'enabled',
  'authorized',
  'integrationCredentialsId',
  'dtLastModified',
  'lastModifiedBy',
  'version',
] as const;

/** The list's URL state; defaults (no filter, the loaded order) are absent. */
export interface ConfigListSearch {
  /** Free text over name and ids. */
  q?: string;
  destination?: string;
  entityType?: string;
  state?: ConfigState;
  sort?: (typeof CONFIG_SORT_COLUMNS)[number];
  /** Only with `sort`; absent = ascending. */
  desc?: boolean;
}

const TEXT_LIMITS = { q: 200, destination: 100, entityType: 100 } as const;
const TEXT_LABELS = { q: 'search text', destination: 'destination', entityType: 'entity type' };
const KNOWN_KEYS: readonly string[] = [...Object.keys(TEXT_LIMITS), 'state', 'sort', 'desc'];

/** A value for a note: text in quotes, anything else as the URL had it (JSON); shortened. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

/**
 * Turns whatever the URL holds into the canonical search of a working list and says what it dropped
 * (a `HealSearch`: the route heals with it through src/lib/link-healing.ts). Every field heals on its
 * own: a bad or old value is dropped, the rest of the link still works. Pure and idempotent.
 */
export function healConfigListSearch(
  raw: Readonly<Record<string, unknown>>,
): Healed<ConfigListSearch> {
  const notes: HealNote[] = [];
  const note = (text: string, param: string) => {
    notes.push({ text, param });
  };
  const search: ConfigListSearch = {};
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !KNOWN_KEYS.includes(key)) {
      note(`Ignored the unknown parameter ${show(key)}.`, key);
    }
  }

  for (const key of ['q', 'destination', 'entityType'] as const) {
    if (raw[key] === undefined) continue;
    const value = raw[key];
    const text = typeof value === 'string' ? value.trim() : undefined;
    if (text === undefined) {
      note(`Dropped the ${TEXT_LABELS[key]} ${show(value)}: it was not given as text.`, key);
    } else if (text.length > TEXT_LIMITS[key]) {
      note(
        `Dropped the ${TEXT_LABELS[key]} ${show(text)}: it is longer than ${TEXT_LIMITS[key]} characters.`,
        key,
      );
    } else if (text !== '') {
      search[key] = text;
    }
  }

  if (raw.state !== undefined) {
    const state = CONFIG_STATES.find(
      (s) => typeof raw.state === 'string' && s === raw.state.toLowerCase(),
    );
    if (state) search.state = state;
    else note(`Dropped the state ${show(raw.state)}: showing configs in every state.`, 'state');
  }

  let sortDropped = false;
  if (raw.sort !== undefined) {
    const sort = CONFIG_SORT_COLUMNS.find((c) => c === raw.sort);
    if (sort) search.sort = sort;
    else {
      sortDropped = true;
      note(`Dropped the sort ${show(raw.sort)}: there is no such column.`, 'sort');
    }
  }

  // `desc` belongs to the sort: dropped with a bad one without a second note.
  if (raw.desc !== undefined && raw.desc !== false && !sortDropped) {
    if (raw.desc !== true) {
      note(`Dropped the sort direction ${show(raw.desc)}: sorting ascending.`, 'desc');
    } else if (search.sort) {
      search.desc = true;
    } else {
      note('Ignored “desc”: it only applies with a sort column.', 'desc');
    }
  }

  return { search, notes };
}

/** The state filter a config matches (a config can be both disabled and not authorized). */
function matchesState(config: IntegrationConfig, state: ConfigState): boolean {
  if (state === 'enabled') return config.enabled === true;
  if (state === 'disabled') return config.enabled === false;
  return config.authorized === false;
}

const same = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** The configs a search shows, in the order given (sorting is the table's). */
export function filterConfigs(
  configs: readonly IntegrationConfig[],
  search: ConfigListSearch,
): IntegrationConfig[] {
  const needle = search.q?.toLowerCase();
  return configs.filter((config) => {
    if (search.destination && !same(config.destination, search.destination)) return false;
    if (search.entityType && !same(config.entityType, search.entityType)) return false;
    if (search.state && !matchesState(config, search.state)) return false;
    if (needle) {
      const haystack = [
        config.name,
        config.id,
        config.entityId,
        config.destinationId,
        config.integrationCredentialsId,
      ]
        .filter((v): v is string => typeof v === 'string')
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
}
