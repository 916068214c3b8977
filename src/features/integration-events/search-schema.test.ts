import { describe, expect, it } from 'vitest';
import { sameSearch } from '../../lib/link-healing';
import {
  describeEventFilters,
  healEventsSearch,
  toEventFilters,
  type EventsSearch,
} from './search-schema';

const ACCOUNT = 'a0000009-0000-4000-8000-000000000009';

function said(raw: Record<string, unknown>): string[] {
  return healEventsSearch(raw).notes.map((note) => note.text);
}

/** Healing is idempotent: the canonical search heals to itself, without a note. */
function expectStable(search: EventsSearch) {
  expect(healEventsSearch({ ...search })).toEqual({ search, notes: [] });
}

describe('integration events search params', () => {
  it('keeps a valid URL as it is, defaults left out', () => {
    const raw = {
      eventName: 'integration.perform.error',
      range: '7d',
      accountId: ACCOUNT,
      includeActioned: true,
    };
    const { search, notes } = healEventsSearch(raw);
    expect(notes).toEqual([]);
    expect(search).toEqual(raw);
    expect(sameSearch(raw, search)).toBe(true);
    expectStable(search);
    expect(healEventsSearch({})).toEqual({ search: {}, notes: [] });
  });

  it('reads short and hand-written spellings quietly', () => {
    const { search, notes } = healEventsSearch({
      type: 'Perform',
      account: ACCOUNT.toUpperCase(),
      actioned: 'true',
      range: 'all',
    });
    expect(notes).toEqual([]);
    expect(search).toEqual({
      eventName: 'integration.perform.error',
      accountId: ACCOUNT,
      includeActioned: true,
    });
    expectStable(search);
    // "Not actioned" is the default: said or not, the same view.
    expect(healEventsSearch({ includeActioned: false })).toEqual({ search: {}, notes: [] });
  });

  it('drops what it cannot use, and says so', () => {
    expect(said({ eventName: 'integration.exploded.error' })).toEqual([
      'Dropped the event type “integration.exploded.error”: it is not an integration error event. Showing every type.',
    ]);
    expect(said({ range: 'fortnight' })).toEqual([
      'Dropped the date range “fortnight”: showing any time.',
    ]);
    expect(said({ range: '7d', from: '2026-11-01' })).toEqual([
      'Dropped the from/to dates: they only apply to a custom range.',
    ]);
    expect(said({ includeActioned: 'maybe' })).toEqual([
      'Dropped “include actioned” “maybe”: showing only events not yet actioned.',
    ]);
    expect(said({ utm_source: 'mail' })).toEqual(['Ignored the unknown parameter “utm_source”.']);
    const { search, notes } = healEventsSearch({ accountId: 'acme', eventName: 'perform' });
    expect(search).toEqual({ eventName: 'integration.perform.error' });
    // The rejected text rides along for the filter to show.
    expect(notes).toEqual([
      {
        text: 'Dropped the account “acme”: it is not an m3ter Account id.',
        param: 'accountId',
        value: 'acme',
      },
    ]);
  });

  it('keeps a custom range with usable dates, as instants', () => {
    const { search, notes } = healEventsSearch({
      range: 'custom',
      from: '2026-11-01',
      to: 'soon',
    });
    expect(search).toEqual({ range: 'custom', from: '2026-11-01T00:00:00.000Z' });
    expect(notes.map((n) => n.text)).toEqual(['Dropped the to date “soon”: it is not a date.']);
    expectStable(search);
    expect(
      said({ range: 'custom', from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }),
    ).toEqual(['Dropped the custom dates: the start was after the end. Showing any time.']);
    expect(said({ range: 'custom' })).toEqual([
      'Dropped the custom range: it had no usable dates. Showing any time.',
    ]);
  });

  it('turns the search into the list query’s filters', () => {
    expect(toEventFilters({})).toEqual({ includeActioned: false, range: 'all' });
    expect(
      toEventFilters({
        eventName: 'integration.disabled.error',
        range: 'custom',
        from: '2026-11-01T00:00:00.000Z',
        accountId: ACCOUNT,
        includeActioned: true,
      }),
    ).toEqual({
      eventName: 'integration.disabled.error',
      range: 'custom',
      from: '2026-11-01T00:00:00.000Z',
      accountId: ACCOUNT,
      includeActioned: true,
    });
  });

  it('names the filters in words', () => {
    expect(describeEventFilters({})).toBe('of every type, not yet actioned');
    expect(
      describeEventFilters(
        {
          eventName: 'integration.perform.error',
          range: '7d',
          accountId: ACCOUNT,
          includeActioned: true,
        },
        'Vandelay Industries',
      ),
    ).toBe(
      'of type “Perform error”, in the last 7 days, for Account Vandelay Industries, actioned or not',
    );
    expect(
      describeEventFilters({
        range: 'custom',
        from: '2026-11-01T09:30:00.000Z',
        accountId: ACCOUNT,
      }),
    ).toBe('of every type, after 2026-11-01 09:30 UTC, for Account a0000009…, not yet actioned');
  });
});
