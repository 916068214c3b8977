import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isUuid } from '../../api';
import { isNotFoundError } from '../../api/describe-error';
import { DateRangeControl } from '../../components/date-range-control';
import type { HealNote } from '../../lib/link-healing';
import { accountQueries } from '../../queries/bills';
import { EVENT_TYPE_CHOICES } from './event-names';
import { isFiltered, type EventsSearch } from './search-schema';

const ALL_TYPES = '';

interface EventFiltersProps {
  search: EventsSearch;
  /** Writes the URL: a new history entry unless `replace`. */
  onSearchChange: (next: EventsSearch, options?: { replace?: boolean }) => void;
  /** What the link that opened the page lost (the route's heal notes). */
  healNotes: readonly HealNote[];
}

/** Every filter is in the URL; the account's text is kept here until it is an id. */
export function EventFilters({ search, onSearchChange, healNotes }: EventFiltersProps) {
  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-start" wrap="wrap">
        <NativeSelect
          label="Event type"
          w={260}
          data={[{ value: ALL_TYPES, label: 'All types' }, ...EVENT_TYPE_CHOICES]}
          value={search.eventName ?? ALL_TYPES}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const name = EVENT_TYPE_CHOICES.find((c) => c.value === value)?.value;
            onSearchChange({ ...search, eventName: name });
          }}
        />
        <AccountFilter search={search} onSearchChange={onSearchChange} healNotes={healNotes} />
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <DateRangeControl
          label="Happened"
          subject="Events"
          value={{ range: search.range ?? 'all', from: search.from, to: search.to }}
          onChange={({ range, from, to }) =>
            onSearchChange({
              ...search,
              range: range === 'all' ? undefined : range,
              from: range === 'custom' ? from : undefined,
              to: range === 'custom' ? to : undefined,
            })
          }
        />
        <Checkbox
          mb={6}
          label="Include actioned events"
          checked={search.includeActioned === true}
          onChange={(e) =>
            onSearchChange({ ...search, includeActioned: e.currentTarget.checked || undefined })
          }
        />
        {isFiltered(search) || search.includeActioned ? (
          <Button variant="subtle" size="xs" mb={4} onClick={() => onSearchChange({})}>
            Clear filters
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

const ID_EXAMPLE = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const UUID_LENGTH = ID_EXAMPLE.length;

/** The account id the text stands for, or undefined when it is empty or not an id. */
function accountIdOf(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return isUuid(id) ? id : undefined;
}

/** What a healed link sent as the account that is not an id (the note's value). */
function rejectedAccount(notes: readonly HealNote[]): string | undefined {
  return notes.find((note) => note.param === 'accountId' && note.value !== undefined)?.value;
}

function AccountFilter({ search, onSearchChange, healNotes }: EventFiltersProps) {
  const [text, setText] = useState(() => search.accountId ?? rejectedAccount(healNotes) ?? '');
  // The error shows once the text is given up on (blur, Enter), is as long as an id, or came from a link.
  const [settled, setSettled] = useState(() => rejectedAccount(healNotes) !== undefined);
  // Back/forward (or "Clear filters") set another account: the input follows the URL, unless it
  // already says the same (the URL change was its own).
  const [urlAccount, setUrlAccount] = useState(search.accountId);
  if (search.accountId !== urlAccount) {
    setUrlAccount(search.accountId);
    if (accountIdOf(text) !== search.accountId) {
      setText(search.accountId ?? '');
      setSettled(false);
    }
  }
  const [shownNotes, setShownNotes] = useState(healNotes);
  if (healNotes !== shownNotes) {
    setShownNotes(healNotes);
    const rejected = rejectedAccount(healNotes);
    if (rejected !== undefined && !search.accountId) {
      setText(rejected);
      setSettled(true);
    }
  }

  const invalid = text.trim() !== '' && accountIdOf(text) === undefined;
  const showError = invalid && (settled || text.trim().length >= UUID_LENGTH);

  const change = (next: string) => {
    setText(next);
    const id = accountIdOf(next);
    if (id === undefined) setSettled(false);
    // Only a whole id (or clearing it) changes the list: text that is not an id is never sent.
    if (id !== search.accountId) {
      onSearchChange({ ...search, accountId: id }, { replace: id === undefined });
    }
  };

  return (
    <TextInput
      label="Account"
      w={{ base: '100%', sm: 420 }}
      placeholder="Any account: paste an m3ter Account id"
      value={text}
      onChange={(e) => change(e.currentTarget.value)}
      onBlur={() => setSettled(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') setSettled(true);
      }}
      error={
        showError
          ? `Not an m3ter Account id: “${text.trim().slice(0, 60)}”. An id looks like ${ID_EXAMPLE}. The list is not filtered by account.`
          : undefined
      }
      description={search.accountId ? <AccountName accountId={search.accountId} /> : undefined}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/** The account's name under its id; a failed look-up says so and the filter still applies. */
function AccountName({ accountId }: { accountId: string }) {
  const account = useQuery(accountQueries.detail(accountId));
  if (account.data) {
    return <>Account: {account.data.name ?? account.data.code ?? accountId}</>;
  }
  if (account.isError) {
    return isNotFoundError(account.error) ? (
      <>m3ter has no Account with this id (the list is still filtered by it).</>
    ) : (
      <>Could not look up this Account’s name; the list is still filtered by it.</>
    );
  }
  return <>Looking up the Account…</>;
}
