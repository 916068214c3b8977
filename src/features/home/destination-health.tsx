import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state';
import { QueryState } from '../../components/query-state';
import { AnchorLink } from '../../components/router-links';
import { READABLE_TEXT } from '../../components/readable';
import { countOutcomes, outcomesOf } from '../../queries/run-outcomes';
import { configQueries, type KnownDestination } from '../../queries/configs';
import { runQueries } from '../../queries/runs';

/** Per destination: are its latest runs failing now, or did it recover? */
export function DestinationHealth() {
  const query = useQuery(configQueries.destinations());
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="attention-destinations"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="attention-destinations">
            Destinations
          </Title>
          <Text size="xs" c="dimmed">
            From each destination’s latest 100 runs: a Bill or Notification is failing now when its
            latest finished run there failed, and recovered when it succeeded after a failure.
          </Text>
        </div>
        <QueryState query={query} what="the destinations">
          {({ destinations }) =>
            destinations.length === 0 ? (
              <Text size="sm">No configuration sends to a destination yet.</Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                {destinations.map((d) => (
                  <DestinationRow key={d.destinationId} destination={d} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

function DestinationRow({ destination }: { destination: KnownDestination }) {
  const query = useQuery(runQueries.recentForDestination(destination.destinationId));
  const { destinationId } = destination;
  const name = (
    <Stack gap={0}>
      <AnchorLink to="/runs/destination/$destinationId" params={{ destinationId }} size="sm">
        {destination.destination}
      </AnchorLink>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {destination.configNames.join(', ') || destinationId}
      </Text>
    </Stack>
  );
  let state;
  if (query.isPending) {
    state = <Skeleton height={20} width={160} role="status" aria-label="Loading its runs" />;
  } else if (query.isError) {
    state = (
      <ErrorState
        error={query.error}
        title={`Could not load ${destination.destination}’s runs`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else {
    const runs = query.data.data;
    const counts = countOutcomes(outcomesOf(runs, 'entity'));
    state =
      runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          No runs yet
        </Text>
      ) : (
        <Group gap="sm">
          {counts.failing > 0 ? (
            <AnchorLink
              to="/runs/destination/$destinationId"
              params={{ destinationId }}
              search={{ outcome: 'failing' }}
              size="sm"
              aria-label={`${destination.destination}: ${counts.failing} failing now`}
            >
              <Badge color="red" variant="light" c={READABLE_TEXT} tt="none" component="span">
                Failing now: {counts.failing}
              </Badge>
            </AnchorLink>
          ) : null}
          {counts.resolved > 0 ? (
            <AnchorLink
              to="/runs/destination/$destinationId"
              params={{ destinationId }}
              search={{ outcome: 'resolved' }}
              size="sm"
              aria-label={`${destination.destination}: ${counts.resolved} recovered`}
            >
              <Badge color="teal" variant="light" c={READABLE_TEXT} tt="none" component="span">
                Recovered: {counts.resolved}
              </Badge>
            </AnchorLink>
          ) : null}
          {counts.failing === 0 && counts.resolved === 0 ? (
            <Text size="sm">No failures</Text>
          ) : null}
        </Group>
      );
  }
  return (
    <Group component="li" justify="space-between" wrap="wrap" gap="sm">
      {name}
      {state}
    </Group>
  );
}
