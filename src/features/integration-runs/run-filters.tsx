import { Button, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useId } from 'react';
import {
  RUN_STATUS_GROUPS,
  RUN_STATUSES,
  type KnownRunStatus,
  type RunStatusGroupId,
} from '../../api';
import { ChoiceGroup } from '../../components/choice-group';
import { DateRangeControl, preloadCustomDateRange } from '../../components/date-range-control';
import { statusLabel } from '../../components/status-badge';
import type { RunsSearch } from './search-schema';
import classes from './run-filters.module.css';

/** The brief's order: what a support engineer looks for first. */
const SHORTCUT_ORDER: RunStatusGroupId[] = ['in-progress', 'failed', 'stopped', 'succeeded'];

const StatusPicker = lazy(() =>
  import('./status-picker').then((m) => ({ default: m.StatusPicker })),
);

interface RunFiltersProps {
  search: RunsSearch;
  onChange: (next: RunsSearch) => void;
  /**
   * False until the first runs are painted: the status picker's code loads only then, so it does not
   * compete with them (a summary of the selection stands in for it until it is there).
   */
  pickerReady?: boolean;
}

/** Every control writes the URL (a new history entry), so back and forward step through filters. */
export function RunFilters({ search, onChange, pickerReady = true }: RunFiltersProps) {
  useEffect(() => {
    // Fetched with the picker, so that choosing "Custom" shows its inputs at once.
    if (pickerReady) preloadCustomDateRange();
  }, [pickerReady]);
  return (
    <Stack gap="sm">
      <StatusFilter search={search} onChange={onChange} pickerReady={pickerReady} />
      <Group gap="lg" align="flex-start" wrap="wrap">
        <DateRangeFilter search={search} onChange={onChange} />
        <LabelledSegments
          label="Times in"
          value={search.tz ?? 'utc'}
          data={[
            { value: 'utc', label: 'UTC' },
            { value: 'local', label: 'Local time' },
          ]}
          onChange={(tz) => onChange({ ...search, tz: tz === 'local' ? 'local' : undefined })}
        />
        <LabelledSegments
          label="Order"
          value={search.order ?? 'DESC'}
          data={[
            { value: 'DESC', label: 'Newest first' },
            { value: 'ASC', label: 'Oldest first' },
          ]}
          onChange={(order) => onChange({ ...search, order: order === 'ASC' ? 'ASC' : undefined })}
        />
      </Group>
    </Stack>
  );
}

function LabelledSegments({
  label,
  value,
  data,
  onChange,
}: {
  label: string;
  value: string;
  data: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <ChoiceGroup aria-labelledby={id} value={value} data={data} onChange={onChange} />
    </Stack>
  );
}

function StatusFilter({ search, onChange, pickerReady }: RunFiltersProps) {
  const selected = search.status ?? [];
  const setStatuses = (next: readonly string[]) => {
    const set = new Set(next);
    const ordered = RUN_STATUSES.filter((s) => set.has(s));
    onChange({ ...search, status: ordered.length > 0 ? ordered : undefined });
  };
  const groupIsOn = (id: RunStatusGroupId) => {
    const group = RUN_STATUS_GROUPS.find((g) => g.id === id);
    return !!group && group.statuses.every((s) => selected.includes(s));
  };
  const toggleGroup = (id: RunStatusGroupId) => {
    const group = RUN_STATUS_GROUPS.find((g) => g.id === id);
    if (!group) return;
    const statuses: readonly KnownRunStatus[] = group.statuses;
    setStatuses(
      groupIsOn(id) ? selected.filter((s) => !statuses.includes(s)) : [...selected, ...statuses],
    );
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {pickerReady ? (
        <Suspense fallback={<PickerStandIn selected={selected} />}>
          <StatusPicker selected={selected} onChange={setStatuses} />
        </Suspense>
      ) : (
        <PickerStandIn selected={selected} />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="status-shortcuts-label">
          Quick filters
        </Text>
        <Group gap={6} role="group" aria-labelledby="status-shortcuts-label">
          {SHORTCUT_ORDER.map((id) => {
            const group = RUN_STATUS_GROUPS.find((g) => g.id === id);
            if (!group) return null;
            const on = groupIsOn(id);
            return (
              <Button
                key={id}
                size="xs"
                variant={on ? 'filled' : 'default'}
                aria-pressed={on}
                onClick={() => toggleGroup(id)}
                title={group.statuses.map(statusLabel).join(', ')}
              >
                {group.label}
              </Button>
            );
          })}
          {selected.length > 0 ? (
            <Button size="xs" variant="subtle" onClick={() => setStatuses([])}>
              All statuses
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Group>
  );
}

/**
 * What the status picker will show, read-only, in its place while its code loads: a plain labelled
 * input drawn as Mantine's TextInput (run-filters.module.css), as Mantine's input is about 4 kB gzip
 * of code the first rows do not otherwise need.
 */
function PickerStandIn({ selected }: { selected: readonly string[] }) {
  const id = useId();
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        Statuses
      </label>
      <input
        id={id}
        className={classes.input}
        readOnly
        aria-busy
        value={selected.length === 0 ? 'All statuses' : selected.map(statusLabel).join(', ')}
      />
    </div>
  );
}

function DateRangeFilter({ search, onChange }: RunFiltersProps) {
  return (
    <DateRangeControl
      label="Started"
      subject="Runs started"
      tz={search.tz ?? 'utc'}
      value={{ range: search.range ?? 'all', from: search.from, to: search.to }}
      onChange={({ range, from, to }) =>
        onChange({ ...search, range: range === 'all' ? undefined : range, from, to })
      }
    />
  );
}
