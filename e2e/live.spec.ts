import { expect, test } from '@playwright/test';
import { LIVE_ENV } from '../playwright.config.ts';
import { expectNoAxeViolations } from './axe.ts';

// Seeded in the fake upstream (src/mocks/seed.ts): e2e runs under Node's module rules, which cannot
// import the browser-side mocks, so the two ids are repeated here.
const STRIPE_EU_CONFIG = '3e7c1a52-8f4d-4b6e-9a1c-2d5f8e0b7c31';
const HOOLI_BILL = 'b1000007-c261-4eb0-9b77-00000000b007';

test('live mode through `npm run serve`: list configs, edit one, see a run history', async ({
  page,
}) => {
  // Everything the browser receives is recorded, to prove neither the secret nor a token reaches it.
  const received: string[] = [];
  page.on('response', async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => '');
    received.push(headers, body);
  });

  await page.goto('/configs');
  // The header names each platform's backend; Solvimon is live beside m3ter in this set-up.
  await expect(page.getByTitle(/^m3ter: live/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Stripe – EU invoices/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // No demo backend in live mode: the page talks to the proxy.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  await page.goto(`/configs/${STRIPE_EU_CONFIG}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Stripe – EU invoices');
  await page.getByRole('link', { name: 'Edit' }).click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Stripe – EU invoices (live edit)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('heading', { name: 'Stripe – EU invoices (live edit)', level: 1 }),
  ).toBeVisible();

  await page.goto(`/runs/Bill/${HOOLI_BILL}`);
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table')).toContainText(/COMPLETE|Complete/);
  await expectNoAxeViolations(page);

  const everything = received.join('\n');
  expect(everything).not.toContain(LIVE_ENV.M3TER_API_SECRET);
  expect(everything).not.toContain(LIVE_ENV.M3TER_ACCESS_KEY_ID);
  expect(everything).not.toMatch(/Bearer\s+\S+/);
});
