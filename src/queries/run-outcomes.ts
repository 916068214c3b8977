/**
 * "Failing now or failed before": for each destination of a Bill's history (or each Bill of a
 * destination's), whether its latest finished run failed, or succeeded after earlier failures. Runs
 * still in progress do not decide it (a retry waiting after an error is still failing), and only the
 * loaded runs count: a history read from the newest run backwards always knows the latest.
 */
import { statusGroupOf, type IntegrationRun } from '../api';
import { compareRuns } from './run-merge';

export const RUN_OUTCOMES = ['failing', 'resolved'] as const;
/** What the run history can be filtered by. */
export type RunOutcomeFilter = (typeof RUN_OUTCOMES)[number];

/**
 * - failing: the latest finished run failed;
 * - resolved: it succeeded, after an earlier failure;
 * - succeeding: it succeeded and no loaded run failed;
 * - stopped: a business rule stopped it (e.g. a closed period);
 * - pending: nothing has finished yet.
 */
export type RunOutcome = RunOutcomeFilter | 'succeeding' | 'stopped' | 'pending';

/** How runs are grouped: a Bill's history per destination, a destination's per Bill or Notification. */
export type OutcomeGrouping = 'destination' | 'entity';

export interface OutcomeGroup {
  key: string;
  outcome: RunOutcome;
  /** The newest run of the group, finished or not. */
  latest: IntegrationRun;
  /** The newest failed run, when there is one. */
  lastFailure?: IntegrationRun;
}

export function outcomeKey(run: IntegrationRun, grouping: OutcomeGrouping): string {
  return grouping === 'destination'
    ? (run.destinationId ?? run.destination)
    : `${run.entityType}/${run.entityId}`;
}

/** One OutcomeGroup per destination or entity among `runs` (in any order). */
export function outcomesOf(
  runs: readonly IntegrationRun[],
  grouping: OutcomeGrouping,
): Map<string, OutcomeGroup> {
  const newestFirst = [...runs].sort((a, b) => compareRuns(a, b, 'DESC'));
  const groups = new Map<string, OutcomeGroup>();
  const decided = new Set<string>();
  for (const run of newestFirst) {
    const key = outcomeKey(run, grouping);
    let group = groups.get(key);
    if (!group) {
      group = { key, outcome: 'pending', latest: run };
      groups.set(key, group);
    }
    const status = statusGroupOf(run.status);
    if (status === 'failed') group.lastFailure ??= run;
    if (decided.has(key)) {
      if (status === 'failed' && group.outcome === 'succeeding') group.outcome = 'resolved';
      continue;
    }
    if (status === 'failed') group.outcome = 'failing';
    else if (status === 'succeeded') group.outcome = 'succeeding';
    else if (status === 'stopped') group.outcome = 'stopped';
    else continue; // in progress (or an unknown status): the next finished run decides
    decided.add(key);
  }
  return groups;
}

/** The runs whose group has `outcome`, in their order. */
export function runsWithOutcome(
  runs: readonly IntegrationRun[],
  grouping: OutcomeGrouping,
  outcome: RunOutcomeFilter,
): IntegrationRun[] {
  const groups = outcomesOf(runs, grouping);
  return runs.filter((run) => groups.get(outcomeKey(run, grouping))?.outcome === outcome);
}

/** How many groups are failing now and how many recovered. */
export function countOutcomes(
  groups: ReadonlyMap<string, OutcomeGroup>,
): Record<RunOutcomeFilter, number> {
  const counts = { failing: 0, resolved: 0 };
  for (const group of groups.values()) {
    if (group.outcome === 'failing' || group.outcome === 'resolved') counts[group.outcome] += 1;
  }
  return counts;
}
