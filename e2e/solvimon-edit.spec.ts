import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const REFERENCE = 'e2e-mailgun-eu';

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('create a Solvimon integration, then two tabs edit it: the stale save shows the conflict, overwrites nothing, and keep mine lands on top of theirs', async ({
  page,
  context,
}) => {
  // Create, with a bad input first: the message is at the field, nothing typed is lost.
  await page.goto('/solvimon/integrations/new');
  await expect(page.getByRole('heading', { name: 'New Solvimon integration' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Reference' }).fill('has a space');
  await page.getByRole('textbox', { name: 'Name' }).fill('E2E Mailgun EU');
  await choose(page, 'Type', /^Email provider/);
  await choose(page, 'Email provider', 'Mailgun');
  await page.getByRole('textbox', { name: 'Sending domain' }).fill('mg.e2e.example');
  await page.getByRole('button', { name: 'Create integration' }).click();
  await expect(page.getByRole('textbox', { name: 'Reference' })).toHaveAccessibleDescription(
    /Must not contain spaces/,
  );
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Reference' }).fill(REFERENCE);
  await choose(page, 'Region', 'EU');
  await page.getByRole('button', { name: 'Create integration' }).click();
  await expect(page.getByRole('heading', { name: 'E2E Mailgun EU', level: 1 })).toBeVisible();
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  // Two tabs of one browser share the demo backend; both open the edit form.
  const mine = page;
  const theirs = await context.newPage();
  await mine.goto(editUrl);
  await theirs.goto(editUrl);
  await expect(mine.getByRole('heading', { name: 'Edit “E2E Mailgun EU”' })).toBeVisible();
  await expect(theirs.getByRole('heading', { name: 'Edit “E2E Mailgun EU”' })).toBeVisible();

  // They change the description and the plan, and save first.
  await theirs.getByRole('textbox', { name: 'Description' }).fill('Receipts for EU customers');
  await theirs.getByRole('textbox', { name: 'Plan' }).fill('Foundation');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(theirs.getByRole('heading', { name: 'E2E Mailgun EU', level: 1 })).toBeVisible();

  // I rename it and save from what I loaded: the console reads again first and stops.
  await mine.bringToFront();
  await mine.getByRole('textbox', { name: 'Name' }).fill('E2E Mailgun EU – mine');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  const panel = mine.getByRole('region', { name: /Someone else saved this integration/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(
    'What Solvimon holds changed after you opened this integration',
  );
  await expect(panel.getByRole('row', { name: /^Name/ })).toContainText('E2E Mailgun EU – mine');
  await expect(panel.getByRole('row', { name: /^Description/ })).toContainText(
    'Receipts for EU customers',
  );
  await expectNoAxeViolations(mine);

  // Nothing was overwritten: their tab, reloaded, still shows their save and not my name.
  await theirs.reload();
  await expect(theirs.getByRole('heading', { name: 'E2E Mailgun EU', level: 1 })).toBeVisible();
  await expect(theirs.getByText('Receipts for EU customers')).toBeVisible();

  // Keep mine on top of theirs (by keyboard), review, save again.
  await panel.getByRole('button', { name: 'Keep mine on top of theirs' }).focus();
  await mine.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(mine.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Receipts for EU customers',
  );
  await expect(mine.getByRole('textbox', { name: 'Plan' })).toHaveValue('Foundation');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    mine.getByRole('heading', { name: 'E2E Mailgun EU – mine', level: 1 }),
  ).toBeVisible();
  await expect(mine.getByText('Receipts for EU customers')).toBeVisible();

  // The other tab sees both people's changes.
  await theirs.reload();
  await expect(
    theirs.getByRole('heading', { name: 'E2E Mailgun EU – mine', level: 1 }),
  ).toBeVisible();
  await expect(theirs.getByText('Foundation')).toBeVisible();
});
