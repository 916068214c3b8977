/**
 * Webhook destinations (docs/m3ter-api.md §6.1): the one set of query keys, query options and mutation
 * hooks for every screen that shows one — the destinations pages, and the names shown on configs and on
 * a destination's run history. Nothing cached here ever holds an api key or secret: the API module's
 * parse drops them (Decision 8). Mutations hold the cache logic; notifications belong to the call site.
 */
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  NotFoundError,
  VersionConflictError,
  walkAllPages,
  webhookDestinationsApi,
  type Page,
  type WebhookDestination,
  type WebhookDestinationRequest,
} from '../api';
import { urlHost } from '../lib/labels';

/** Rows per "load more" on the list page. */
const LIST_PAGE_SIZE = 50;
/** For the pickers and name look-ups: m3ter's largest page, a bounded walk. */
const PAGE_SIZE = 200;
const MAX_PAGES = 10;

/** What a config or a run history shows of the destination it sends to. */
export interface WebhookDestinationName {
  id: string;
  /** Its name, or undefined when it has none. */
  name: string | undefined;
  host: string;
  url: string | undefined;
  active: boolean | undefined;
}

export interface WebhookDestinationList {
  items: WebhookDestination[];
  truncated: boolean;
}

export const webhookDestinationQueries = {
  all: () => ['webhook-destinations'] as const,
  lists: () => [...webhookDestinationQueries.all(), 'list'] as const,
  /** The list page: one m3ter page per "load more" (m3ter's nextToken). */
  pages: () =>
    infiniteQueryOptions({
      queryKey: [...webhookDestinationQueries.lists(), 'pages'] as const,
      queryFn: ({ pageParam, signal }): Promise<Page<WebhookDestination>> =>
        webhookDestinationsApi.list(
          { pageSize: LIST_PAGE_SIZE, ...(pageParam ? { nextToken: pageParam } : {}) },
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last: Page<WebhookDestination>) => last.nextToken || null,
      placeholderData: keepPreviousData,
    }),
  /** Every destination (bounded): the config form's destination picker. */
  everything: () =>
    queryOptions({
      queryKey: [...webhookDestinationQueries.lists(), 'everything'] as const,
      queryFn: ({ signal }): Promise<WebhookDestinationList> =>
        walkAllPages(
          (nextToken, pageSignal) =>
            webhookDestinationsApi.list(
              { pageSize: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) },
              { signal: pageSignal },
            ),
          { signal, maxPages: MAX_PAGES },
        ),
    }),
  /**
   * Only these destinations (`?ids=`): names for configs and run histories, one small call. Ids are
   * sorted so the same set shares one cache entry.
   */
  byIds: (ids: readonly string[]) => {
    const sorted = [...new Set(ids)].sort();
    return queryOptions({
      queryKey: [...webhookDestinationQueries.lists(), 'ids', sorted] as const,
      queryFn: async ({ signal }): Promise<WebhookDestination[]> =>
        sorted.length === 0
          ? []
          : (await webhookDestinationsApi.list({ ids: sorted, pageSize: PAGE_SIZE }, { signal }))
              .data,
      staleTime: 60_000,
    });
  },
  /** `byIds`, as names: a map from (lower-case) id to what a config shows of its destination. */
  names: (ids: readonly string[]) =>
    queryOptions({
      ...webhookDestinationQueries.byIds(ids.map((id) => id.toLowerCase())),
      select: (destinations): ReadonlyMap<string, WebhookDestinationName> =>
        new Map(
          destinations.map((d) => [
            d.id.toLowerCase(),
            {
              id: d.id,
              name: d.name?.trim() || undefined,
              host: urlHost(d.url),
              url: d.url,
              active: d.active,
            },
          ]),
        ),
    }),
  details: () => [...webhookDestinationQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...webhookDestinationQueries.details(), id] as const,
      queryFn: ({ signal }) => webhookDestinationsApi.get(id, { signal }),
    }),
};

function storeSaved(queryClient: QueryClient, destination: WebhookDestination): Promise<void> {
  queryClient.setQueryData(webhookDestinationQueries.detail(destination.id).queryKey, destination);
  return queryClient.invalidateQueries({ queryKey: webhookDestinationQueries.lists() });
}

function forgetDeleted(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: webhookDestinationQueries.detail(id).queryKey });
  return queryClient.invalidateQueries({ queryKey: webhookDestinationQueries.lists() });
}

/**
 * A create or update's variables hold the api key and secret as typed: the mutation is dropped from the
 * cache as soon as nothing shows it (gcTime 0) rather than kept for minutes (Decision 8).
 */
const FORGET_VARIABLES = { gcTime: 0 } as const;

/** POST a new destination; the created one goes into the cache (without its credentials' values). */
export function useCreateWebhookDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    ...FORGET_VARIABLES,
    mutationFn: (body: WebhookDestinationRequest) => webhookDestinationsApi.create(body),
    onSuccess: (destination) => storeSaved(queryClient, destination),
  });
}

export interface UpdateWebhookDestinationInput {
  id: string;
  body: WebhookDestinationRequest & { version: number };
}

/**
 * PUT a destination. On a version conflict the latest is fetched into the detail cache before the
 * error reaches the call site (docs/architecture.md §6 step 3).
 */
export function useUpdateWebhookDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    ...FORGET_VARIABLES,
    mutationFn: ({ id, body }: UpdateWebhookDestinationInput) =>
      webhookDestinationsApi.update(id, body),
    onSuccess: (destination) => storeSaved(queryClient, destination),
    onError: async (error, { id }) => {
      if (error instanceof VersionConflictError) {
        await queryClient
          .fetchQuery({ ...webhookDestinationQueries.detail(id), staleTime: 0 })
          .catch(() => undefined);
        await queryClient.invalidateQueries({ queryKey: webhookDestinationQueries.lists() });
      }
    },
  });
}

/** DELETE a destination; a 404 means it is already gone, and the cache forgets it all the same. */
export function useDeleteWebhookDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => webhookDestinationsApi.remove(id),
    onSuccess: (_deleted, id) => forgetDeleted(queryClient, id),
    onError: (error, id) =>
      error instanceof NotFoundError ? forgetDeleted(queryClient, id) : undefined,
  });
}

/** `PUT /{id}/active?active=`: activate or deactivate; the answer goes into the cache. */
export function useSetWebhookDestinationActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      webhookDestinationsApi.setActive(id, active),
    onSuccess: (destination) => storeSaved(queryClient, destination),
  });
}
