import { AppShell, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { AppHeader } from './app-header';
import { lazy, Suspense } from 'react';
import { env } from '../lib/env';

// Live mode only: demo builds never download it.
const ConnectionStatus = lazy(() =>
  import('./connection-status').then((m) => ({ default: m.ConnectionStatus })),
);

const NAV_ITEMS = [
  { to: '/configs', label: 'Integration configs' },
  { to: '/runs', label: 'Integration runs' },
  { to: '/mappings', label: 'External mappings' },
] as const;

export function ConsoleShell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {env.mode === 'live' ? (
          <Suspense fallback={null}>
            <ConnectionStatus />
          </Suspense>
        ) : null}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
