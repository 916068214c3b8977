import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state';
import { AnchorLink } from '../../components/router-links';
import { EVENT_NAME_LABELS } from '../../lib/labels';
import { eventQueries, RECENT_DAYS, type RecentEvents } from '../../queries/events';
import { eventsPerDay, unactionedCounts } from './event-figures';
import { EventsChart } from './events-chart';
import classes from './attention.module.css';

/** Integration errors nobody has actioned yet, per type over 24 hours and 7 days, and the trend. */
export function AttentionEvents() {
  const query = useQuery(eventQueries.recent());
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="attention-events">
      <Stack gap="sm">
        <Title order={2} size="h4" id="attention-events">
          Integration errors not yet actioned
        </Title>
        <QueryState query={query} what="the integration events">
          {(recent) => <EventFigures recent={recent} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function EventFigures({ recent }: { recent: RecentEvents }) {
  const rows = unactionedCounts(recent.events, recent.readAt);
  const total = rows.reduce(
    (sum, r) => ({ last24h: sum.last24h + r.last24h, last7d: sum.last7d + r.last7d }),
    { last24h: 0, last7d: 0 },
  );
  return (
    <Stack gap="md">
      <table className={classes.figures}>
        <caption className={classes.caption}>Each figure opens the events behind it.</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Last 24 h</th>
            <th scope="col">Last 7 days</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{EVENT_NAME_LABELS[row.name]}</th>
              <td>
                <Figure count={row.last24h} eventName={row.name} range="24h" />
              </td>
              <td>
                <Figure count={row.last7d} eventName={row.name} range="7d" />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All integration errors</th>
            <td>
              <Figure count={total.last24h} range="24h" />
            </td>
            <td>
              <Figure count={total.last7d} range="7d" />
            </td>
          </tr>
        </tfoot>
      </table>
      {recent.truncated ? (
        <Text size="xs" c="dimmed">
          Counted from the newest {recent.events.length} events: m3ter has more in these{' '}
          {RECENT_DAYS} days than this page reads.
        </Text>
      ) : null}
      <EventsChart days={eventsPerDay(recent.events, recent.readAt, RECENT_DAYS)} />
    </Stack>
  );
}

function Figure({
  count,
  eventName,
  range,
}: {
  count: number;
  eventName?: keyof typeof EVENT_NAME_LABELS;
  range: '24h' | '7d';
}) {
  const what = eventName ? EVENT_NAME_LABELS[eventName].toLowerCase() : 'integration error';
  const when = range === '24h' ? 'in the last 24 hours' : 'in the last 7 days';
  return (
    <AnchorLink
      to="/events"
      search={{ ...(eventName ? { eventName } : {}), range }}
      aria-label={`${count} unactioned ${what}${count === 1 ? '' : 's'} ${when}`}
      fw={count > 0 ? 700 : 400}
      c={count > 0 ? undefined : 'dimmed'}
    >
      {count}
    </AnchorLink>
  );
}
