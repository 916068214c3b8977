import { Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { AppHeader } from './app-header';
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useWhenSettled } from '../lib/deferred';
import { env } from '../env';
import classes from './app-shell.module.css';

// Live mode only: demo builds never download it.
const ConnectionStatus = lazy(() =>
  import('./connection-status').then((m) => ({ default: m.ConnectionStatus })),
);

interface NavGroup {
  platform: string;
  items: ReadonlyArray<{ to: string; label: string }>;
}

/** The pages per platform (docs/architecture.md §11); a platform shows when it is configured. */
function navGroups(): NavGroup[] {
  const groups: NavGroup[] = [
    {
      platform: 'm3ter',
      items: [
        { to: '/', label: 'Needs attention' },
        { to: '/events', label: 'Integration events' },
        { to: '/configs', label: 'Integration configs' },
        { to: '/runs', label: 'Integration runs' },
        { to: '/mappings', label: 'External mappings' },
        { to: '/destinations/webhooks', label: 'Webhook destinations' },
      ],
    },
  ];
  if (env.solvimonMode !== 'off') {
    groups.push({
      platform: 'Solvimon',
      items: [{ to: '/solvimon/integrations', label: 'Integrations' }],
    });
  }
  return groups;
}

/** Whether `pathname` is `to` or a page under it (never a sibling that merely starts alike; `/` is only itself). */
const isUnder = (pathname: string, to: string) =>
  pathname === to || (to !== '/' && pathname.startsWith(`${to}/`));

/**
 * After a move to another page, focus that fell to <body> (the row, link or dialog button that had it
 * is gone) goes to the new page's heading, or to the main region while it loads, so keyboard and
 * screen reader users continue from the page they are on. Focus a page placed itself is left alone.
 * `focusPageOnArrival` asks for it whatever has focus: a link of the small screens' navigation is
 * hidden with it once chosen.
 */
function useFocusRescueOnNavigation() {
  // The location once the new page has rendered, not when the navigation starts.
  const pathname = useRouterState({ select: (s) => s.resolvedLocation?.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  const toPageStart = useRef(false);
  useEffect(() => {
    if (previous.current === pathname) return;
    const first = previous.current === undefined;
    previous.current = pathname;
    const asked = toPageStart.current;
    toPageStart.current = false;
    if (first) return; // the page the console opened on: nothing was lost
    const active = document.activeElement;
    if (!asked && active && active !== document.body) return;
    focusPageStart(mainRef.current);
  }, [pathname]);
  const focusPageOnArrival = useCallback(() => {
    toPageStart.current = true;
  }, []);
  return { mainRef, focusPageOnArrival };
}

/** Focuses the page's heading, or the main region while the page is still loading. */
function focusPageStart(main: HTMLElement | null, options: FocusOptions = { preventScroll: true }) {
  if (!main) return;
  const heading = main.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus(options);
}

export function ConsoleShell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { mainRef, focusPageOnArrival } = useFocusRescueOnNavigation();
  // Live mode's connection check (it speaks only when the connection fails) waits until the first
  // screen is built: its code and its request would otherwise compete with the page's own.
  const connectionCheckDue = useWhenSettled();
  return (
    <div className={classes.root}>
      {/* The first Tab stop: keyboard users skip the header and navigation on every page. Focus is
          moved by hand because a "#" link would be taken as a navigation by the router. */}
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          focusPageStart(mainRef.current, {});
        }}
      >
        Skip to content
      </a>
      {/* react-remove-scroll's class (it is in the modals' chunks): while a modal locks the page's
          scroll, the fixed header keeps clear of the scrollbar's gap instead of shifting. */}
      <header className={`${classes.header} right-scroll-bar-position`}>
        <AppHeader navOpened={opened} onToggleNav={toggle} />
      </header>
      <nav
        className={classes.navbar}
        data-opened={opened || undefined}
        aria-label="Main navigation"
      >
        <Stack gap="md">
          {navGroups().map((group) => {
            const labelId = `nav-group-${group.platform.toLowerCase()}`;
            return (
              // A named group, not a heading: the page's own h1 stays the first heading.
              <div key={group.platform} role="group" aria-labelledby={labelId}>
                <Text id={labelId} size="xs" fw={700} c="dimmed" px="sm" pb={4}>
                  {group.platform}
                </Text>
                {group.items.map((item) => (
                  <Link
                    key={item.to}
                    to={item.to}
                    className={classes.link}
                    // The router adds aria-current="page" to the same link (its own match: the
                    // path and the pages under it).
                    data-active={isUnder(pathname, item.to) || undefined}
                    onClick={() => {
                      // On a small screen the navigation closes (and hides its links): focus goes
                      // to the page chosen, or to this page's start when it is the one shown.
                      if (opened) {
                        if (item.to === pathname) focusPageStart(mainRef.current);
                        else focusPageOnArrival();
                      }
                      close();
                    }}
                  >
                    <span className={classes.label}>{item.label}</span>
                  </Link>
                ))}
              </div>
            );
          })}
        </Stack>
      </nav>
      <main ref={mainRef} id="main-content" className={classes.main}>
        {env.mode === 'live' && connectionCheckDue ? (
          <Suspense fallback={null}>
            <ConnectionStatus />
          </Suspense>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
