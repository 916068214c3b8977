import { MultiSelect } from '@mantine/core';
import { RUN_STATUS_GROUPS } from '../../api';
import { statusLabel } from '../../components/status-badge';

const STATUS_DATA = RUN_STATUS_GROUPS.map((group) => ({
  group: group.label,
  items: group.statuses.map((status) => ({ value: status, label: statusLabel(status) })),
}));

export interface StatusPickerProps {
  selected: readonly string[];
  onChange: (next: readonly string[]) => void;
}

/**
 * The searchable list of every status. Its own chunk (run-filters.tsx loads it lazily): a combobox
 * with its popover is about a fifth of the run history's code, and the first rows do not need it.
 */
export function StatusPicker({ selected, onChange }: StatusPickerProps) {
  return (
    <MultiSelect
      label="Statuses"
      placeholder={selected.length === 0 ? 'All statuses' : undefined}
      data={STATUS_DATA}
      value={[...selected]}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No such status"
      comboboxProps={{ withinPortal: true }}
      w={{ base: '100%', sm: 420 }}
      maxDropdownHeight={360}
    />
  );
}
