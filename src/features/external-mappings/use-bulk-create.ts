/**
 * The bulk create screen's state machine: edit the CSV → check the rows → run → report. One reducer,
 * so every step says in one place what it resets (a new check drops the last run; an edit after a
 * check only marks the check stale).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { z } from 'zod/mini';
import { isUuid } from '../../api';
import { discardDraft, loadDraft, saveDraft, type DraftRef } from '../../lib/drafts';
import { mappingQueries, useBulkCreateMappings } from '../../queries/mappings';
import { planBulkRun, type BulkCheck, type BulkPlan } from './bulk-plan';
import {
  findExistingDuplicates,
  parseBulkCsv,
  rowsToCsv,
  validateBulkRows,
  type BulkOutcome,
  type BulkRow,
} from './bulk-rows';
import { runBulkCreate, type BulkRowProgress, type BulkRunResult } from './bulk-runner';
import { toCreateRequest } from './mapping-form-values';
import type { MappingRuleContext } from './mapping-rules';

const DRAFT: DraftRef = { entity: 'external-mapping-bulk', id: 'new' };
const draftSchema = z.object({ text: z.string() });

export interface BulkRun {
  rows: BulkRow[];
  progress: Map<number, BulkRowProgress>;
  /** Total rows sent to m3ter in this run. */
  sent: number;
  finished: boolean;
  stopped: boolean;
}

export interface BulkCreateState {
  /** The CSV as typed or uploaded; kept as a draft across reloads. */
  text: string;
  /** The text is a draft from an earlier visit. */
  restored: boolean;
  /** The CSV as a whole cannot be used (or the file not read); shown at the text box. */
  parseError: string | null;
  checking: boolean;
  /** The check against m3ter failed, or the run threw (a bug guard). */
  error: unknown;
  checked: BulkCheck | null;
  includeDuplicates: boolean;
  run: BulkRun | null;
  stopping: boolean;
}

export type BulkCreateAction =
  | { type: 'edited'; text: string }
  | { type: 'uploaded'; text: string }
  | { type: 'upload-failed'; message: string }
  | { type: 'cleared' }
  | { type: 'parse-failed'; message: string }
  | { type: 'check-started' }
  | { type: 'check-succeeded'; checked: BulkCheck }
  | { type: 'check-failed'; error: unknown }
  | { type: 'duplicates-included'; include: boolean }
  | { type: 'run-started'; plan: BulkPlan }
  | { type: 'row-progressed'; row: number; progress: BulkRowProgress }
  | { type: 'run-finished'; result: BulkRunResult }
  | { type: 'run-crashed'; error: unknown }
  | { type: 'stop-requested' }
  | { type: 'rows-retried'; rows: readonly BulkRow[] }
  | { type: 'started-over' };

export function initialBulkCreateState(text: string): BulkCreateState {
  return {
    text,
    restored: text !== '',
    parseError: null,
    checking: false,
    error: null,
    checked: null,
    includeDuplicates: false,
    run: null,
    stopping: false,
  };
}

function withRun(state: BulkCreateState, update: (run: BulkRun) => BulkRun): BulkCreateState {
  return state.run ? { ...state, run: update(state.run) } : state;
}

export function bulkCreateReducer(
  state: BulkCreateState,
  action: BulkCreateAction,
): BulkCreateState {
  switch (action.type) {
    case 'edited':
      // The check stays, marked stale by its text: the user sees what the edit invalidated.
      return { ...state, text: action.text };
    case 'uploaded':
      return { ...state, text: action.text, checked: null, parseError: null };
    case 'upload-failed':
      return { ...state, parseError: action.message };
    case 'cleared':
      return { ...state, text: '', checked: null, parseError: null };
    case 'parse-failed':
      return { ...state, parseError: action.message, error: null, checked: null, run: null };
    case 'check-started':
      return { ...state, parseError: null, error: null, checked: null, run: null, checking: true };
    case 'check-succeeded':
      return { ...state, checked: action.checked, checking: false };
    case 'check-failed':
      return { ...state, error: action.error, checking: false };
    case 'duplicates-included':
      return { ...state, includeDuplicates: action.include };
    case 'run-started':
      if (!state.checked) return state;
      return {
        ...state,
        stopping: false,
        run: {
          rows: state.checked.rows,
          progress: new Map<number, BulkRowProgress>(action.plan.skipped),
          sent: action.plan.toSend.length,
          finished: false,
          stopped: false,
        },
      };
    case 'row-progressed':
      return withRun(state, (run) => {
        const progress = new Map(run.progress);
        progress.set(action.row, action.progress);
        return { ...run, progress };
      });
    case 'run-finished':
      return withRun(state, (run) => {
        const progress = new Map(run.progress);
        for (const [row, outcome] of action.result.outcomes) progress.set(row, outcome);
        return { ...run, progress, finished: true, stopped: action.result.stopped };
      });
    case 'run-crashed':
      return withRun({ ...state, error: action.error }, (run) => ({ ...run, finished: true }));
    case 'stop-requested':
      return { ...state, stopping: true };
    case 'rows-retried':
      return { ...state, text: rowsToCsv(action.rows), checked: null, run: null };
    case 'started-over':
      return { ...state, text: '', checked: null, run: null };
  }
}

