/**
 * Rows of an m3ter list that did not match the console's schema (`pageSchema` in
 * src/api/schemas/common.ts keeps the rows that parse and names the others): the list shows the rows
 * it could read, and this says which ones it left out, by id, and what was wrong with each, so a
 * malformed row never hides the whole list and is never hidden itself. The one notice for every list
 * that reads m3ter pages.
 */
import { Code, List, Text } from '@mantine/core';
import type { InvalidRow } from '../api';
import { Notice } from './notice';

/** Named one by one up to this many; the rest are counted. */
const MAX_NAMED = 10;

export interface SkippedRowsNoticeProps {
  /** From the page(s) behind the list; nothing is shown when undefined or empty. */
  invalid: readonly InvalidRow[] | undefined;
  /** What a row is, plural: "configurations", "runs". */
  what: string;
}

export function SkippedRowsNotice({ invalid, what }: SkippedRowsNoticeProps) {
  if (!invalid || invalid.length === 0) return null;
  const count = invalid.length;
  const named = invalid.slice(0, MAX_NAMED);
  return (
    <Notice
      tone="warning"
      role="status"
      title={
        count === 1
          ? `1 of the ${what} could not be shown`
          : `${count} of the ${what} could not be shown`
      }
    >
      <Text size="sm">
        m3ter sent {count === 1 ? 'an entry' : 'entries'} this console cannot read; the others are
        listed as usual. Open {count === 1 ? 'it' : 'them'} in m3ter, or tell whoever maintains the
        console:
      </Text>
      <List size="sm" spacing={2}>
        {named.map((row) => (
          <List.Item key={`${row.index}:${row.id ?? ''}`}>
            {row.id === undefined ? (
              <>entry {row.index + 1} of its page (no id)</>
            ) : (
              <Code>{row.id}</Code>
            )}
            : {row.problem}
          </List.Item>
        ))}
      </List>
      {count > named.length ? <Text size="sm">and {count - named.length} more.</Text> : null}
    </Notice>
  );
}
