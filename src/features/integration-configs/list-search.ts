/**
 * The configuration list's URL state (docs/architecture.md §7): search text, filters and sort. Every field
 * heals on its own (`.catch`): a bad or old value is dropped, the rest of the link still works.
 * Defaults are absent from the URL. Filtering and sorting run over the loaded list (see
 * configQueries.list).
 */
import { z } from 'zod';
import type { IntegrationConfig } from '../../api';

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

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? undefined : value))
    .optional()
    .catch(undefined);

export const configListSearchSchema = z.object({
  /** Free text over name and ids. */
  q: text(200),
  destination: text(100),
  entityType: text(100),
  state: z.enum(CONFIG_STATES).optional().catch(undefined),
  sort: z.enum(CONFIG_SORT_COLUMNS).optional().catch(undefined),
  /** Only meaningful with `sort`; absent = ascending. */
  desc: z.boolean().optional().catch(undefined),
});

export type ConfigListSearch = z.infer<typeof configListSearchSchema>;

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

/** A search object as a comparable string: defaults (undefined) dropped, keys sorted. */
export function canonicalSearch(search: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(search)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
