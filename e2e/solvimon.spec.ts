import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const NAME = 'Snowflake (replaced by S3)';

/** Lets toasts and tooltips settle, so axe sees the page as it rests. */
async function atRest(page: Page) {
  await page.mouse.move(600, 400);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

test('Solvimon: list by keyboard from the navigation, filter by type, open one, archive it, axe clean in both themes', async ({
  page,
}) => {
  await page.goto('/configs');
  await expect(page.getByRole('heading', { name: 'Integration configurations' })).toBeVisible();

  // The list, opened by keyboard from the Solvimon group of the navigation.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const integrations = nav
    .getByRole('group', { name: 'Solvimon' })
    .getByRole('link', { name: 'Integrations' });
  await integrations.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/solvimon\/integrations$/);
  await expect(
    page.getByRole('heading', { name: 'Solvimon integrations', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Stripe EU \(live\)/ })).toBeVisible();
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await expect(integrations).toHaveAttribute('data-active', 'true');
  await expectNoAxeViolations(page);

  // Filter by a type: the URL says so, and the count of matches.
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Data export' }).click();
  await expect(page).toHaveURL(/\?type=DATA_EXPORT$/);
  await expect(page.getByText('4 of 16 integrations match')).toBeVisible();
  await expect(page.getByRole('row', { name: /Stripe EU \(live\)/ })).toHaveCount(0);
  await atRest(page);
  await expectNoAxeViolations(page);

  // Open one by keyboard.
  const row = page.getByRole('row', { name: new RegExp(NAME.replace(/[()]/g, '\\$&')) });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Status: Deprecated: being phased out' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Snowflake' })).toContainText('LOAD_WH');
  await expectNoAxeViolations(page);

  // Test connection: the dialog passes axe too.
  await page.getByRole('button', { name: 'Test connection…' }).click();
  const testDialog = page.getByRole('dialog', { name: `Test the connection of “${NAME}”` });
  await expect(testDialog.getByRole('textbox', { name: 'Username' })).toHaveValue(
    'SOLVIMON_EXPORT',
  );
  await testDialog.getByLabel('Password', { exact: true }).fill('snowflake-pass');
  await testDialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(testDialog.getByRole('status', { name: 'The connection works' })).toBeVisible();
  await expectNoAxeViolations(page);
  await testDialog.getByRole('button', { name: 'Done' }).click();
  await expect(testDialog).toBeHidden();

  // Archive, after the confirmation that names it and says it is final.
  await page.getByRole('button', { name: 'Archive…' }).click();
  const dialog = page.getByRole('dialog', { name: `Archive “${NAME}”?` });
  await expect(dialog).toContainText('Archiving is final');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Archive “${NAME}”` }).click();
  const archived = page.getByRole('region', { name: 'Status: Archived: final' });
  await expect(archived).toBeVisible();
  await expect(archived).toBeFocused();
  await expect(page.getByText(`“${NAME}” is archived.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Dark theme: the detail and the list stay readable.
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await atRest(page);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '← Solvimon integrations' }).click();
  const archivedRow = page.getByRole('row', { name: new RegExp(NAME.replace(/[()]/g, '\\$&')) });
  await expect(archivedRow).toContainText('Archived');
  await expect(page.getByRole('group', { name: 'Platforms' })).toContainText('Solvimon · Demo');
  await expectNoAxeViolations(page);
});
