import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

/** Lets tooltips close, so axe sees the page at rest. */
async function settle(page: Page) {
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

test('from the home page to a created missing mapping in three clicks, typing only the external id', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  const figure = page.getByRole('link', {
    name: /^[1-9]\d* unactioned missing account mappings? in the last 7 days$/,
  });
  await expect(figure).toBeVisible();
  await expect(
    page.getByRole('img', { name: /integration errors in the last 14 days/ }),
  ).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page);

  // Click 1: the figure opens the events behind it.
  await figure.click();
  await expect(page).toHaveURL(/\/events\?.*eventName=integration\.missingaccountmapping\.error/);
  await expect(page.getByRole('heading', { name: 'Integration events', level: 1 })).toBeVisible();
  const create = page.getByRole('link', { name: 'Create external mapping' }).first();
  await expect(create).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page);

  // Click 2: the follow-up opens the mapping form with everything but the external id filled in.
  await create.click();
  await expect(
    page.getByRole('heading', { name: 'Create external mapping', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'm3ter id' })).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('combobox', { name: 'External system' })).toHaveValue('Stripe');
  await expect(page.getByRole('combobox', { name: 'External table' })).toHaveValue('Customer');
  await expectNoAxeViolations(page);

  // Typing: Stripe lists its customers, so typing the name finds the id (picked by keyboard).
  const externalId = page.getByRole('combobox', { name: 'External id' });
  await externalId.focus();
  await externalId.fill('Vandelay');
  await expect(page.getByRole('option', { name: /^Vandelay Industries · cus_/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(externalId).toHaveValue(/^Vandelay Industries · cus_/);

  // Click 3: create it.
  await page.getByRole('button', { name: 'Create mapping' }).click();
  await expect(page.getByRole('heading', { name: 'Mapping created' })).toBeFocused();
  await expectNoAxeViolations(page);
});

test('by keyboard: from an authentication error to its config, from a perform error to its run', async ({
  page,
}) => {
  await page.goto('/events?eventName=integration.authentication.error&range=30d');
  await expect(page.getByRole('heading', { name: 'Integration events', level: 1 })).toBeVisible();
  const fix = page.getByRole('link', { name: 'Fix the connection' }).first();
  await expect(fix).toBeVisible();
  await expectNoAxeViolations(page);
  await fix.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/configs\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/Not authori[sz]ed/).first()).toBeVisible();

  await page.goto('/events?eventName=integration.perform.error&range=30d');
  const goToRun = page.getByRole('link', { name: 'Go to the run' }).first();
  await expect(goToRun).toBeVisible();
  await goToRun.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/runs\/run\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // The event's own page: the whole event with its raw JSON, at a shareable URL.
  await page.goto('/events?eventName=integration.perform.error&range=30d');
  const view = page.getByRole('link', { name: /View event/ }).first();
  await view.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByText('"eventData"')).toBeVisible();
  await expectNoAxeViolations(page);
});
