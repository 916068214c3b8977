import { Group, Text } from '@mantine/core';
import { INTEGRATION_EVENT_NAMES, type IntegrationEventName } from '../../api';
import { EVENT_COLORS } from '../../components/event-type-badge';
import { EVENT_NAME_LABELS } from '../../lib/labels';
import type { DayCounts } from './event-figures';
import classes from './events-chart.module.css';

/** The badges' colours, as chart fills. */
const fill = (name: IntegrationEventName) => `var(--mantine-color-${EVENT_COLORS[name]}-6)`;

const BAR_WIDTH = 22;
const GAP = 8;
const HEIGHT = 120;

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * Integration errors per day as stacked bars: a trend reads better than fourteen numbers. The same
 * figures are in a table below it for screen readers and for anyone who wants the numbers.
 */
export function EventsChart({ days }: { days: readonly DayCounts[] }) {
  const max = Math.max(1, ...days.map((d) => d.total));
  const width = days.length * (BAR_WIDTH + GAP);
  const total = days.reduce((sum, d) => sum + d.total, 0);
  const busiest = days.reduce<DayCounts | undefined>(
    (best, d) => (!best || d.total > best.total ? d : best),
    undefined,
  );
  const summary =
    total === 0
      ? `No integration errors in the last ${days.length} days.`
      : `${total} integration errors in the last ${days.length} days; the most on ${dayLabel(busiest?.day ?? '')} (${busiest?.total ?? 0}).`;
  return (
    <figure className={classes.figure}>
      <figcaption>
        <Text size="sm" fw={600}>
          Integration errors per day, last {days.length} days
        </Text>
        <Text size="xs" c="dimmed">
          Actioned or not, by type (UTC days)
        </Text>
      </figcaption>
      <svg
        className={classes.chart}
        viewBox={`0 0 ${width} ${HEIGHT + 18}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {days.map((d, i) => {
          let y = HEIGHT;
          const x = i * (BAR_WIDTH + GAP);
          return (
            <g key={d.day}>
              {INTEGRATION_EVENT_NAMES.map((name) => {
                const count = d.counts[name];
                if (count === 0) return null;
                const h = (count / max) * HEIGHT;
                y -= h;
                return (
                  <rect key={name} x={x} y={y} width={BAR_WIDTH} height={h} fill={fill(name)}>
                    <title>{`${dayLabel(d.day)}: ${count} × ${EVENT_NAME_LABELS[name]}`}</title>
                  </rect>
                );
              })}
              {i % 2 === days.length % 2 ? null : (
                <text x={x + BAR_WIDTH / 2} y={HEIGHT + 14} className={classes.axis}>
                  {dayLabel(d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Group gap="md" component="ul" className={classes.legend}>
        {INTEGRATION_EVENT_NAMES.map((name) => (
          <li key={name}>
            <span className={classes.swatch} style={{ background: fill(name) }} />
            {EVENT_NAME_LABELS[name]}
          </li>
        ))}
      </Group>
      <details className={classes.details}>
        <summary>The numbers per day</summary>
        <table className={classes.table}>
          <caption className={classes.caption}>Integration errors per day and type</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {INTEGRATION_EVENT_NAMES.map((name) => (
                <th scope="col" key={name}>
                  {EVENT_NAME_LABELS[name]}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{dayLabel(d.day)}</th>
                {INTEGRATION_EVENT_NAMES.map((name) => (
                  <td key={name}>{d.counts[name]}</td>
                ))}
                <td>{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
