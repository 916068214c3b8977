/**
 * Integration configurations: the one set of query keys, query options and mutation hooks for every
 * screen that shows configs (docs/architecture.md §4), including the mapping form's config picker and
 * the run screens' destination names. Mutations hold the cache logic; notifications and navigation
 * belong to the call site.
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  configsApi,
  NotFoundError,
  VersionConflictError,
  walkAllPages,
  type IntegrationConfig,
  type IntegrationConfigRequest,
  type InvalidRow,
} from '../api';

/** m3ter's largest page; configs are few, so the list is read whole (bounded) and filtered here. */
const PAGE_SIZE = 200;
/** 25 pages × 200: far beyond any real organisation's configs, small enough never to hang. */
const MAX_PAGES = 25;

export interface ConfigList {
  items: IntegrationConfig[];
  /** True when the bound stopped the walk before m3ter's last page. */
  truncated: boolean;
  /** Configs m3ter sent that did not parse (left out of `items`); absent when none. */
  invalid?: InvalidRow[];
}

export const configQueries = {
  all: () => ['integration-configs'] as const,
  lists: () => [...configQueries.all(), 'list'] as const,
  /**
   * Every config, by cursor. m3ter filters this list only by destinationId, so the screen's filters,
   * search and sort (its URL) are applied to the loaded list rather than being part of this key: a
   * filter change must not refetch every page.
   */
  list: () =>
    queryOptions({
      queryKey: [...configQueries.lists(), {}] as const,
      queryFn: ({ signal }): Promise<ConfigList> =>
        walkAllPages(
          (nextToken, pageSignal) =>
            configsApi.list(
              { pageSize: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) },
              { signal: pageSignal },
            ),
          { signal, maxPages: MAX_PAGES },
        ),
    }),
  details: () => [...configQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...configQueries.details(), id] as const,
      queryFn: ({ signal }) => configsApi.get(id, { signal }),
    }),
  /** The systems this organisation can integrate with, for the destination suggestions. */
  availableSystems: () =>
    queryOptions({
      queryKey: [...configQueries.all(), 'available-systems'] as const,
      queryFn: ({ signal }) => configsApi.availableSystems({}, { signal }),
      staleTime: 10 * 60_000,
      // Only suggestions: the form falls back to the known list instead of waiting on retries.
      retry: false,
    }),
  /**
   * Destinations the console knows from the org's integration configs (for names and pickers): a view
   * of the one configs list, so a config created or changed a moment ago is known here at once.
   */
  destinations: () =>
    queryOptions({
      ...configQueries.list(),
      select: (list) => ({ destinations: toDestinations(list.items), truncated: list.truncated }),
    }),
};

export interface KnownDestination {
  destinationId: string;
  /** "Stripe", "NetSuite", … */
  destination: string;
  /** Names of the configs sending to it. */
  configNames: string[];
  entityTypes: string[];
  /** The configs sending to it, for links that need one. */
  configs: { id: string; entityType: string }[];
}

function toDestinations(configs: readonly IntegrationConfig[]): KnownDestination[] {
  const byId = new Map<string, KnownDestination>();
  for (const config of configs) {
    if (!config.destinationId) continue;
    const entry = byId.get(config.destinationId) ?? {
      destinationId: config.destinationId,
      destination: config.destination,
      configNames: [],
      entityTypes: [],
      configs: [],
    };
    if (config.name && !entry.configNames.includes(config.name))
      entry.configNames.push(config.name);
    if (!entry.entityTypes.includes(config.entityType)) entry.entityTypes.push(config.entityType);
    entry.configs.push({ id: config.id, entityType: config.entityType });
    byId.set(config.destinationId, entry);
  }
  return [...byId.values()].sort((a, b) => a.destination.localeCompare(b.destination));
}

function storeSaved(queryClient: QueryClient, config: IntegrationConfig): Promise<void> {
  queryClient.setQueryData(configQueries.detail(config.id).queryKey, config);
  return queryClient.invalidateQueries({ queryKey: configQueries.lists() });
}

function forgetDeleted(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: configQueries.detail(id).queryKey });
  queryClient.setQueryData(configQueries.list().queryKey, (list) =>
    list ? { ...list, items: list.items.filter((c) => c.id !== id) } : list,
  );
  return queryClient.invalidateQueries({ queryKey: configQueries.lists() });
}

/** POST a new config; the created config goes into the cache. */
export function useCreateConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationConfigRequest) => configsApi.create(body),
    onSuccess: (config) => storeSaved(queryClient, config),
  });
}

export interface UpdateConfigInput {
  id: string;
  body: IntegrationConfigRequest & { version: number };
}

/**
 * PUT a config. On a version conflict the latest config is fetched into the detail cache before the
 * error reaches the call site (docs/architecture.md §6 step 3), so the form can compare against it. A failure
 * of that fetch is left for the detail query to show; the conflict error is what the caller gets.
 */
export function useUpdateConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateConfigInput) => configsApi.update(id, body),
    onSuccess: (config) => storeSaved(queryClient, config),
    onError: async (error, { id }) => {
      if (error instanceof VersionConflictError) {
        await queryClient
          .fetchQuery({ ...configQueries.detail(id), staleTime: 0 })
          .catch(() => undefined);
        await queryClient.invalidateQueries({ queryKey: configQueries.lists() });
      }
    },
  });
}

/**
 * DELETE a config. A 404 means it is already gone: the cache forgets it all the same (the call site
 * still sees the NotFoundError, to say so).
 */
export function useDeleteConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => configsApi.remove(id),
    onSuccess: (_deleted, id) => forgetDeleted(queryClient, id),
    onError: (error, id) =>
      error instanceof NotFoundError ? forgetDeleted(queryClient, id) : undefined,
  });
}

/** POST /enable for a disabled config; the enabled config goes into the cache. */
export function useEnableConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => configsApi.enable(id),
    onSuccess: (config) => storeSaved(queryClient, config),
  });
}
