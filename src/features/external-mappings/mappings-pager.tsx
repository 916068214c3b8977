import { Group, Select } from '@mantine/core';
import { FocusableButton } from '../../components/busy-button';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type MappingsSearch } from './search-schema';

const PAGER = { variant: 'default', size: 'xs' } as const;

interface MappingsPagerProps {
  /** The nextTokens that led to the current page (docs/m3ter-api.md §2.4): page = length + 1. */
  cursors: readonly string[];
  /** The token of the page after this one; absent on the last page. */
  nextToken: string | undefined;
  /** The last page's rows are still shown while this one loads, so `nextToken` is theirs. */
  showingOld: boolean;
  pageSize: number;
  onCursorsChange: (next: string[] | undefined) => void;
  onPageSizeChange: (size: MappingsSearch['pageSize']) => void;
}

/** First / previous / next page over m3ter's cursors, and the page size. */
export function MappingsPager({
  cursors,
  nextToken,
  showingOld,
  pageSize,
  onCursorsChange,
  onPageSizeChange,
}: MappingsPagerProps) {
  const first = cursors.length === 0;
  return (
    <Group justify="space-between">
      <Group gap="xs">
        {/* Focusable while unavailable: on the first or last page, and while the next loads. */}
        <FocusableButton {...PAGER} unavailable={first} onClick={() => onCursorsChange(undefined)}>
          First page
        </FocusableButton>
        <FocusableButton
          {...PAGER}
          unavailable={first}
          onClick={() => onCursorsChange(cursors.slice(0, -1))}
        >
          Previous page
        </FocusableButton>
        <FocusableButton
          {...PAGER}
          unavailable={!nextToken || showingOld}
          onClick={() => nextToken && onCursorsChange([...cursors, nextToken])}
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
          onPageSizeChange(
            size === DEFAULT_PAGE_SIZE ? undefined : (size as MappingsSearch['pageSize']),
          );
        }}
      />
    </Group>
  );
}
