/**
 * Solvimon integrations: the one set of query keys, query options and mutations for every screen that
 * shows them (docs/architecture.md §4, §11). Keys go general → specific, so `lists()` covers every page
 * and the whole-list walk, and one invalidation after a write refreshes them all.
 *
 * Solvimon has no version: an update reads the integration again right before it sends the PATCH and
 * refuses (VersionConflictError, the latest in the detail cache) when it differs from what the edit is
 * based on (docs/solvimon-api.md Decision 3).
 */
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { VersionConflictError } from '../api/errors';
import {
  SolvimonNotFoundError,
  solvimonIntegrationsApi,
  solvimonRevision,
  type SolvimonAuthentication,
  type SolvimonIntegration,
  type SolvimonIntegrationCreateRequest,
  type SolvimonIntegrationUpdateRequest,
  type SolvimonListParams,
  type SolvimonTestConnectionParams,
} from '../api/solvimon';

/** Solvimon's largest page in the fake (1..100); the whole-list walk reads this many at a time. */
const SOLVIMON_MAX_PAGE_SIZE = 100;
/** 20 × 100 integrations: far beyond any platform's, small enough never to hang. */
const MAX_WALK_PAGES = 20;

export type SolvimonOrder = Pick<SolvimonListParams, 'order_by' | 'order_direction'>;

export interface SolvimonIntegrationList {
  items: SolvimonIntegration[];
  /** True when the bound stopped the walk before Solvimon's last page. */
  truncated: boolean;
}

export const solvimonQueries = {
  all: () => ['solvimon', 'integrations'] as const,
  lists: () => [...solvimonQueries.all(), 'list'] as const,

  /** One page as Solvimon pages it (`page` from 1): the list without filters. */
  page: (params: SolvimonListParams) =>
    queryOptions({
      queryKey: [...solvimonQueries.lists(), 'page', params] as const,
      queryFn: ({ signal }) => solvimonIntegrationsApi.list(params, { signal }),
      placeholderData: keepPreviousData,
    }),

  /**
   * Every integration in Solvimon's order (bounded). Solvimon's list filters by nothing, so type,
   * status and search are applied to this walk rather than to a page, which would hide matches on
   * other pages.
   */
  everything: (order: SolvimonOrder) =>
    queryOptions({
      queryKey: [...solvimonQueries.lists(), 'everything', order] as const,
      queryFn: async ({ signal }): Promise<SolvimonIntegrationList> => {
        const items: SolvimonIntegration[] = [];
        for (let page = 1; page <= MAX_WALK_PAGES; page++) {
          const answer = await solvimonIntegrationsApi.list(
            { ...order, page, limit: SOLVIMON_MAX_PAGE_SIZE },
            { signal },
          );
          items.push(...answer.data);
          // Solvimon's page count (or its next link) decides; a short page only when it says neither,
          // since its largest page may be smaller than the one asked for.
          const total = answer.total_number_of_pages;
          const last =
            total != null
              ? page >= total
              : answer.links?.next !== undefined
                ? !answer.links.next
                : answer.data.length < SOLVIMON_MAX_PAGE_SIZE;
          if (last) return { items, truncated: false };
        }
        return { items, truncated: true };
      },
      placeholderData: keepPreviousData,
    }),

  details: () => [...solvimonQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...solvimonQueries.details(), id] as const,
      queryFn: ({ signal }) => solvimonIntegrationsApi.get(id, { signal }),
    }),

  /** Solvimon's e-invoicing mandate templates, for "start from a template" in the form. */
  defaultMandates: () =>
    queryOptions({
      queryKey: [...solvimonQueries.all(), 'default-mandates'] as const,
      queryFn: ({ signal }) => solvimonIntegrationsApi.defaultMandates({}, { signal }),
      staleTime: 10 * 60_000,
    }),
};

function storeSaved(queryClient: QueryClient, integration: SolvimonIntegration): Promise<void> {
  queryClient.setQueryData(solvimonQueries.detail(integration.id).queryKey, integration);
  return queryClient.invalidateQueries({ queryKey: solvimonQueries.lists() });
}

function forgetDeleted(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: solvimonQueries.detail(id).queryKey });
  return queryClient.invalidateQueries({ queryKey: solvimonQueries.lists() });
}

/** POST a new integration (201); it goes into the cache. Never retried. */
export function useCreateSolvimonIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SolvimonIntegrationCreateRequest) => solvimonIntegrationsApi.create(body),
    onSuccess: (integration) => storeSaved(queryClient, integration),
  });
}

export interface UpdateSolvimonInput {
  id: string;
  body: SolvimonIntegrationUpdateRequest;
  /** The saved state the edit is based on: the PATCH is sent only while Solvimon still holds it. */
  base: SolvimonIntegration;
}

/**
 * Reads the integration again (never from the cache) and PATCHes it only when it is still the state
 * the edit is based on; otherwise throws VersionConflictError with the latest in the detail cache, for
 * the conflict panel. The window between that read and the PATCH is docs/solvimon-api.md Decision 3.
 */
export function useUpdateSolvimonIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, base }: UpdateSolvimonInput) => {
      const latest = await solvimonIntegrationsApi.get(id);
      if (solvimonRevision(latest) !== solvimonRevision(base)) {
        queryClient.setQueryData(solvimonQueries.detail(id).queryKey, latest);
        throw new VersionConflictError({
          status: 409,
          message: 'The integration was changed in Solvimon after you opened it.',
          path: `/v1/integrations/${id}`,
          method: 'PATCH',
        });
      }
      return solvimonIntegrationsApi.update(id, body);
    },
    onSuccess: (integration) => storeSaved(queryClient, integration),
  });
}

/** DELETE; an integration already gone is forgotten all the same (the caller still sees the 404). */
export function useDeleteSolvimonIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => solvimonIntegrationsApi.remove(id),
    onSuccess: (_deleted, id) => forgetDeleted(queryClient, id),
    onError: (error, id) =>
      error instanceof SolvimonNotFoundError ? forgetDeleted(queryClient, id) : undefined,
  });
}

export type SolvimonLifecycleAction = 'activate' | 'deprecate' | 'archive';

/** Activate, deprecate or archive; the integration as Solvimon answers goes into the cache. */
export function useSolvimonLifecycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: SolvimonLifecycleAction }) =>
      solvimonIntegrationsApi[action](id),
    onSuccess: (integration) => storeSaved(queryClient, integration),
    // A refused transition usually means the status moved elsewhere: show the one Solvimon holds.
    onError: (_error, { id }) =>
      queryClient.invalidateQueries({ queryKey: solvimonQueries.detail(id).queryKey }),
  });
}

/**
 * Test-connection with credentials just entered: a write-like call, so never retried by itself. Its
 * variables hold those credentials, so the mutation is dropped from the cache as soon as nothing
 * shows it (gcTime 0) rather than kept for minutes.
 */
export function useSolvimonTestConnection() {
  return useMutation({
    gcTime: 0,
    mutationFn: ({
      authentication,
      params,
    }: {
      authentication: SolvimonAuthentication;
      params: SolvimonTestConnectionParams;
    }) => solvimonIntegrationsApi.testConnection(authentication, params),
  });
}
