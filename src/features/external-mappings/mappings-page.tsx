import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  isUuid,
  ValidationError,
  type ExternalMappingConfiguration,
  type IntegrationConfig,
} from '../../api';
import { FocusableButton } from '../../components/busy-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { RetryingNotice } from '../../components/retrying-notice';
import { TextField } from '../../components/form';
import { ChoiceField, configLabel } from './mapping-parts';
import { findSystem, mappingTextIssue } from './mapping-rules';
import { MappingsTable } from './mappings-table';
import { MAX_FILTER_IDS, mappingQueries } from '../../queries/mappings';
import { configQueries } from '../../queries/configs';
import { Notice } from './notice';
import { ButtonLink } from '../../components/router-links';
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  viewOf,
  type LookupKind,
  type MappingsSearch,
  type MappingsView,
} from './search-schema';

const route = getRouteApi('/mappings/');

type TabValue = 'browse' | LookupKind;

function tabOf(view: MappingsView): TabValue {
  if (view.kind === 'incomplete-lookup') return view.lookup;
  return view.kind;
}

/** `/mappings`: browse with filters, or look a mapping up from either side. */
export function MappingsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = viewOf(search);
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());

  const switchTab = (tab: string | null) => {
    const pageSize = search.pageSize;
    if (tab === 'browse') void navigate({ search: { pageSize } });
    else if (tab === 'm3ter' || tab === 'external') {
      void navigate({ search: { lookup: tab, pageSize } });
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>External mappings</Title>
          <Text c="dimmed">
            Which record in Stripe, NetSuite or another system each m3ter Account, Product or Plan
            is. A Bill cannot reach a system while its records have no mapping there.
          </Text>
        </div>
        <Group gap="sm">
          <ButtonLink to="/mappings/bulk" variant="default">
            Bulk create
          </ButtonLink>
          <ButtonLink to="/mappings/new">Create mapping</ButtonLink>
        </Group>
      </Group>

      {configuration.isError ? (
        <ErrorState
          error={configuration.error}
          title="Could not load the mapping configuration (entities, systems, tables)"
          onRetry={() => void configuration.refetch()}
          retrying={configuration.isFetching}
        />
      ) : null}

      <Tabs value={tabOf(view)} onChange={switchTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="browse">All mappings</Tabs.Tab>
          <Tabs.Tab value="m3ter">Look up by m3ter entity</Tabs.Tab>
          <Tabs.Tab value="external">Look up by external entity</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="browse" pt="md">
          <BrowseFilters
            search={search}
            configuration={configuration.data}
            configs={configs.data?.items}
          />
        </Tabs.Panel>
        <Tabs.Panel value="m3ter" pt="md">
          <M3terLookupForm
            key={`${search.entity ?? ''}/${search.m3terId ?? ''}`}
            search={search}
            configuration={configuration.data}
          />
        </Tabs.Panel>
        <Tabs.Panel value="external" pt="md">
          <ExternalLookupForm
            key={`${search.system ?? ''}/${search.table ?? ''}/${search.externalId ?? ''}`}
            search={search}
            configuration={configuration.data}
          />
        </Tabs.Panel>
      </Tabs>

      {view.kind === 'incomplete-lookup' ? null : (
        <MappingResults view={view} search={search} configs={configs.data?.items} />
      )}
    </Stack>
  );
}

function withoutPaging(search: MappingsSearch): MappingsSearch {
  return { ...search, cursors: undefined };
}

interface BrowseFiltersProps {
  search: MappingsSearch;
  configuration: ExternalMappingConfiguration | undefined;
  configs: readonly IntegrationConfig[] | undefined;
}

function BrowseFilters({ search, configuration, configs }: BrowseFiltersProps) {
  const navigate = route.useNavigate();
  const [pendingIds, setPendingIds] = useState('');
  const [idsError, setIdsError] = useState<string | null>(null);

  const systems = configuration?.externalSystems.map((s) => s.name) ?? [];
  if (search.externalSystemId && !systems.includes(search.externalSystemId)) {
    systems.push(search.externalSystemId);
  }
  const configOptions = (configs ?? []).map((c) => ({ value: c.id, label: configLabel(c) }));
  if (
    search.integrationConfigId &&
    !configOptions.some((o) => o.value === search.integrationConfigId)
  ) {
    configOptions.push({ value: search.integrationConfigId, label: search.integrationConfigId });
  }
  const filtered = Boolean(
    search.externalSystemId || search.m3terIds || search.integrationConfigId,
  );

  const setIds = (next: string[]) => {
    const valid: string[] = [];
    const invalid: string[] = [];
    for (const raw of next) {
      const id = raw.trim().toLowerCase();
      if (isUuid(id)) {
        if (!valid.includes(id)) valid.push(id);
      } else if (raw.trim() !== '') invalid.push(raw.trim());
    }
    if (invalid.length > 0) {
      setIdsError(
        `Not ${invalid.length === 1 ? 'an m3ter id' : 'm3ter ids'}: ${invalid.join(', ')}. An id looks like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.`,
      );
      // Put the rejected text back in the input after Mantine clears it, so nothing typed is lost.
      const rejected = invalid.join(' ');
      queueMicrotask(() => setPendingIds(rejected));
    } else {
      setIdsError(null);
    }
    void navigate({
      search: (prev) => ({
        ...withoutPaging(prev),
        m3terIds: valid.length > 0 ? valid : undefined,
      }),
    });
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label="External system"
          placeholder="Any system"
          data={systems}
          value={search.externalSystemId ?? null}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({ ...withoutPaging(prev), externalSystemId: value ?? undefined }),
            })
          }
          clearable
          searchable
          nothingFoundMessage="No match"
        />
        <TagsInput
          label="m3ter ids"
          description={`Paste one or more ids, separated by commas or spaces (up to ${MAX_FILTER_IDS})`}
          placeholder={search.m3terIds ? undefined : 'Any m3ter id'}
          value={search.m3terIds ?? []}
          onChange={setIds}
          searchValue={pendingIds}
          onSearchChange={setPendingIds}
          splitChars={[',', ' ', '\n']}
          maxTags={MAX_FILTER_IDS}
          error={idsError}
          clearable
        />
        <Select
          label="Integration config"
          placeholder="Any config"
          data={configOptions}
          value={search.integrationConfigId ?? null}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({
                ...withoutPaging(prev),
                integrationConfigId: value ?? undefined,
              }),
            })
          }
          clearable
          searchable
          nothingFoundMessage="No match"
        />
      </SimpleGrid>
      {filtered ? (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setIdsError(null);
              setPendingIds('');
              void navigate({ search: { pageSize: search.pageSize } });
            }}
          >
            Clear filters
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

