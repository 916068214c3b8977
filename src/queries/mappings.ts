/**
 * External mappings: the one set of query options and mutations for every screen that shows mappings.
 * Keys go general → specific with the params object last: `mappingQueries.lists()` covers the browse
 * list, both look-ups, the duplicate checks and the count on a config's page, so one invalidation after
 * a write refreshes every place a mapping can be found or counted.
 */
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  mappingsApi,
  NotFoundError,
  VersionConflictError,
  walkAllPages,
  type ExternalMapping,
  type ExternalMappingRequest,
} from '../api';

/** Most m3ter ids one filter sends; more would make an unwieldy URL and query. */
export const MAX_FILTER_IDS = 50;

/** Which mappings a list page shows: browse with filters, or one of the two look-ups. */
export type MappingListScope =
  | {
      kind: 'browse';
      filters: { externalSystemId?: string; m3terIds?: string[]; integrationConfigId?: string };
    }
  | { kind: 'm3ter'; entity: string; m3terId: string }
  | { kind: 'external'; system: string; table: string; externalId: string };

export interface PageRequest {
  pageSize: number;
  nextToken?: string;
}

function fetchListPage(scope: MappingListScope, paging: PageRequest, signal: AbortSignal) {
  if (scope.kind === 'm3ter') {
    return mappingsApi.listForM3terEntity(scope.entity, scope.m3terId, paging, { signal });
  }
  if (scope.kind === 'external') {
    return mappingsApi.listForExternalEntity(scope.system, scope.table, scope.externalId, paging, {
      signal,
    });
  }
  return mappingsApi.list({ ...scope.filters, ...paging }, { signal });
}

export interface ExternalValuesParams {
  system: string;
  m3terEntity: string;
  table: string;
}

/** Bound for walks that must see everything of one entity or one set of ids. */
const MAX_CHECK_ITEMS = 2_000;

export const mappingQueries = {
  all: () => ['external-mappings'] as const,
  lists: () => [...mappingQueries.all(), 'list'] as const,

  /**
   * One page of a list: `GET /externalmappings` with the browse filters, or one of the look-ups
   * (`/externalmappings/external/{entity}/{m3terId}`, `/externalmappings/externalid/{system}/{table}/{id}`).
   */
  page: (scope: MappingListScope, paging: PageRequest) =>
    queryOptions({
      queryKey: [...mappingQueries.lists(), scope, paging] as const,
      queryFn: ({ signal }) => fetchListPage(scope, paging, signal),
      placeholderData: keepPreviousData,
    }),

  /**
   * Every mapping of one m3ter entity (bounded), for the duplicate warning. Always re-asked before a
   * create, so another user's mapping made a minute ago is seen.
   */
  allForM3terEntity: (entity: string, m3terId: string) =>
    queryOptions({
      queryKey: [...mappingQueries.lists(), 'm3ter-all', { entity, m3terId }] as const,
      queryFn: ({ signal }) =>
        walkAllPages<ExternalMapping>(
          (nextToken) =>
            mappingsApi.listForM3terEntity(
              entity,
              m3terId,
              { pageSize: 200, nextToken },
              { signal },
            ),
          { maxItems: MAX_CHECK_ITEMS, signal },
        ),
      staleTime: 0,
    }),

  /**
   * Every mapping of a set of m3ter ids (bounded), for the bulk duplicate check: the ids go
   * `MAX_FILTER_IDS` per request so each URL stays short.
   */
  existingForIds: (m3terIds: readonly string[]) =>
    queryOptions({
      queryKey: [...mappingQueries.lists(), 'for-ids', [...m3terIds].sort()] as const,
      queryFn: async ({ signal }) => {
        const found: ExternalMapping[] = [];
        let truncated = false;
        for (let i = 0; i < m3terIds.length; i += MAX_FILTER_IDS) {
          const chunk = m3terIds.slice(i, i + MAX_FILTER_IDS);
          const page = await walkAllPages<ExternalMapping>(
            (nextToken) =>
              mappingsApi.list({ m3terIds: chunk, pageSize: 200, nextToken }, { signal }),
            { maxItems: MAX_CHECK_ITEMS, signal },
          );
          found.push(...page.items);
          truncated ||= page.truncated;
        }
        return { items: found, truncated };
      },
      staleTime: 0,
    }),

  details: () => [...mappingQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...mappingQueries.details(), id] as const,
      queryFn: ({ signal }) => mappingsApi.get(id, { signal }),
    }),

  /** Entities, systems and tables a mapping may use; changes rarely. */
  configuration: () =>
    queryOptions({
      queryKey: [...mappingQueries.all(), 'configuration'] as const,
      queryFn: ({ signal }) => mappingsApi.configuration({ signal }),
      staleTime: 10 * 60_000,
    }),

  /** The values m3ter can list from the external system for a table (the external-id picker). */
  externalValues: (params: ExternalValuesParams) =>
    queryOptions({
      queryKey: [...mappingQueries.all(), 'external-values', params] as const,
      queryFn: ({ signal }) =>
        mappingsApi.externalEntities(
          params.system,
          params.m3terEntity,
          { externalTable: params.table },
          { signal },
        ),
      staleTime: 5 * 60_000,
    }),

  /**
   * How many external mappings are linked to a config (counted over every page, bounded). Under
   * `lists()`, so every mapping write refreshes the count on the config's page.
   */
  countForConfig: (integrationConfigId: string) =>
    queryOptions({
      queryKey: [...mappingQueries.lists(), 'count-for-config', integrationConfigId] as const,
      queryFn: async ({ signal }) => {
        const { items, truncated } = await walkAllPages<ExternalMapping>(
          (nextToken) =>
            mappingsApi.list({ integrationConfigId, pageSize: 200, nextToken }, { signal }),
          { maxItems: MAX_CHECK_ITEMS, signal },
        );
        return { count: items.length, truncated };
      },
    }),
};

