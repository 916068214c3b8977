import { Button, Group, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useState } from 'react';
import { isUuid, type ExternalMappingConfiguration, type IntegrationConfig } from '../../api';
import { MAX_FILTER_IDS } from '../../queries/mappings';
import { configChoiceLabel } from './mapping-parts';
import type { HealNote } from '../../lib/link-healing';
import { withoutPaging, type MappingsSearch } from './search-schema';

function notIdsMessage(invalid: readonly string[]): string {
  return `Not ${invalid.length === 1 ? 'an m3ter id' : 'm3ter ids'}: ${invalid.join(', ')}. An id looks like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.`;
}

/** What a healed link sent as m3ter ids that is not one (the notes' values, see healMappingsSearch). */
function rejectedIds(notes: readonly HealNote[]): string[] {
  return notes.flatMap((note) =>
    note.param === 'm3terIds' && note.value !== undefined ? [note.value] : [],
  );
}

interface BrowseFiltersProps {
  search: MappingsSearch;
  onSearchChange: (next: MappingsSearch) => void;
  /** What the link that opened the page lost (the route's heal notes). */
  healNotes: readonly HealNote[];
  configuration: ExternalMappingConfiguration | undefined;
  configs: readonly IntegrationConfig[] | undefined;
}

export function BrowseFilters({
  search,
  onSearchChange,
  healNotes,
  configuration,
  configs,
}: BrowseFiltersProps) {
  // What a link sent that is not an id is shown as if typed here: in the input, with the reason.
  const [pendingIds, setPendingIds] = useState(() => rejectedIds(healNotes).join(' '));
  const [idsError, setIdsError] = useState<string | null>(() => {
    const rejected = rejectedIds(healNotes);
    return rejected.length > 0 ? notIdsMessage(rejected) : null;
  });
  // A new bad link while the page is open says so too (state adjusted during render, not in an effect).
  const [shownNotes, setShownNotes] = useState(healNotes);
  if (healNotes !== shownNotes) {
    setShownNotes(healNotes);
    const rejected = rejectedIds(healNotes);
    if (rejected.length > 0) {
      setPendingIds(rejected.join(' '));
      setIdsError(notIdsMessage(rejected));
    }
  }

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
