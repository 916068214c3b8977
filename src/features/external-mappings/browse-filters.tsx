import { Button, Group, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isUuid, type ExternalMappingConfiguration, type IntegrationConfig } from '../../api';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import { configChoiceLabel } from './mapping-parts';
import { withoutPaging, type MappingsLinkLoss, type MappingsSearch } from './search-schema';

function notIdsMessage(invalid: readonly string[]): string {
  return `Not ${invalid.length === 1 ? 'an m3ter id' : 'm3ter ids'}: ${invalid.join(', ')}. An id looks like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.`;
}

function linkLossMessage(loss: MappingsLinkLoss | undefined): string | null {
  if (!loss) return null;
  const parts: string[] = [];
  if (loss.invalidIds.length > 0) parts.push(notIdsMessage(loss.invalidIds));
  if (loss.extraIds > 0) {
    parts.push(
      `The filter takes up to ${MAX_FILTER_IDS} ids: ${loss.extraIds} more in the link ${loss.extraIds === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return parts.join(' ');
}

interface BrowseFiltersProps {
  search: MappingsSearch;
  onSearchChange: (next: MappingsSearch) => void;
  linkLoss: MappingsLinkLoss | undefined;
  onLinkLossShown: (() => void) | undefined;
  configuration: ExternalMappingConfiguration | undefined;
  configs: readonly IntegrationConfig[] | undefined;
}

export function BrowseFilters({
  search,
  onSearchChange,
  linkLoss,
  onLinkLossShown,
  configuration,
  configs,
}: BrowseFiltersProps) {
  // What a link sent that is not an id is shown as if typed here: in the input, with the reason.
  const [pendingIds, setPendingIds] = useState(() => linkLoss?.invalidIds.join(' ') ?? '');
  const [idsError, setIdsError] = useState<string | null>(() => linkLossMessage(linkLoss));
  // A new bad link while the page is open says so too (state adjusted during render, not in an effect).
  const [shownLoss, setShownLoss] = useState(linkLoss);
  if (linkLoss !== shownLoss) {
    setShownLoss(linkLoss);
    if (linkLoss) {
      setPendingIds(linkLoss.invalidIds.join(' '));
      setIdsError(linkLossMessage(linkLoss));
    }
  }
  useEffect(() => {
    if (linkLoss) onLinkLossShown?.();
  }, [linkLoss, onLinkLossShown]);

  const systems = configuration?.externalSystems.map((s) => s.name) ?? [];
  if (search.externalSystemId && !systems.includes(search.externalSystemId)) {
    systems.push(search.externalSystemId);
  }
  const configOptions = (configs ?? []).map((c) => ({ value: c.id, label: configChoiceLabel(c) }));
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
      setIdsError(notIdsMessage(invalid));
      // Put the rejected text back in the input after Mantine clears it, so nothing typed is lost.
      const rejected = invalid.join(' ');
      queueMicrotask(() => setPendingIds(rejected));
    } else {
      setIdsError(null);
    }
    onSearchChange({
      ...withoutPaging(search),
      m3terIds: valid.length > 0 ? valid : undefined,
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
            onSearchChange({ ...withoutPaging(search), externalSystemId: value ?? undefined })
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
            onSearchChange({ ...withoutPaging(search), integrationConfigId: value ?? undefined })
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
              onSearchChange({ pageSize: search.pageSize });
            }}
          >
            Clear filters
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