const m3terLookupSchema = z.object({
  entity: z.string().superRefine((v, ctx) => {
    const issue = mappingTextIssue(v, 'the m3ter entity');
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  }),
  m3terId: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .refine(isUuid, 'Enter the m3ter id, a UUID like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.'),
});

interface LookupFormProps {
  search: MappingsSearch;
  configuration: ExternalMappingConfiguration | undefined;
}

function M3terLookupForm({ search, configuration }: LookupFormProps) {
  const navigate = route.useNavigate();
  const form = useForm<
    z.input<typeof m3terLookupSchema>,
    unknown,
    z.output<typeof m3terLookupSchema>
  >({
    resolver: zodResolver(m3terLookupSchema),
    defaultValues: { entity: search.entity ?? 'Account', m3terId: search.m3terId ?? '' },
    reValidateMode: 'onChange',
  });
  const submit = form.handleSubmit((values) =>
    navigate({
      search: {
        lookup: 'm3ter',
        entity: values.entity,
        m3terId: values.m3terId,
        pageSize: search.pageSize,
      },
    }),
  );
  const entities = configuration?.m3terEntities;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Look up by m3ter entity">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ChoiceField
            control={form.control}
            name="entity"
            label="m3ter entity"
            options={
              entities && search.entity && !entities.includes(search.entity)
                ? [...entities, search.entity]
                : entities
            }
            required
          />
          <TextField
            control={form.control}
            name="m3terId"
            label="m3ter id"
            placeholder="3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">Look up</Button>
        </Group>
      </Stack>
    </form>
  );
}

