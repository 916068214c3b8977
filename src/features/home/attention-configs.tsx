import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { IntegrationConfig } from '../../api';
import { QueryState } from '../../components/query-state';
import { AnchorLink } from '../../components/router-links';
import { configLabel } from '../../lib/labels';
import { configQueries } from '../../queries/configs';
import { HealthBadges } from '../../components/health-badges';

/** How many configs the card names before "show all". */
const SHOWN = 6;

/** Configs m3ter will not send through: disabled (auto-disabled after failures) or not authorised. */
function stuckConfigs(configs: readonly IntegrationConfig[]): IntegrationConfig[] {
  return configs.filter((c) => c.enabled === false || c.authorized === false);
}

/** "Configurations that cannot send", with links to each and to the filtered list. */
export function AttentionConfigs() {
  const query = useQuery(configQueries.list());
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="attention-configs">
      <Stack gap="sm">
        <Title order={2} size="h4" id="attention-configs">
          Configurations that cannot send
        </Title>
        <QueryState query={query} what="the integration configurations">
          {(list) => <StuckConfigList configs={list.items} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function StuckConfigList({ configs }: { configs: readonly IntegrationConfig[] }) {
  const stuck = stuckConfigs(configs);
  const disabled = configs.filter((c) => c.enabled === false).length;
  const unauthorized = configs.filter((c) => c.authorized === false).length;
  if (stuck.length === 0) {
    return <Text size="sm">All {configs.length} configurations are enabled and authorised.</Text>;
  }
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <AnchorLink to="/configs" search={{ state: 'disabled' }} size="sm" fw={600}>
          {disabled} disabled
        </AnchorLink>
        <AnchorLink to="/configs" search={{ state: 'unauthorized' }} size="sm" fw={600}>
          {unauthorized} not authorised
        </AnchorLink>
      </Group>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {stuck.slice(0, SHOWN).map((config) => (
          <Group component="li" key={config.id} gap="sm" wrap="wrap" justify="space-between">
            <Stack gap={0}>
              <AnchorLink to="/configs/$id" params={{ id: config.id }} size="sm">
                {configLabel(config)}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {config.entityType} → {config.destination}
              </Text>
            </Stack>
            <HealthBadges config={config} />
          </Group>
        ))}
      </Stack>
      {stuck.length > SHOWN ? (
        <Text size="xs" c="dimmed">
          and {stuck.length - SHOWN} more: see the lists above.
        </Text>
      ) : null}
    </Stack>
  );
}