/** Creates one mapping; the new mapping goes into the detail cache and every list is refreshed. */
export function useCreateMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExternalMappingRequest) => mappingsApi.create(body),
    onSuccess: async (mapping) => {
      queryClient.setQueryData(mappingQueries.detail(mapping.id).queryKey, mapping);
      await queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
    },
  });
}

export interface UpdateMappingInput {
  id: string;
  body: ExternalMappingRequest & { version: number };
}

/**
 * Saves an edit. On a version conflict the latest mapping is fetched into the detail cache before the
 * caller's `onError` runs, so the conflict panel can show "theirs".
 */
export function useUpdateMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateMappingInput) => mappingsApi.update(id, body),
    onSuccess: async (mapping) => {
      queryClient.setQueryData(mappingQueries.detail(mapping.id).queryKey, mapping);
      await queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
    },
    onError: async (error, { id }) => {
      if (error instanceof VersionConflictError) {
        await queryClient
          .fetchQuery({ ...mappingQueries.detail(id), staleTime: 0 })
          .catch(() => undefined);
      }
    },
  });
}

async function forgetDeleted(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: mappingQueries.detail(id).queryKey });
  await queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
}

/**
 * Deletes one mapping; its detail is dropped and every list is refreshed. A 404 means it is already
 * gone: the cache forgets it all the same (the call site still sees the NotFoundError, to say so).
 */
export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => mappingsApi.remove(id),
    onSuccess: (_deleted, id) => forgetDeleted(queryClient, id),
    onError: (error, id) =>
      error instanceof NotFoundError ? forgetDeleted(queryClient, id) : undefined,
  });
}

/** Sends one create for a batch; the batch's runner decides the pace and what a failure means. */
export type CreateMapping = (body: ExternalMappingRequest) => Promise<ExternalMapping>;

/**
 * Runs a batch of creates (the caller paces them, see bulk-runner). Never retried as a whole; the lists
 * are refreshed however it ended, because some rows may have been created.
 */
export function useBulkCreateMappings<Result>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batch: (create: CreateMapping) => Promise<Result>) =>
      batch((body) => mappingsApi.create(body)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mappingQueries.lists() }),
  });
}
