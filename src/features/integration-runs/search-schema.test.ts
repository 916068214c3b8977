import { describe, expect, it } from 'vitest';
import { resolveRunWindow } from '../../queries/runs';
import { extractUuid, parseEntityType } from './entity-ref';
import {
  healNotesState,
  healRunsLink,
  healRunsSearch,
  isCanonicalSearch,
  readHealNotes,
  toRunFilters,
  validateRunsSearch,
} from './search-schema';

const RUN = '0b0e4c3a-1d2f-4a5b-8c6d-7e8f9a0b1c2d';

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
    expect(isCanonicalSearch(raw, search)).toBe(true);
    expect(healRunsSearch({})).toEqual({ search: {}, notes: [] });
  });

  it('reads hand-written statuses (comma list, any case), orders them and drops repeats', () => {
    const { search, notes } = healRunsSearch({ status: 'auth_failed, error,ERROR' });
    expect(search.status).toEqual(['ERROR', 'AUTH_FAILED']);
    expect(notes).toEqual([]);
    expect(isCanonicalSearch({ status: 'auth_failed, error,ERROR' }, search)).toBe(false);
  });

  it('drops what it cannot use and says so, keeping the rest', () => {
    const { search, notes } = healRunsSearch({
      status: ['ERROR', 'EXPLODED', 7],
      range: 'fortnight',
      tz: 'mars',
      order: 'sideways',
      run: 'not-a-run',
      page: 3,
    });
    expect(search).toEqual({ status: ['ERROR'] });
    expect(notes).toEqual([
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
    expect(healRunsSearch({ range: 'custom', from: '2026-11-01', to: 'yesterday' })).toEqual({
      search: { range: 'custom', from: '2026-11-01T00:00:00.000Z' },
      notes: ['Dropped the to date “yesterday”: it is not a date.'],
    });
    expect(
      healRunsSearch({ range: 'custom', from: '2026-11-10T00:00:00Z', to: '2026-11-01T00:00:00Z' }),
    ).toEqual({
      search: {},
      notes: ['Dropped the custom dates: the start was after the end. Showing any time.'],
    });
    expect(healRunsSearch({ range: 'custom' }).notes).toEqual([
      'Dropped the custom range: it had no usable dates. Showing any time.',
    ]);
    expect(healRunsSearch({ range: '24h', from: '2026-11-01' })).toEqual({
      search: { range: '24h' },
      notes: ['Dropped the from/to dates: they only apply to a custom range.'],
    });
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
    for (const raw of [
      { status: null },
      { status: { a: 1 } },
      { from: 5, range: 'custom' },
      { run: [RUN] },
    ]) {
      expect(() => validateRunsSearch(raw as Record<string, unknown>)).not.toThrow();
    }
  });

  it('keeps a bad link as it was given until beforeLoad has said what it lost', () => {
    const raw = { status: 'ERROR,EXPLODED', order: 'sideways', foo: '1' };
    // The router's first rewrite: the validated search over the raw one, unknown keys kept.
    const first = validateRunsSearch(raw);
    expect(first.healedFrom).toEqual(raw);
    const rewritten = Object.fromEntries(
      Object.entries({ ...raw, ...first }).filter(([, value]) => value !== undefined),
    );
    expect(rewritten).toEqual({ status: ['ERROR'], foo: '1', healedFrom: raw });
    // Validated again, the rewritten URL still names the first, complete link.
    const second = validateRunsSearch(rewritten);
    expect(second.healedFrom).toEqual(raw);

    const healed = healRunsLink({ ...second, foo: '1' } as typeof second, rewritten);
    expect(healed).toEqual({
      search: { status: ['ERROR'] },
      notes: [
        'Ignored the unknown parameter “foo”.',
        'Dropped the status “EXPLODED”: it is not a run status.',
        'Dropped the order “sideways”: showing newest first.',
      ],
      changed: true,
    });
    expect(healNotesState(healed.notes)).toEqual({ runHistoryHealNotes: healed.notes });
  });

  it('leaves a canonical link alone, and rewrites an old spelling without a note', () => {
    const canonical = { status: ['ERROR'], order: 'ASC' };
    expect(validateRunsSearch(canonical).healedFrom).toBeUndefined();
    expect(healRunsLink(validateRunsSearch(canonical), canonical)).toEqual({
      search: canonical,
      notes: [],
      changed: false,
    });
    const old = { statuses: 'error', runId: RUN.toUpperCase() };
    expect(validateRunsSearch(old).healedFrom).toBeUndefined();
    expect(healRunsLink(validateRunsSearch(old), old)).toEqual({
      search: { status: ['ERROR'], run: RUN },
      notes: [],
      changed: true,
    });
    expect(healNotesState([])).toBeUndefined();
  });

  it('reads the notes of a history entry without trusting them', () => {
    expect(readHealNotes(undefined)).toEqual([]);
    expect(readHealNotes(['Dropped the order “x”: showing newest first.'])).toEqual([
      'Dropped the order “x”: showing newest first.',
    ]);
    expect(readHealNotes('not a list')).toEqual([]);
    expect(readHealNotes([1, 2])).toEqual([]);
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
