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
import { useWhenSettled } from '../lib/deferred';
import { useDemoControls } from './demo-context';

// Demo-only UI (modals, sliders, number inputs) stays out of the entry chunk.
const DemoMenu = lazy(() => import('./demo-menu').then((m) => ({ default: m.DemoMenu })));

/**
 * Which backend a platform's pages talk to, in words ("m3ter · Demo"): colour only groups them. Filled
 * grape and teal are shade 9 in both schemes (theme.ts), so the white text passes WCAG AA.
 */
function PlatformBadge({ platform, mode }: { platform: string; mode: 'demo' | 'live' }) {
  const demo = mode === 'demo';
  return (
    <Badge
      color={demo ? 'grape' : 'teal'}
      variant="filled"
      tt="none"
      title={
        demo
          ? `${platform}: the embedded demo backend, with made-up data`
          : `${platform}: live, through the console’s server`
      }
      style={{ flexShrink: 0 }}
    >
      {platform} <span aria-hidden="true">·</span> <span>{demo ? 'Demo' : 'Live'}</span>
    </Badge>
  );
}

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const demo = useDemoControls();
  // The demo menu's code (Mantine's Menu, modals, sliders: about 20 chunks) waits until the first
  // screen is built: loaded with it, it competed with the page's own code and data.
  const demoMenuDue = useWhenSettled();
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
        <Group gap={6} wrap="nowrap" role="group" aria-label="Platforms">
          <PlatformBadge platform="m3ter" mode={env.mode} />
          {env.solvimonMode === 'off' ? null : (
            <PlatformBadge platform="Solvimon" mode={env.solvimonMode} />
          )}
        </Group>
        {demo && demoMenuDue ? (
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
