import type { CSSProperties } from 'react';
import { statusGroupOf, RUN_STATUS_GROUPS, type RunStatus, type RunStatusGroupId } from '../api';
import classes from './status-badge.module.css';

/** One colour per group (docs/m3ter-api.md Decision 9), shown as the badge's dot; an unknown status is grey. */
export const STATUS_GROUP_COLORS: Record<RunStatusGroupId | 'unknown', string> = {
  'in-progress': 'blue',
  succeeded: 'teal',
  failed: 'red',
  stopped: 'orange',
  unknown: 'gray',
};

export function statusGroupLabel(group: RunStatusGroupId | 'unknown'): string {
  return RUN_STATUS_GROUPS.find((g) => g.id === group)?.label ?? 'Other';
}

/** `AUTH_FAILED` → "Auth failed"; an unknown status is shown as m3ter sent it. */
export function statusLabel(status: RunStatus): string {
  if (statusGroupOf(status) === 'unknown') return status;
  const words = status.toLowerCase().split('_');
  return words.join(' ').replace(/^./, (c) => c.toUpperCase());
}

interface StatusBadgeProps {
  status: RunStatus;
  size?: 'sm' | 'lg';
}

/**
 * A run status: the words carry the meaning (colour only groups them: STATUS_GROUP_COLORS, as the dot
 * of status-badge.module.css), and the exact m3ter value and group are in the title for support tickets.
 */
export function StatusBadge({ status, size = 'sm' }: StatusBadgeProps) {
  const group = statusGroupOf(status);
  return (
    <span
      className={classes.badge}
      data-size={size}
      title={`${status} · ${group === 'unknown' ? 'status not known to this console' : statusGroupLabel(group)}`}
      data-status-group={group}
      style={
        {
          '--badge-dot-color': `var(--mantine-color-${STATUS_GROUP_COLORS[group]}-filled)`,
        } as CSSProperties
      }
    >
      {statusLabel(status)}
    </span>
  );
}
