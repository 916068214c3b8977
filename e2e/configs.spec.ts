import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const NAME = 'E2E Stripe GBP';

async function fillJson(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'configData (JSON object)' });
  await editor.fill(text);
  await editor.blur();
}

test('create, edit, then resolve a real conflict between two tabs by keeping mine on top of theirs', async ({
  page,
  context,
}) => {
  // The list: passes axe, a row opens by keyboard.
  await page.goto('/configs');
  await expect(page.getByRole('row', { name: /Stripe – EU invoices/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Create, with one bad input first: the message is at the field and nothing typed is lost.
  await page.getByRole('link', { name: 'New configuration' }).first().click();
  await expect(page.getByRole('heading', { name: 'New integration configuration' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await page.getByRole('combobox', { name: 'Destination' }).fill('Stripe');
  await page.keyboard.press('Escape');
  await fillJson(page, '{"currency": "GBP",}');
  await page.getByRole('button', { name: 'Create configuration' }).click();
  await expect(page.getByText('Line 1, column 20: Trailing comma before }')).toBeVisible();
  await expectNoAxeViolations(page);
  await fillJson(page, '{"currency": "GBP"}');
  await page.getByRole('button', { name: 'Create configuration' }).click();

  // The detail: version 1, passes axe.
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(page.getByText('Bill → Stripe · version 1')).toBeVisible();
  await expectNoAxeViolations(page);
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  // Edit: version 2.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(`${NAME} (edited)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: `${NAME} (edited)`, level: 1 })).toBeVisible();
  await expect(page.getByText('Bill → Stripe · version 2')).toBeVisible();

  // Two tabs of one browser share the demo backend. Both open the edit form at version 2.
  const mine = page;
  const theirs = await context.newPage();
  await mine.goto(editUrl);
  await theirs.goto(editUrl);
  await expect(mine.getByText('Editing version 2.')).toBeVisible();
  await expect(theirs.getByText('Editing version 2.')).toBeVisible();

  // They change the configuration data and save first (version 3).
  await fillJson(theirs, '{"currency": "GBP", "daysUntilDue": 14}');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(theirs.getByText('Bill → Stripe · version 3')).toBeVisible();

  // I rename it and save against version 2: a conflict, shown field by field.
  await mine.bringToFront();
  await mine.getByRole('textbox', { name: 'Name' }).fill('Stripe GBP – mine');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  const panel = mine.getByRole('region', { name: /Someone else saved this configuration/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('row', { name: /^Name/ })).toContainText('Stripe GBP – mine');
  await expect(panel.getByRole('row', { name: /^Configuration data/ })).toContainText(
    'daysUntilDue',
  );
  await expectNoAxeViolations(mine);

  // Keep mine on top of theirs (by keyboard), review, save again: version 4 = 2 + 2.
  await panel.getByRole('button', { name: 'Keep mine on top of theirs' }).focus();
  await mine.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(mine.getByRole('textbox', { name: 'configData (JSON object)' })).toHaveValue(
    /"daysUntilDue": 14/,
  );
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(mine.getByRole('heading', { name: 'Stripe GBP – mine', level: 1 })).toBeVisible();
  await expect(mine.getByText('Bill → Stripe · version 4')).toBeVisible();
  await expect(mine.getByLabel('Configuration data as JSON', { exact: true })).toContainText(
    '"daysUntilDue": 14',
  );

  // The other tab sees both people's changes too.
  await theirs.reload();
  await expect(theirs.getByRole('heading', { name: 'Stripe GBP – mine', level: 1 })).toBeVisible();
  await expect(theirs.getByLabel('Configuration data as JSON', { exact: true })).toContainText(
    '"daysUntilDue": 14',
  );
});

test('the list filters from the URL, heals a bad link, and opens a row by keyboard', async ({
  page,
}) => {
  await page.goto('/configs?state=disabled&sort=bogus');
  await expect(page).toHaveURL(/\/configs\?state=disabled$/);
  const row = page.getByRole('row', { name: /NetSuite AR sync \(sandbox\)/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole('row', { name: /Stripe – EU invoices/ })).toHaveCount(0);

  await row.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'NetSuite AR sync (sandbox)', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: /Disabled: nothing is being sent/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
