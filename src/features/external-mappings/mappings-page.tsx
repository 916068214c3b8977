import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state';
import { HealedLinkNotice } from '../../components/healed-link-notice';
import { ButtonLink } from '../../components/router-links';
import type { HealNote } from '../../lib/link-healing';
import { configQueries } from '../../queries/configs';
import { mappingQueries } from '../../queries/mappings';
import { BrowseFilters } from './browse-filters';
import { ExternalLookupForm, M3terLookupForm } from './lookup-forms';
import { MappingResults } from './mapping-results';
import { viewOf, type LookupKind, type MappingsSearch, type MappingsView } from './search-schema';

type TabValue = 'browse' | LookupKind;

function tabOf(view: MappingsView): TabValue {
  if (view.kind === 'incomplete-lookup') return view.lookup;
  return view.kind;
}

interface MappingsPageProps {
  search: MappingsSearch;
  onSearchChange: (next: MappingsSearch, options?: { replace?: boolean }) => void;
  /** What the link that opened this page lost, healed by the route (src/lib/link-healing.ts). */
  healNotes?: readonly HealNote[];
}

const NO_NOTES: readonly HealNote[] = [];

/** `/mappings`: browse with filters, or look a mapping up from either side. */
export function MappingsPage({ search, onSearchChange, healNotes = NO_NOTES }: MappingsPageProps) {
  const view = viewOf(search);
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());

  const switchTab = (tab: string | null) => {
    const pageSize = search.pageSize;
    if (tab === 'browse') onSearchChange({ pageSize });
    else if (tab === 'm3ter' || tab === 'external') onSearchChange({ lookup: tab, pageSize });
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

      <HealedLinkNotice notes={healNotes} />

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
            onSearchChange={onSearchChange}
            healNotes={healNotes}
            configuration={configuration.data}
            configs={configs.data?.items}
          />
        </Tabs.Panel>
        <Tabs.Panel value="m3ter" pt="md">
          <M3terLookupForm
            key={`${search.entity ?? ''}/${search.m3terId ?? ''}`}
            search={search}
            onSearchChange={onSearchChange}
            configuration={configuration.data}
          />
        </Tabs.Panel>
        <Tabs.Panel value="external" pt="md">
          <ExternalLookupForm
            key={`${search.system ?? ''}/${search.table ?? ''}/${search.externalId ?? ''}`}
            search={search}
            onSearchChange={onSearchChange}
            configuration={configuration.data}
          />
        </Tabs.Panel>
      </Tabs>

      {view.kind === 'incomplete-lookup' ? null : (
        <MappingResults
          view={view}
          search={search}
          onSearchChange={onSearchChange}
          configs={configs.data?.items}
        />
      )}
    </Stack>
  );
}
