import { describe, expect, it } from 'vitest';
import { resolveRunWindow } from '../../lib/date-range';
import { extractUuid, parseEntityType } from './entity-ref';
import { healingSearch, healLink, sameSearch } from '../../lib/link-healing';
import { healRunsSearch, toRunFilters, type RunsSearch } from './search-schema';

const RUN = '0b0e4c3a-1d2f-4a5b-8c6d-7e8f9a0b1c2d';

/** The notes' sentences. */
function said(raw: Record<string, unknown>): string[] {
  return healRunsSearch(raw).notes.map((note) => note.text);
}

/** Healing is idempotent: the canonical search heals to itself, without a note. */
function expectStable(search: RunsSearch) {
  expect(healRunsSearch({ ...search })).toEqual({ search, notes: [] });
}

describe('run history search params', () => {
  it('keeps a valid URL as it is, defaults left out', () => {
    const raw = {
      status: ['ERROR', 'AUTH_FAILED'],
      range: '7d',
      tz: 'local',
      order: 'ASC',
      run: RUN,
    };
    const { search, notes } = healRunsSearch(raw);
    expect(notes).toEqual([]);
    expect(search).toEqual({
      status: ['ERROR', 'AUTH_FAILED'],
      range: '7d',
      tz: 'local',
      order: 'ASC',
      run: RUN,
    });
    expect(sameSearch(raw, search)).toBe(true);
    expectStable(search);
    expect(healRunsSearch({})).toEqual({ search: {}, notes: [] });
  });

  it('reads hand-written statuses (comma list, any case), orders them and drops repeats', () => {
    const { search, notes } = healRunsSearch({ status: 'auth_failed, error,ERROR' });
    expect(search.status).toEqual(['ERROR', 'AUTH_FAILED']);
    expect(notes).toEqual([]);
    expect(sameSearch({ status: 'auth_failed, error,ERROR' }, search)).toBe(false);
    expectStable(search);
  });

  it('drops what it cannot use and says so, keeping the rest', () => {
    const raw = {
      status: ['ERROR', 'EXPLODED', 7],
      range: 'fortnight',
      tz: 'mars',
      order: 'sideways',
      run: 'not-a-run',
      page: 3,
    };
    const { search, notes } = healRunsSearch(raw);
    expect(search).toEqual({ status: ['ERROR'] });
    expectStable(search);
    expect(notes.map((note) => note.param)).toEqual([
      'page',
      'status',
      'status',
      'range',
      'tz',
      'order',
      'run',
    ]);
    expect(said(raw)).toEqual([
      'Ignored the unknown parameter “page”.',
      'Dropped the status “EXPLODED”: it is not a run status.',
      'Dropped the status “7”: it is not a run status.',
      'Dropped the date range “fortnight”: showing any time.',
      'Dropped the time zone “mars”: showing UTC.',
      'Dropped the order “sideways”: showing newest first.',
      'Could not open the run “not-a-run”: it is not a run id.',
    ]);
  });

  it('heals custom ranges: bad dates, reversed dates, dates without a custom range', () => {
    const badTo = { range: 'custom', from: '2026-11-01', to: 'yesterday' };
    expect(healRunsSearch(badTo).search).toEqual({
      range: 'custom',
      from: '2026-11-01T00:00:00.000Z',
    });
    expectStable(healRunsSearch(badTo).search);
    expect(said(badTo)).toEqual(['Dropped the to date “yesterday”: it is not a date.']);
    const reversed = {
      range: 'custom',
      from: '2026-11-10T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    };
    expect(healRunsSearch(reversed).search).toEqual({});
    expect(said(reversed)).toEqual([
      'Dropped the custom dates: the start was after the end. Showing any time.',
    ]);
    expect(said({ range: 'custom' })).toEqual([
      'Dropped the custom range: it had no usable dates. Showing any time.',
    ]);
    expect(healRunsSearch({ range: '24h', from: '2026-11-01' }).search).toEqual({ range: '24h' });
    expect(said({ range: '24h', from: '2026-11-01' })).toEqual([
      'Dropped the from/to dates: they only apply to a custom range.',
    ]);
  });

  it('keeps a failing or resolved outcome (any case) and drops another with a note', () => {
    expect(healRunsSearch({ outcome: 'Failing' }).search).toEqual({ outcome: 'failing' });
    expectStable({ outcome: 'resolved' });
    expect(healRunsSearch({ outcome: 'broken' }).search).toEqual({});
    expect(said({ outcome: 'broken' })).toEqual([
      'Dropped the outcome “broken”: it is “failing” or “resolved”. Showing every run.',
    ]);
    // Not a query filter: the same runs are fetched.
    expect(toRunFilters({ outcome: 'failing' })).toEqual(toRunFilters({}));
  });

  it('understands the older startDate/endDate/statuses spelling', () => {
    const { search, notes } = healRunsSearch({
      startDate: '2026-11-01T00:00:00Z',
      endDate: '2026-11-02T00:00:00Z',
      statuses: 'ERROR',
    });
    expect(notes).toEqual([]);
    expect(search).toEqual({
      status: ['ERROR'],
      range: 'custom',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
    });
  });

  it('never throws, whatever the URL holds', () => {
    const validate = healingSearch(healRunsSearch);
    for (const raw of [
      { status: null },
      { status: { a: 1 } },
      { from: 5, range: 'custom' },
      { run: [RUN] },
      { ['x'.repeat(500)]: 1 },
    ]) {
      expect(() => validate(raw as Record<string, unknown>)).not.toThrow();
    }
  });

  it('heals through the shared mechanism: the route’s rewrite keeps what the link lost', () => {
    const validate = healingSearch(healRunsSearch);
    const raw = { status: 'ERROR,EXPLODED', order: 'sideways', foo: '1' };
    // The router's first rewrite: the validated search spread over the raw one.
    const rewritten = Object.fromEntries(
      Object.entries({ ...raw, ...validate(raw) }).filter(([, value]) => value !== undefined),
    );
    expect(rewritten).toEqual({ status: ['ERROR'], healedFrom: raw });
    const healed = healLink(healRunsSearch, validate(rewritten), rewritten);
    expect(healed.search).toEqual({ status: ['ERROR'] });
    expect(healed.changed).toBe(true);
    expect(healed.notes.map((note) => note.text)).toEqual([
      'Ignored the unknown parameter “foo”.',
      'Dropped the status “EXPLODED”: it is not a run status.',
      'Dropped the order “sideways”: showing newest first.',
    ]);
  });

  it('leaves a canonical link alone, and rewrites an old spelling without a note', () => {
    const validate = healingSearch(healRunsSearch);
    const canonical = { status: ['ERROR'], order: 'ASC' };
    expect(healLink(healRunsSearch, validate(canonical), canonical)).toEqual({
      search: canonical,
      notes: [],
      changed: false,
    });
    const old = { statuses: 'error', runId: RUN.toUpperCase() };
    expect(validate(old).healedFrom).toBeUndefined();
    expect(healLink(healRunsSearch, validate(old), old)).toEqual({
      search: { status: ['ERROR'], run: RUN },
      notes: [],
      changed: true,
    });
  });

  it('turns presets into a start date at fetch time and custom ranges into both dates', () => {
    const now = Date.parse('2026-11-20T12:00:00.000Z');
    expect(resolveRunWindow(toRunFilters({}), now)).toEqual({});
    expect(resolveRunWindow(toRunFilters({ range: '24h' }), now)).toEqual({
      startDate: '2026-11-19T12:00:00.000Z',
    });
    expect(resolveRunWindow(toRunFilters({ range: '7d' }), now)).toEqual({
      startDate: '2026-11-13T12:00:00.000Z',
    });
    expect(
      resolveRunWindow(
        toRunFilters({
          range: 'custom',
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-11-02T00:00:00.000Z',
        }),
        now,
      ),
    ).toEqual({ startDate: '2026-11-01T00:00:00.000Z', endDate: '2026-11-02T00:00:00.000Z' });
  });
});

describe('entity references', () => {
  it('extracts the id from a pasted link or log line', () => {
    expect(extractUuid(`https://console.m3ter.com/org/x/bills/${RUN.toUpperCase()}?tab=runs`)).toBe(
      RUN,
    );
    expect(extractUuid(`2026-11-20 ERROR bill=${RUN}: Stripe said no`)).toBe(RUN);
    expect(extractUuid('no id here')).toBeNull();
    // Longer hex runs are not a UUID.
    expect(extractUuid(`${RUN}abc`)).toBeNull();
  });

  it('prefers the id written after the label when the text holds several', () => {
    const ORG = '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21';
    const BILL = 'b1000007-c261-4eb0-9b77-00000000b007';
    const line = `INFO  Integration run ${RUN} started: Bill ${BILL} → Stripe (destination ${ORG})`;
    expect(extractUuid(line, 'Bill')).toBe(BILL);
    expect(extractUuid(line, 'destination')).toBe(ORG);
    expect(extractUuid(line)).toBe(RUN);
    expect(extractUuid(`https://console.m3ter.com/org/${ORG}/bills/${BILL}`, 'Bill')).toBe(BILL);
    expect(extractUuid(`billId=${BILL.toUpperCase()}&org=${ORG}`, 'Bill')).toBe(BILL);
    // No id after the label: the first one, as without a label.
    expect(extractUuid(`run ${RUN} for a Bill`, 'Bill')).toBe(RUN);
    expect(extractUuid(`Bill ${BILL}abc then ${RUN}`, 'Bill')).toBe(RUN);
  });

  it('reads entity types in any case', () => {
    expect(parseEntityType('bill')).toBe('Bill');
    expect(parseEntityType('Notifications')).toBe('Notification');
    expect(parseEntityType('Invoice')).toBeNull();
  });
});
