import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

test('the shell works on the production build with the embedded demo backend', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  const platforms = page.getByRole('group', { name: 'Platforms' });
  await expect(platforms).toContainText('m3ter · Demo');
  await expect(platforms).toContainText('Solvimon · Demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(
    nav.getByRole('group', { name: 'm3ter' }).getByRole('link', { name: /Integration configs/ }),
  ).toBeVisible();
  await expect(
    nav.getByRole('group', { name: 'Solvimon' }).getByRole('link', { name: 'Integrations' }),
  ).toBeVisible();

  // The demo backend answers in the page: the configurations come from it, and no service worker
  // sits between the page and the server.
  await nav.getByRole('link', { name: /Integration configs/ }).click();
  await expect(page).toHaveURL(/\/configs$/);
  await expect(page.getByRole('link', { name: /Stripe/ }).first()).toBeVisible();
  // The pointer still rests on the active link it clicked: its hover state must be readable too.
  await expect(nav.getByRole('link', { name: /Integration configs/ })).toHaveAttribute(
    'data-active',
  );
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
  await expectNoAxeViolations(page);

  // Navigation by keyboard: Tab to the runs link and follow it.
  const runsLink = nav.getByRole('link', { name: /Integration runs/ });
  await runsLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/runs/);

  await nav.getByRole('link', { name: /External mappings/ }).click();
  await expect(page).toHaveURL(/\/mappings/);

  // Theme toggle flips Mantine's colour scheme and keeps it across a reload.
  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before ?? '');
  // Let the button's tooltip close, so axe sees the page as it rests.
  await page.mouse.move(600, 400);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('on a small screen the navigation opens from the burger and closes on a choice, by keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  // Closed, its links are neither shown nor in the Tab order.
  await expect(nav).toBeHidden();
  const burger = page.getByRole('button', { name: 'Open navigation' });
  await burger.focus();
  await page.keyboard.press('Enter');
  await expect(nav).toBeVisible();
  await expectNoAxeViolations(page);

  // Tab from the burger reaches the navigation's links (after the header's controls).
  const configs = nav.getByRole('link', { name: /Integration configs/ });
  for (let i = 0; i < 12 && !(await configs.evaluate((a) => a === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(configs).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/configs$/);
  await expect(nav).toBeHidden();
  // Focus went on to the chosen page, not to a link that is no longer shown.
  await expect(
    page.getByRole('heading', { name: 'Integration configurations', level: 1 }),
  ).toBeFocused();
});
