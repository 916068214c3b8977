import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

/** Chooses an option of a Mantine Select by keyboard: type to filter, arrow down, Enter. */
async function chooseByKeyboard(page: Page, label: string, text: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label });
  await input.focus();
  await input.fill(text);
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue(option);
}

/** Lets tooltips and dropdowns close, so axe sees the page at rest. */
async function settle(page: Page) {
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

test('create a mapping in the staged form, find it by external id, edit it, delete it', async ({
  page,
}) => {
  const m3terId = randomUUID();

  await page.goto('/mappings');
  await expect(page.getByRole('heading', { name: 'External mappings', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Open mapping of / }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Create, by keyboard, with one bad input first.
  await page.getByRole('link', { name: 'Create mapping' }).first().click();
  await expect(page.getByRole('heading', { name: 'Create external mapping' })).toBeVisible();
  await expectNoAxeViolations(page);
  await chooseByKeyboard(page, 'm3ter entity', 'Accou', /^Account$/);
  const idInput = page.getByRole('textbox', { name: 'm3ter id' });
  await idInput.fill('acme');
  await page.keyboard.press('Tab');
  await expect(page.getByText(/Enter the id of the m3ter entity, a UUID/)).toBeVisible();
  await expectNoAxeViolations(page);
  await idInput.fill(m3terId);
  await chooseByKeyboard(page, 'External system', 'Stri', /^Stripe$/);
  await chooseByKeyboard(page, 'External table', 'Cust', /^Customer$/);
  // The external id is picked from what Stripe lists.
  await chooseByKeyboard(page, 'External id', 'Globex', /^Globex/);
  const picked = await page.getByRole('combobox', { name: 'External id' }).inputValue();
  const externalId = picked.split(' · ')[1] ?? '';
  expect(externalId).toMatch(/^cus_/);
  await page.getByRole('button', { name: 'Create mapping' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mapping created' })).toBeFocused();
  await expectNoAxeViolations(page);

  // Find it from the external side: Stripe · Customer · the picked id.
  await page.goto('/mappings');
  await page.getByRole('tab', { name: 'Look up by external entity' }).click();
  const lookup = page.getByRole('form', { name: 'Look up by external entity' });
  await chooseByKeyboard(page, 'External system', 'Stri', /^Stripe$/);
  await chooseByKeyboard(page, 'External table', 'Cust', /^Customer$/);
  await lookup.getByRole('textbox', { name: 'External id' }).fill(externalId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/lookup=external/);
  const mine = page.getByRole('link', { name: new RegExp(`Open mapping of Account ${m3terId}`) });
  await expect(mine).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page);

  // The detail, then edit the external id.
  await mine.click();
  await expect(
    page.getByRole('heading', { name: 'Account → Stripe Customer', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText(m3terId)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit external mapping' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'External id' })).toBeEnabled();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Type an id instead' }).click();
  await page.getByRole('textbox', { name: 'External id' }).fill('cus_E2E_EDITED');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('heading', { name: 'Account → Stripe Customer', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('cus_E2E_EDITED')).toBeVisible();

  // Delete, after a confirmation that names both sides.
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this mapping?' });
  await expect(dialog).toContainText(
    `Account ${m3terId} will no longer be mapped to Stripe Customer cus_E2E_EDITED`,
  );
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Delete mapping' }).click();
  await expect(page).toHaveURL(/\/mappings$/);

  // Gone from the m3ter side too.
  await page.goto(`/mappings?lookup=m3ter&entity=Account&m3terId=${m3terId}`);
  await expect(
    page.getByRole('heading', { name: `Account ${m3terId} has no mappings` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('bulk create checks the rows before sending and reports each one', async ({ page }) => {
  await page.goto('/mappings/bulk');
  await expect(page.getByRole('heading', { name: 'Bulk create mappings' })).toBeVisible();
  await expectNoAxeViolations(page);
  const good = randomUUID();
  await page
    .getByRole('textbox', { name: 'Mappings as CSV' })
    .fill(
      [
        'm3terEntity,m3terId,externalSystem,externalTable,externalId',
        `Account,${good},Paddle,Customer,ctm_e2e_1`,
        'Account,not-an-id,Paddle,Customer,ctm_e2e_2',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByText('2 rows checked')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create 1 mapping (skip 1)' }).click();
  await expect(
    page.getByRole('heading', { name: '1 of 2 rows created: 1 not created' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // The per-row result badges must stay legible on the dark theme too.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoAxeViolations(page);
});
