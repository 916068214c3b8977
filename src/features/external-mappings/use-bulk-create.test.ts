import { describe, expect, it } from 'vitest';
import type { ExternalMapping } from '../../api';
import { planBulkRun, type BulkCheck } from './bulk-plan';
import { parseBulkCsv, rowsToCsv, validateBulkRows } from './bulk-rows';
import {
  bulkCreateReducer,
  finalOutcomes,
  initialBulkCreateState,
  type BulkCreateAction,
  type BulkCreateState,
} from './use-bulk-create';

const A = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const B = '4f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const TEXT = [
  'm3terEntity,m3terId,externalSystem,externalTable,externalId',
  `Account,${A},Stripe,Customer,cus_A`,
  'Account,not-an-id,Stripe,Customer,cus_X',
  `Account,${B},Stripe,Customer,cus_B`,
].join('\n');

function check(text = TEXT): BulkCheck {
  const parsed = parseBulkCsv(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const rows = validateBulkRows(parsed.rows, { configuration: undefined, configs: undefined });
  return { text, rows, ignoredColumns: [], existing: new Map(), existingTruncated: false };
}

const created = (id: string): ExternalMapping => ({
  id,
  m3terEntity: 'Account',
  m3terId: A,
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: id,
});

const run = (state: BulkCreateState, ...actions: BulkCreateAction[]) =>
  actions.reduce(bulkCreateReducer, state);

function checkedState(): BulkCreateState {
  return run(
    initialBulkCreateState(TEXT),
    { type: 'check-started' },
    { type: 'check-succeeded', checked: check() },
  );
}

function startedState(): BulkCreateState {
  const state = checkedState();
  const plan = planBulkRun(state.checked!, state.includeDuplicates);
  return bulkCreateReducer(state, { type: 'run-started', plan });
}

describe('bulkCreateReducer', () => {
  it('says whether the text was restored from a draft', () => {
    expect(initialBulkCreateState('').restored).toBe(false);
    expect(initialBulkCreateState(TEXT).restored).toBe(true);
    // Kept for the visit: clearing the text does not take the note back.
    expect(run(initialBulkCreateState(TEXT), { type: 'cleared' }).restored).toBe(true);
  });

  it('checks: a new check drops the last result, error and run; it ends in a result or an error', () => {
    const failed = run(startedState(), { type: 'run-crashed', error: new Error('bug') });
    const checking = bulkCreateReducer(failed, { type: 'check-started' });
    expect(checking).toMatchObject({ checking: true, checked: null, run: null, error: null });

    const done = bulkCreateReducer(checking, { type: 'check-succeeded', checked: check() });
    expect(done).toMatchObject({ checking: false, checked: { text: TEXT } });

    const error = new Error('offline');
    expect(bulkCreateReducer(checking, { type: 'check-failed', error })).toMatchObject({
      checking: false,
      error,
      checked: null,
    });
  });

  it('refuses CSV that cannot be used at the text box, dropping the last check', () => {
    const state = run(checkedState(), { type: 'parse-failed', message: 'The CSV is empty.' });
    expect(state).toMatchObject({ parseError: 'The CSV is empty.', checked: null, run: null });
  });

  it('keeps the check after an edit (it is stale by its text), but not after an upload or Clear', () => {
    const edited = bulkCreateReducer(checkedState(), { type: 'edited', text: `${TEXT}\n` });
    expect(edited.checked?.text).toBe(TEXT);
    expect(edited.text).toBe(`${TEXT}\n`);

    const uploaded = run(
      checkedState(),
      { type: 'upload-failed', message: 'Could not read a.csv.' },
      { type: 'uploaded', text: 'x' },
    );
    expect(uploaded).toMatchObject({ text: 'x', checked: null, parseError: null });
    expect(bulkCreateReducer(checkedState(), { type: 'cleared' })).toMatchObject({
      text: '',
      checked: null,
    });
  });

  it('starts a run with the skipped rows already reported, and only after a check', () => {
    const state = startedState();
    expect(state.run).toMatchObject({ sent: 2, finished: false, stopped: false });
    expect(state.run?.rows).toBe(state.checked?.rows);
    expect([...(state.run?.progress.keys() ?? [])]).toEqual([3]);

    const unchecked = initialBulkCreateState(TEXT);
    const plan = planBulkRun(check(), false);
    expect(bulkCreateReducer(unchecked, { type: 'run-started', plan })).toBe(unchecked);
  });

  it('follows each row, then takes the runner’s outcomes as final', () => {
    const started = startedState();
    const sending = bulkCreateReducer(started, {
      type: 'row-progressed',
      row: 2,
      progress: { status: 'sending' },
    });
    // A new map each time, so React sees the change.
    expect(sending.run?.progress).not.toBe(started.run?.progress);
    expect(sending.run?.progress.get(2)).toEqual({ status: 'sending' });

    const finished = bulkCreateReducer(sending, {
      type: 'run-finished',
      result: {
        outcomes: new Map([
          [2, { status: 'created', mapping: created('m-2') }],
          [4, { status: 'not-sent', message: 'Stopped' }],
        ]),
        stopped: true,
      },
    });
    expect(finished.run).toMatchObject({ finished: true, stopped: true });
    expect(finished.run?.progress.get(2)).toMatchObject({ status: 'created' });
    expect(finished.run?.progress.get(3)).toMatchObject({ status: 'skipped' });
  });

  it('ends a run that threw, saying so, instead of leaving it running', () => {
    const error = new Error('bug');
    const state = run(startedState(), { type: 'stop-requested' }, { type: 'run-crashed', error });
    expect(state).toMatchObject({ error, stopping: true, run: { finished: true } });
    // A new run is not stopping.
    const plan = planBulkRun(state.checked!, false);
    expect(bulkCreateReducer(state, { type: 'run-started', plan }).stopping).toBe(false);
  });

  it('puts the rows not created back into the editor, or starts over', () => {
    const state = startedState();
    const rows = state.checked!.rows.slice(1);
    expect(bulkCreateReducer(state, { type: 'rows-retried', rows })).toMatchObject({
      text: rowsToCsv(rows),
      checked: null,
      run: null,
    });
    expect(bulkCreateReducer(state, { type: 'started-over' })).toMatchObject({
      text: '',
      checked: null,
      run: null,
    });
  });
});

describe('finalOutcomes', () => {
  it('leaves out rows still sending or waiting', () => {
    const state = run(
      startedState(),
      { type: 'row-progressed', row: 2, progress: { status: 'sending' } },
      { type: 'row-progressed', row: 4, progress: { status: 'waiting', attempt: 1, untilMs: 5 } },
    );
    expect([...finalOutcomes(state.run!).keys()]).toEqual([3]);
  });
});
