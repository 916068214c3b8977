import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

// Well-known seeded ids of the demo (src/mocks/seed.ts, SEED_IDS).
const VANDELAY_BILL = 'b1000008-d372-4fc1-8c88-00000000b008';
const HOOLI_BILL = 'b1000007-c261-4eb0-9b77-00000000b007';
const HOOLI_RETRY_CHILD = 'f2b00002-0000-4000-8000-00000000c002';

/** Pastes text into the focused field the way a browser does for Ctrl+V. */
async function pasteText(page: Page, text: string) {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

function runRows(page: Page) {
  return page.getByRole('table').locator('tbody tr:not([aria-hidden])');
}

test.describe('integration run history', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a support engineer finds the failed runs of a Bill and shares one', async ({
    page,
    context,
  }) => {
    await page.goto('/runs');
    await expect(page.getByRole('heading', { level: 1, name: 'Integration runs' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A wrong shape is rejected at the field, and the text stays.
    const idField = page.getByLabel('Bill id');
    await idField.fill('INV-20931');
    await idField.press('Enter');
    await expect(idField).toHaveAccessibleDescription(/That is not a Bill id/);
    await expect(idField).toHaveValue('INV-20931');

    // Pasting a log line keeps just the id; Enter opens the history.
    await idField.fill('');
    await idField.focus();
    await pasteText(
      page,
      `ERROR 2026-11-20 Stripe: no customer mapping for bill ${VANDELAY_BILL} (account Vandelay)`,
    );
    await expect(idField).toHaveValue(VANDELAY_BILL);
    await idField.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/runs/Bill/${VANDELAY_BILL}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(VANDELAY_BILL);
    await expect(page.getByText(/20 runs loaded; that is all of them\./)).toBeVisible();
    await expectNoAxeViolations(page);

    // Filter to failed runs (keyboard), then to the last 7 days (arrow keys in the radio group).
    const failed = page.getByRole('button', { name: 'Failed', exact: true });
    await failed.focus();
    await page.keyboard.press('Enter');
    await expect(failed).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/status=/);
    const anyTime = page.getByRole('radio', { name: 'Any time' });
    await anyTime.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
    await expect(page).toHaveURL(/range=7d/);
    await expect(
      page.getByText(/Filtered to status failed; started in the last 7 days\./),
    ).toBeVisible();
    const rowCount = await runRows(page).count();
    expect(rowCount).toBeGreaterThan(0);
    for (const badge of await runRows(page).locator('[data-status-group]').all()) {
      await expect(badge).toHaveAttribute('data-status-group', 'failed');
    }

    // Open the first run beside the list, by keyboard.
    const firstRunLink = runRows(page)
      .first()
      .getByRole('link', { name: /open run/ })
      .first();
    const runId = ((await firstRunLink.getAttribute('href')) ?? '').match(
      /run=([0-9a-f-]{36})/,
    )?.[1];
    expect(runId).toBeTruthy();
    await firstRunLink.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(runId!, { exact: true })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`run=${runId}`));
    await expect(drawer.getByLabel('Run log', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // Copy its link and open it in a new page: the same run.
    await drawer.getByRole('button', { name: 'Copy link to this run' }).click();
    await expect(drawer.getByRole('button', { name: 'Link copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`/runs/run/${runId}$`));
    const shared = await context.newPage();
    await shared.goto(copied);
    await expect(shared.getByRole('heading', { level: 1, name: 'Integration run' })).toBeVisible();
    await expect(shared.getByText(runId!, { exact: true })).toBeVisible();
    await expect(shared.getByRole('heading', { name: 'Run log' })).toBeVisible();
    await expectNoAxeViolations(shared);
    await shared.close();

    // Escape closes the panel; back and forward step through the filters.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(page).not.toHaveURL(/run=/);
    await page.goBack();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
    // Each arrow key in the date radio group was a filter change of its own.
    await page.goBack();
    await expect(page.getByRole('radio', { name: 'Last 24 h' })).toBeChecked();
    await page.goBack();
    await expect(page.getByRole('radio', { name: 'Any time' })).toBeChecked();
    await expect(failed).toHaveAttribute('aria-pressed', 'true');
    await page.goForward();
    await page.goForward();
    await expect(page.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
    await expect(
      page.getByText(/Filtered to status failed; started in the last 7 days\./),
    ).toBeVisible();

    // A reload shows the same view.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Failed', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
    await expect(runRows(page)).toHaveCount(rowCount);
  });

  test('a bad link heals and says what it dropped; the retry chain links runs', async ({
    page,
  }) => {
    await page.goto(`/runs/bill/${HOOLI_BILL.toUpperCase()}?status=ERROR,NOPE&order=sideways`);
    await expect(page).toHaveURL(new RegExp(`/runs/Bill/${HOOLI_BILL}\\?status=`));
    const notice = page.getByRole('status', { name: 'Parts of this link could not be used' });
    await expect(notice).toContainText('Dropped the status “NOPE”');
    await expect(notice).toContainText('Dropped the order “sideways”');
    await expect(page.getByText(/2 runs loaded; that is all of them\./)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/runs/run/${HOOLI_RETRY_CHILD}`);
    const chain = page.getByRole('list', { name: 'Retry chain' });
    await expect(chain.getByText('(this run)')).toBeVisible();
    await chain.getByRole('link', { name: /f3c00003-0000-4000-8000-00000000c003/ }).click();
    await expect(page).toHaveURL(/\/runs\/run\/f3c00003-0000-4000-8000-00000000c003/);
    await expect(page.getByRole('link', { name: /Open in Stripe/ })).toHaveAttribute(
      'target',
      '_blank',
    );
    await expect(page.getByRole('link', { name: /Open in Stripe/ })).toHaveAttribute(
      'rel',
      /noopener/,
    );
  });
});
