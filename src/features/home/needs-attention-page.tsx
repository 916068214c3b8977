import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AttentionConfigs } from './attention-configs';
import { AttentionEvents } from './attention-events';
import { DestinationHealth } from './destination-health';

/**
 * The landing page: what is failing now, each figure a link to the list behind it. Every card loads
 * (and fails, with its own Retry) on its own, so one slow or broken endpoint leaves the rest useful.
 */
export function NeedsAttentionPage() {
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Needs attention
        </Title>
        <Text c="dimmed" size="sm">
          What is failing now across this organisation’s m3ter integrations.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <AttentionEvents />
        <Stack gap="lg">
          <AttentionConfigs />
          <DestinationHealth />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
