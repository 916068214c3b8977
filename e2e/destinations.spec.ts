import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const NAME = 'E2E finance warehouse';
const HOST = 'hooks.finance-e2e.example.com';
const SECRET = 'e2e-secret-5f1c';

test('create a destination, a Notification config that sends to it, deactivate it, and resolve a two-tab conflict', async ({
  page,
  context,
}) => {
  // From the navigation to the list: names, hosts, counts; passes axe.
  await page.goto('/configs');
  await page.getByRole('link', { name: 'Webhook destinations' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Slack relay/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Create, by keyboard, with a bad URL first: the client's message, then m3ter's, at the field.
  await page.getByRole('link', { name: 'New destination' }).first().click();
  await expect(page.getByRole('heading', { name: 'New webhook destination' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await page.getByRole('textbox', { name: 'Description' }).fill('Approved Bills, for finance');
  const url = page.getByRole('textbox', { name: 'URL' });
  await url.fill(`http://${HOST}/m3ter`);
  await page.getByLabel('API key').focus();
  await page.keyboard.type('e2e-key-1');
  await page.keyboard.press('Tab');
  await page.keyboard.type(SECRET);
  await page.getByRole('button', { name: 'Create destination' }).press('Enter');
  await expect(page.getByText('Use https://: m3ter sends webhooks over HTTPS only')).toBeVisible();
  await url.fill('https://does-not-resolve.example/m3ter');
  await page.getByRole('button', { name: 'Create destination' }).click();
  await expect(
    page.getByText(
      'Unable to resolve host does-not-resolve.example: the URL must be a valid DNS name',
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(NAME);
  await url.fill(`https://${HOST}/m3ter`);
  await page.getByRole('button', { name: 'Create destination' }).click();

  // The destination: every field, no secret on the page; passes axe.
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(page.getByText('api key and secret stored (write-only, never shown)')).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
  await expectNoAxeViolations(page);
  const destinationUrl = new URL(page.url()).pathname;

  // A Notification config that sends here, from the destination's pre-filled link.
  await page
    .getByRole('link', { name: 'Create a Notification integration that sends here' })
    .click();
  await expect(page.getByRole('heading', { name: 'New integration configuration' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(`Notification → ${NAME}`);
  await expect(page.getByRole('combobox', { name: 'Webhook destination' })).toHaveValue(
    new RegExp(`^${NAME} — ${HOST.replace(/\./g, '\\.')}`),
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create configuration' }).click();

  // The config names its destination, with a link.
  await expect(
    page.getByRole('heading', { name: `Notification → ${NAME}`, level: 1 }),
  ).toBeVisible();
  const destinationLink = page.getByRole('link', { name: `${NAME} (${HOST})` });
  await expect(destinationLink).toBeVisible();
  await expectNoAxeViolations(page);
  await destinationLink.click();

  // Deactivate: the dialog names the config that stops receiving.
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: `Notification → ${NAME}` })).toBeVisible();
  await page.getByRole('button', { name: 'Deactivate…' }).click();
  const dialog = page.getByRole('dialog', { name: `Deactivate “${NAME}”?` });
  await expect(dialog.getByRole('link', { name: `Notification → ${NAME}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Deactivate “${NAME}”` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Activate' })).toBeVisible();

  // Two tabs edit it: they save a new description first, I rename it against the old version.
  const editUrl = `${destinationUrl}/edit`;
  const mine = page;
  const theirs = await context.newPage();
  await mine.goto(editUrl);
  await theirs.goto(editUrl);
  await expect(mine.getByText(/^Editing version \d+\./)).toBeVisible();
  await expect(theirs.getByText(/^Editing version \d+\./)).toBeVisible();
  await theirs.getByRole('textbox', { name: 'Description' }).fill('Theirs: finance and audit');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(theirs.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  await mine.bringToFront();
  await mine.getByRole('textbox', { name: 'Name' }).fill(`${NAME} – mine`);
  await mine.getByRole('button', { name: 'Save changes' }).click();
  const panel = mine.getByRole('region', { name: /Someone else saved this/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('row', { name: /^Name/ })).toContainText(`${NAME} – mine`);
  await expect(panel.getByRole('row', { name: /^Description/ })).toContainText('Theirs: finance');
  await expectNoAxeViolations(mine);
  await panel.getByRole('button', { name: 'Keep mine on top of theirs' }).focus();
  await mine.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(mine.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Theirs: finance and audit',
  );
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(mine.getByRole('heading', { name: `${NAME} – mine`, level: 1 })).toBeVisible();
  await expect(mine.getByText('Theirs: finance and audit')).toBeVisible();
  await expectNoAxeViolations(mine);
});