const externalLookupSchema = z
  .object({ system: z.string(), table: z.string(), externalId: z.string() })
  .superRefine((values, ctx) => {
    const checks = [
      ['system', 'the external system'],
      ['table', 'the external table'],
      ['externalId', 'the external id'],
    ] as const;
    for (const [key, what] of checks) {
      const issue = mappingTextIssue(values[key], what);
      if (issue) ctx.addIssue({ code: 'custom', path: [key], message: issue });
    }
  });

type ExternalLookupValues = z.infer<typeof externalLookupSchema>;

function ExternalLookupForm({ search, configuration }: LookupFormProps) {
  const navigate = route.useNavigate();
  const form = useForm<ExternalLookupValues>({
    resolver: zodResolver(externalLookupSchema),
    defaultValues: {
      system: search.system ?? '',
      table: search.table ?? '',
      externalId: search.externalId ?? '',
    },
    reValidateMode: 'onChange',
  });
  const system = useWatch({ control: form.control, name: 'system' });
  const systemInfo = findSystem(configuration, system);
  const systems = configuration?.externalSystems.map((s) => s.name);
  const tables = systemInfo ? (systemInfo.tables ?? []) : undefined;
  const submit = form.handleSubmit((values) =>
    navigate({ search: { lookup: 'external', ...values, pageSize: search.pageSize } }),
  );
  const withCurrent = (options: string[] | undefined, current: string | undefined) =>
    options && current && !options.includes(current) ? [...options, current] : options;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Look up by external entity">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ChoiceField
            control={form.control}
            name="system"
            label="External system"
            options={withCurrent(systems, search.system)}
            required
          />
          <ChoiceField
            control={form.control}
            name="table"
            label="External table"
            options={withCurrent(tables, search.table)}
            allowOther={systemInfo?.allowCustomExternalTables ?? true}
            required
          />
          <TextField
            control={form.control}
            name="externalId"
            label="External id"
            placeholder="cus_Q1w2E3r4T5y6"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">Look up</Button>
        </Group>
      </Stack>
    </form>
  );
}

interface MappingResultsProps {
  view: Exclude<MappingsView, { kind: 'incomplete-lookup' }>;
  search: MappingsSearch;
  configs: readonly IntegrationConfig[] | undefined;
}

function caption(view: MappingResultsProps['view']): string {
  if (view.kind === 'm3ter') return `Mappings of ${view.entity} ${view.m3terId}`;
  if (view.kind === 'external') {
    return `Mappings to ${view.system} ${view.table} ${view.externalId}`;
  }
  return 'External mappings';
}

