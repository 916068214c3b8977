import { Group, Select, Text } from '@mantine/core';
import { FocusableButton } from '../../components/busy-button';
import { SOLVIMON_PAGE_SIZES, type SolvimonPageSize } from './list-search';

const PAGER = { variant: 'default', size: 'xs' } as const;

interface SolvimonListPagerProps {
  page: number;
  /** Solvimon's `total_number_of_pages` (or the filtered list's); undefined when it did not say. */
  totalPages: number | undefined;
  /** Whether a page follows (Solvimon's `links.next`, or the filtered list's count). */
  hasNext: boolean;
  /** The last page's rows are still shown while this one loads. */
  loading: boolean;
  pageSize: SolvimonPageSize;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: SolvimonPageSize) => void;
}

/** Previous / next page by number, "Page N of M", and the page size. */
export function SolvimonListPager({
  page,
  totalPages,
  hasNext,
  loading,
  pageSize,
  onPageChange,
  onPageSizeChange,
}: SolvimonListPagerProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Group gap="xs" align="center">
        {/* Focusable while unavailable: on the first or last page, and while the next loads. */}
        <FocusableButton
          {...PAGER}
          unavailable={page <= 1 || loading}
          onClick={() => onPageChange(page - 1)}
        >
          Previous page
        </FocusableButton>
        <FocusableButton
          {...PAGER}
          unavailable={!hasNext || loading}
          onClick={() => onPageChange(page + 1)}
        >
          Next page
        </FocusableButton>
        <Text size="sm" aria-live="polite">
          {totalPages === undefined ? `Page ${page}` : `Page ${page} of ${totalPages}`}
          {loading ? ' (loading…)' : ''}
        </Text>
      </Group>
      <Select
        label="Rows per page"
        size="xs"
        w={130}
        data={SOLVIMON_PAGE_SIZES.map(String)}
        value={String(pageSize)}
        allowDeselect={false}
        onChange={(value) => {
          const size = SOLVIMON_PAGE_SIZES.find((s) => String(s) === value);
          if (size !== undefined) onPageSizeChange(size);
        }}
      />
    </Group>
  );
}
