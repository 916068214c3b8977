import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ValidationError, type IntegrationConfig } from '../../api';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { SkippedRowsNotice } from '../../components/skipped-rows-notice';
import { ButtonLink } from '../../components/router-links';
import { mappingQueries } from '../../queries/mappings';
import { MappingsPager } from './mappings-pager';
import { MappingsTable } from './mappings-table';
import {
  DEFAULT_PAGE_SIZE,
  withoutPaging,
  type MappingsSearch,
  type MappingsView,
} from './search-schema';

type ResultsView = Exclude<MappingsView, { kind: 'incomplete-lookup' }>;

interface MappingResultsProps {
  view: ResultsView;
  search: MappingsSearch;
  onSearchChange: (next: MappingsSearch) => void;
  configs: readonly IntegrationConfig[] | undefined;
}

function caption(view: ResultsView): string {
  if (view.kind === 'm3ter') return `Mappings of ${view.entity} ${view.m3terId}`;
  if (view.kind === 'external') {
    return `Mappings to ${view.system} ${view.table} ${view.externalId}`;
  }
  return 'External mappings';
}

/** One page of the mappings a view shows (browse or a look-up), with its state and the pager. */
export function MappingResults({ view, search, onSearchChange, configs }: MappingResultsProps) {
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
  const nextToken = query.data?.nextToken || undefined;
  const showingOld = query.isPlaceholderData;

  const goTo = (next: string[] | undefined) =>
    onSearchChange({ ...search, cursors: next && next.length > 0 ? next : undefined });

  // Names the results for screen-reader navigation, and keeps heading levels in order for the
  // empty state's heading.
  const heading = (
    <Title order={2} className="visually-hidden">
      {caption(view)}
    </Title>
  );

  const badCursor = cursors.length > 0 && query.error instanceof ValidationError;
  return (
    <Stack gap="sm" aria-busy={query.isFetching || undefined}>
      {heading}
      <QueryState
        query={query}
        what="mappings"
        errorTitle={badCursor ? 'This page link no longer works' : 'Could not load mappings'}
        errorAction={
          cursors.length > 0 ? (
            <Group>
              <Button variant="default" onClick={() => goTo(undefined)}>
                Go to the first page
              </Button>
            </Group>
          ) : undefined
        }
        skeleton={
          <MappingsTable
            mappings={[]}
            configs={configs}
            caption={caption(view)}
            loading
            empty={null}
          />
        }
      >
        {(result) => (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {`Page ${page}: ${result.data.length} mapping${result.data.length === 1 ? '' : 's'}${nextToken ? ', more on the next page' : ''}${showingOld ? ' (updating…)' : ''}`}
            </Text>
            <SkippedRowsNotice invalid={result.invalid} what="mappings" />
            <div style={{ opacity: showingOld ? 0.6 : 1 }}>
              <MappingsTable
                mappings={result.data}
                configs={configs}
                caption={caption(view)}
                loading={false}
                empty={<NoMappings view={view} page={page} />}
              />
            </div>
          </>
        )}
      </QueryState>
      {query.isError && !query.data ? null : (
        <MappingsPager
          cursors={cursors}
          nextToken={nextToken}
          showingOld={showingOld}
          pageSize={pageSize}
          onCursorsChange={goTo}
          onPageSizeChange={(size) => onSearchChange({ ...withoutPaging(search), pageSize: size })}
        />
      )}
    </Stack>
  );
}

function NoMappings({ view, page }: { view: ResultsView; page: number }) {
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