function MappingResults({ view, search, configs }: MappingResultsProps) {
  const navigate = route.useNavigate();
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const cursors = search.cursors ?? [];
  const page = cursors.length + 1;
  const nextTokenIn = cursors.at(-1);
  const query = useQuery(
    mappingQueries.page(
      view,
      nextTokenIn === undefined ? { pageSize } : { pageSize, nextToken: nextTokenIn },
    ),
  );
  const mappings = query.data?.data ?? [];
  const nextToken = query.data?.nextToken || undefined;
  const showingOld = query.isPlaceholderData;

  const goTo = (next: string[] | undefined) =>
    void navigate({
      search: (prev) => ({ ...prev, cursors: next && next.length > 0 ? next : undefined }),
    });

  // Names the results for screen-reader navigation, and keeps heading levels in order for the
  // empty state's heading.
  const heading = (
    <Title order={2} className="visually-hidden">
      {caption(view)}
    </Title>
  );

  if (query.isError && !query.data) {
    const badCursor = cursors.length > 0 && query.error instanceof ValidationError;
    return (
      <Stack>
        {heading}
        <ErrorState
          error={query.error}
          title={badCursor ? 'This page link no longer works' : 'Could not load mappings'}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
        {cursors.length > 0 ? (
          <Group>
            <Button variant="default" onClick={() => goTo(undefined)}>
              Go to the first page
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="sm" aria-busy={query.isFetching || undefined}>
      {heading}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {query.isPending
            ? 'Loading mappings…'
            : `Page ${page}: ${mappings.length} mapping${mappings.length === 1 ? '' : 's'}${nextToken ? ', more on the next page' : ''}${showingOld ? ' (updating…)' : ''}`}
        </Text>
        {query.isError ? (
          <Notice tone="danger" role="alert">
            <Group gap="xs">
              <Text size="sm">Refresh failed; showing the last loaded page.</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => void query.refetch()}>
                Retry
              </Button>
            </Group>
          </Notice>
        ) : null}
      </Group>
      <RetryingNotice query={query} what="mappings" />
      <div style={{ opacity: showingOld ? 0.6 : 1 }}>
        <MappingsTable
          mappings={mappings}
          configs={configs}
          caption={caption(view)}
          loading={query.isPending}
          empty={<NoMappings view={view} page={page} />}
        />
      </div>
      <Group justify="space-between">
        <Group gap="xs">
          {/* Focusable while unavailable: on the first or last page, and while the next loads. */}
          <FocusableButton {...PAGER} unavailable={page === 1} onClick={() => goTo(undefined)}>
            First page
          </FocusableButton>
          <FocusableButton
            {...PAGER}
            unavailable={page === 1}
            onClick={() => goTo(cursors.slice(0, -1))}
          >
            Previous page
          </FocusableButton>
          <FocusableButton
            {...PAGER}
            unavailable={!nextToken || showingOld}
            onClick={() => nextToken && goTo([...cursors, nextToken])}
          >
            Next page
          </FocusableButton>
        </Group>
        <Select
          label="Rows per page"
          size="xs"
          w={130}
          data={PAGE_SIZES.map(String)}
          value={String(pageSize)}
          allowDeselect={false}
          onChange={(value) => {
            const size = Number(value);
            void navigate({
              search: (prev) => ({
                ...withoutPaging(prev),
                pageSize:
                  size === DEFAULT_PAGE_SIZE ? undefined : (size as MappingsSearch['pageSize']),
              }),
            });
          }}
        />
      </Group>
    </Stack>
  );
}

const PAGER = { variant: 'default', size: 'xs' } as const;

function NoMappings({ view, page }: { view: MappingResultsProps['view']; page: number }) {
  if (page > 1) return <EmptyState title="No more mappings">This page is empty.</EmptyState>;
  if (view.kind === 'm3ter') {
    return (
      <EmptyState
        title={`${view.entity} ${view.m3terId} has no mappings`}
        action={
          <ButtonLink
            to="/mappings/new"
            search={{ m3terEntity: view.entity, m3terId: view.m3terId }}
            variant="light"
          >
            Create a mapping for it
          </ButtonLink>
        }
      >
        Bills of this {view.entity} cannot reach a system until it is mapped there.
      </EmptyState>
    );
  }
  if (view.kind === 'external') {
    return (
      <EmptyState
        title={`Nothing in m3ter is mapped to ${view.system} ${view.table} ${view.externalId}`}
        action={
          <ButtonLink
            to="/mappings/new"
            search={{
              externalSystem: view.system,
              externalTable: view.table,
              externalId: view.externalId,
            }}
            variant="light"
          >
            Create a mapping to it
          </ButtonLink>
        }
      >
        Check the spelling: ids are matched exactly.
      </EmptyState>
    );
  }
  const filtered = Object.keys(view.filters).length > 0;
  return (
    <EmptyState
      title={filtered ? 'No mappings match these filters' : 'No mappings yet'}
      action={
        <ButtonLink to="/mappings/new" variant="light">
          Create mapping
        </ButtonLink>
      }
    >
      {filtered
        ? 'Change or clear the filters above.'
        : 'Create one, or several at once with bulk create.'}
    </EmptyState>
  );
}
