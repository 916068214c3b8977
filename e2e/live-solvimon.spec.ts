import { expect, test, type Request } from '@playwright/test';
import { LIVE_ENV } from '../playwright.config.ts';
import { expectNoAxeViolations } from './axe.ts';

// Seeded in the fake Solvimon upstream (src/mocks/solvimon/seed.ts): e2e runs under Node's module
// rules, which cannot import the browser-side mocks, so the id is repeated here.
const STRIPE_EU_LIVE = 'intg_7Kp2mQ9xLs4vT1aB';

test('Solvimon live mode through `npm run serve`: list integrations, open one, the key stays on the server', async ({
  page,
}) => {
  // Every request the browser sends and everything it receives, to prove the key never reaches it
  // and the browser never sends a key or a platform id of its own.
  const sent: Array<Promise<{ url: string; headers: Record<string, string> }>> = [];
  page.on('request', (request: Request) => {
    sent.push(request.allHeaders().then((headers) => ({ url: request.url(), headers })));
  });
  const received: Array<Promise<string>> = [];
  page.on('response', (response) => {
    received.push(
      Promise.all([
        response.allHeaders().then((headers) => JSON.stringify(headers)),
        response.text().catch(() => ''),
      ]).then((parts) => parts.join('\n')),
    );
  });

  await page.goto('/solvimon/integrations');
  await expect(
    page.getByRole('heading', { name: 'Solvimon integrations', level: 1 }),
  ).toBeVisible();
  await expect(page.getByTitle(/^Solvimon: live/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Stripe EU \(live\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Avalara e-invoicing \(France\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Nightly export to S3/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // No demo backend in live mode: the page talks to the proxy.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  await page.getByRole('link', { name: 'Stripe EU (live)' }).click();
  await expect(page).toHaveURL(new RegExp(`/solvimon/integrations/${STRIPE_EU_LIVE}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stripe EU (live)');
  await expectNoAxeViolations(page);

  const requests = await Promise.all(sent);
  const solvimonCalls = requests.filter((r) => new URL(r.url).pathname.startsWith('/solvimon/v1/'));
  expect(solvimonCalls.length).toBeGreaterThanOrEqual(2);
  for (const { url, headers } of requests) {
    expect(headers['x-api-key'], url).toBeUndefined();
    expect(headers['x-platform-id'], url).toBeUndefined();
    expect(headers.authorization, url).toBeUndefined();
  }
  const everything = (await Promise.all(received)).join('\n');
  expect(everything).not.toContain(LIVE_ENV.SOLVIMON_API_KEY);
});
