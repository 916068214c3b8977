import {
  ActionIcon,
  Badge,
  Burger,
  Group,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { env } from '../lib/env';
import { DemoMenu } from './demo-menu';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
        />
        <Text
          component={Link}
          to="/"
          fw={700}
          size="lg"
          style={{ textDecoration: 'none', color: 'inherit' }}
        >
          m3ter integrations
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Tooltip label={`Organisation ${env.orgId}`} withArrow>
          <Text size="sm" c="dimmed" visibleFrom="sm">
            {env.mode === 'demo' ? 'Demo organisation' : 'Organisation'} · {env.orgId.slice(0, 8)}
          </Text>
        </Tooltip>
        <Badge color={env.mode === 'demo' ? 'grape' : 'teal'} variant="filled">
          {env.mode === 'demo' ? 'Demo' : 'Live'}
        </Badge>
        <DemoMenu />
        <Tooltip label={`Switch to ${next} theme`} withArrow>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setColorScheme(next)}
            aria-label={`Switch to ${next} theme`}
          >
            <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
