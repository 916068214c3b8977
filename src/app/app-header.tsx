import {
  ActionIcon,
  Badge,
  Burger,
  Group,
  Text,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { env } from '../env';
import { lazy, Suspense } from 'react';
import { useDemoControls } from './demo-context';

// Demo-only UI (modals, sliders, number inputs) stays out of the entry chunk.
const DemoMenu = lazy(() => import('./demo-menu').then((m) => ({ default: m.DemoMenu })));

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const demo = useDemoControls();
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
        <Text size="sm" c="dimmed" visibleFrom="sm" title={`Organisation ${env.orgId}`}>
          {env.mode === 'demo' ? 'Demo organisation' : 'Organisation'} · {env.orgId.slice(0, 8)}
        </Text>
        <Badge color={env.mode === 'demo' ? 'grape' : 'teal'} variant="filled">
          {env.mode === 'demo' ? 'Demo' : 'Live'}
        </Badge>
        {demo ? (
          <Suspense fallback={null}>
            <DemoMenu />
          </Suspense>
        ) : null}
        {/* A native title, not Mantine's Tooltip: keeps floating-ui out of the entry chunk. */}
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => setColorScheme(next)}
          aria-label={`Switch to ${next} theme`}
          title={`Switch to ${next} theme`}
        >
          <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
        </ActionIcon>
      </Group>
    </Group>
  );
}
