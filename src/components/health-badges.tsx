import { Badge, Group } from '@mantine/core';
import type { IntegrationConfig } from '../api';
import { READABLE_TEXT } from './readable';

/** Enabled/Disabled and Authorized/Not authorized, in words (colour only groups them). */
export function HealthBadges({ config }: { config: IntegrationConfig }) {
  return (
    <Group gap={6}>
      {config.enabled !== undefined ? (
        <Badge color={config.enabled ? 'teal' : 'red'} variant="light" c={READABLE_TEXT} tt="none">
          {config.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
      ) : null}
      {config.authorized !== undefined ? (
        <Badge
          color={config.authorized ? 'teal' : 'orange'}
          variant="light"
          c={READABLE_TEXT}
          tt="none"
        >
          {config.authorized ? 'Authorized' : 'Not authorized'}
        </Badge>
      ) : null}
    </Group>
  );
}
