import { Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { IntegrationRun } from '../../api';
import { ChoiceGroup } from '../../components/choice-group';
import {
  countOutcomes,
  type OutcomeGroup,
  type OutcomeGrouping,
  type RunOutcome,
  type RunOutcomeFilter,
} from '../../queries/run-outcomes';
import classes from './run-outcomes-panel.module.css';

const OUTCOME_WORDS: Record<RunOutcome, string> = {
  failing: 'failing now',
  resolved: 'resolved (failed before)',
  succeeding: 'succeeding',
  stopped: 'stopped by a business rule',
  pending: 'in progress',
};

const CHOICES: ReadonlyArray<{ value: RunOutcomeFilter | 'all'; label: string }> = [
  { value: 'all', label: 'All runs' },
  { value: 'failing', label: 'Failing now' },
  { value: 'resolved', label: 'Resolved' },
];

interface RunOutcomesPanelProps {
  groups: ReadonlyMap<string, OutcomeGroup>;
  grouping: OutcomeGrouping;
  value: RunOutcomeFilter | undefined;
  onChange: (value: RunOutcomeFilter | undefined) => void;
  /** More runs exist than are loaded: older failures may not be counted. */
  partial: boolean;
}

function groupName(run: IntegrationRun, grouping: OutcomeGrouping): string {
  return grouping === 'destination'
    ? run.destination || 'Unnamed destination'
    : `${run.entityType} ${run.entityId.slice(0, 8)}…`;
}

/**
 * "Failing now or failed before": in a Bill's history, each destination's state; in a destination's,
 * how many Bills are failing now and how many recovered. The filter keeps the runs of one kind.
 */
export function RunOutcomesPanel({
  groups,
  grouping,
  value,
  onChange,
  partial,
}: RunOutcomesPanelProps) {
  const labelId = useId();
  const counts = countOutcomes(groups);
  const unit = grouping === 'destination' ? 'destination' : 'Bill or Notification';
  const units = grouping === 'destination' ? 'destinations' : 'Bills or Notifications';
  return (
    <Stack gap={6} className={classes.panel}>
      <Group gap="md" wrap="wrap" align="center">
        <Text size="sm" fw={600} id={labelId}>
          Latest outcome
        </Text>
        <ChoiceGroup
          aria-labelledby={labelId}
          value={value ?? 'all'}
          data={CHOICES.map((c) =>
            c.value === 'all' ? c : { ...c, label: `${c.label} (${counts[c.value]})` },
          )}
          onChange={(next) => onChange(next === 'all' ? undefined : next)}
        />
      </Group>
      {grouping === 'destination' ? (
        <ul className={classes.list} aria-label="Latest outcome per destination">
          {[...groups.values()].map((group) => (
            <li key={group.key} data-outcome={group.outcome}>
              <span className={classes.dot} aria-hidden />
              <span>
                <strong>{groupName(group.latest, grouping)}</strong>: {OUTCOME_WORDS[group.outcome]}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm">
          {counts.failing} {counts.failing === 1 ? unit : units} failing now, {counts.resolved}{' '}
          resolved after failing, of {groups.size} in the loaded runs.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Failing now: the latest finished run failed (a retry may be waiting). Resolved: it succeeded
        after a failure.
        {partial ? ' Counted over the loaded runs; load more to include older ones.' : ''}
      </Text>
    </Stack>
  );
}
