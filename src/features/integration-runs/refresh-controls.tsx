import { Group, Stack, Text } from '@mantine/core';
import { BusyButton } from '../../components/busy-button';
import { AUTO_REFRESH_MAX_RUNS, AUTO_REFRESH_MS, type AutoRefresh } from './use-auto-refresh';
import classes from './refresh-controls.module.css';
import { formatCount } from '../../lib/count';
import { formatLocalClock } from '../../lib/time';

interface RefreshControlsProps {
  autoRefresh: AutoRefresh;
  inProgressCount: number;
  loadedCount: number;
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}

/** The auto-refresh switch with what it is doing now, a manual Refresh, and when the list was read. */
export function RefreshControls({
  autoRefresh,
  inProgressCount,
  loadedCount,
  updatedAt,
  fetching,
  onRefresh,
}: RefreshControlsProps) {
  let state: string;
  if (!autoRefresh.enabled) state = 'Off';
  else if (inProgressCount === 0) state = 'Idle: no run in progress';
  else if (loadedCount > AUTO_REFRESH_MAX_RUNS)
    state = `Paused: over ${formatCount(AUTO_REFRESH_MAX_RUNS)} runs loaded, use Refresh`;
  else if (autoRefresh.hidden) state = 'Paused while this tab is hidden';
  else
    state = `Every ${AUTO_REFRESH_MS / 1000} s while ${inProgressCount} ${inProgressCount === 1 ? 'run is' : 'runs are'} in progress`;
  const updated = updatedAt ? formatLocalClock(updatedAt) : '—';
  return (
    <Group gap="xs" wrap="nowrap">
      <Stack gap={0}>
        {/* A native checkbox drawn as a switch (refresh-controls.module.css): Mantine's Switch was
            2.4 kB of the first screen. The state below is beside it, not in its label, so the
            switch's name stays "Auto-refresh". */}
        <label className={classes.switch}>
          <span className={classes.control}>
            <input
              type="checkbox"
              role="switch"
              className={classes.input}
              checked={autoRefresh.enabled}
              onChange={(e) => autoRefresh.setEnabled(e.currentTarget.checked)}
            />
            <span className={classes.track} aria-hidden="true">
              <span className={classes.thumb} />
            </span>
          </span>
          Auto-refresh
        </label>
        <Text size="xs" c="dimmed">
          {state}
        </Text>
      </Stack>
      <BusyButton size="xs" variant="default" onClick={onRefresh} busy={fetching}>
        Refresh
      </BusyButton>
      <Text size="xs" c="dimmed">
        Updated {updated}
      </Text>
    </Group>
  );
}