/** What happened to each row of a finished run: rows still sending or waiting have no outcome. */
export function finalOutcomes(run: BulkRun): Map<number, BulkOutcome> {
  const outcomes = new Map<number, BulkOutcome>();
  for (const [row, state] of run.progress) {
    if (state.status === 'sending' || state.status === 'waiting') continue;
    outcomes.set(row, state);
  }
  return outcomes;
}

/**
 * The bulk create screen's state and steps. `context` (entities, systems, tables, configs) checks the
 * rows; without it they are checked with the rules that need no lists.
 */
export function useBulkCreate(context: MappingRuleContext) {
  const queryClient = useQueryClient();
  const bulk = useBulkCreateMappings<BulkRunResult>();
  const [state, dispatch] = useReducer(bulkCreateReducer, undefined, () =>
    initialBulkCreateState(loadDraft(DRAFT, draftSchema)?.values.text ?? ''),
  );
  const stopRef = useRef<AbortController | null>(null);
  const { text, checked, includeDuplicates, run } = state;

  useEffect(() => {
    if (text === '') discardDraft(DRAFT);
    else saveDraft(DRAFT, { values: { text }, base: { text: '' }, version: undefined });
  }, [text]);

  const plan = useMemo(
    () => (checked ? planBulkRun(checked, includeDuplicates) : null),
    [checked, includeDuplicates],
  );
  const outcomes = useMemo(() => (run?.finished ? finalOutcomes(run) : null), [run]);
  const running = run !== null && !run.finished;
  const stale = checked !== null && checked.text !== text;

  const check = async () => {
    const parsed = parseBulkCsv(text);
    if (!parsed.ok) {
      dispatch({ type: 'parse-failed', message: parsed.error });
      return;
    }
    const rows = validateBulkRows(parsed.rows, context);
    const ids = [
      ...new Set(rows.map((r) => r.values.m3terId.toLowerCase()).filter((id) => isUuid(id))),
    ];
    dispatch({ type: 'check-started' });
    try {
      const existing = await queryClient.fetchQuery({
        ...mappingQueries.existingForIds(ids),
        staleTime: 0,
      });
      dispatch({
        type: 'check-succeeded',
        checked: {
          text,
          rows,
          ignoredColumns: parsed.ignoredColumns,
          existing: findExistingDuplicates(rows, existing.items),
          existingTruncated: existing.truncated,
        },
      });
    } catch (error) {
      dispatch({ type: 'check-failed', error });
    }
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      dispatch({ type: 'uploaded', text: await file.text() });
    } catch {
      dispatch({ type: 'upload-failed', message: `Could not read ${file.name}.` });
    }
  };

  const start = async () => {
    if (!checked || !plan || running) return;
    const controller = new AbortController();
    stopRef.current = controller;
    dispatch({ type: 'run-started', plan });
    try {
      const jobs = plan.toSend.map((row) => ({ row: row.row, item: toCreateRequest(row.values) }));
      const result = await bulk.mutateAsync((create) =>
        runBulkCreate(jobs, create, {
          signal: controller.signal,
          onProgress: (row, progress) => dispatch({ type: 'row-progressed', row, progress }),
        }),
      );
      dispatch({ type: 'run-finished', result });
    } catch (error) {
      // The runner reports each row and does not reject; this is a bug guard, said plainly.
      dispatch({ type: 'run-crashed', error });
    } finally {
      stopRef.current = null;
    }
  };

  /** Sends no further rows; rows already sent finish and are reported (see bulk-runner). */
  const stop = () => {
    stopRef.current?.abort();
    dispatch({ type: 'stop-requested' });
  };

  return {
    state,
    plan,
    outcomes,
    running,
    /** The CSV changed after the check: check again before creating. */
    stale,
    edit: (next: string) => dispatch({ type: 'edited', text: next }),
    upload,
    clear: () => dispatch({ type: 'cleared' }),
    check,
    includeDuplicates: (include: boolean) => dispatch({ type: 'duplicates-included', include }),
    start,
    stop,
    retryRows: (rows: readonly BulkRow[]) => dispatch({ type: 'rows-retried', rows }),
    startOver: () => dispatch({ type: 'started-over' }),
  };
}
