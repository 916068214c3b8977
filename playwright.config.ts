import { defineConfig, devices } from '@playwright/test';

// A dedicated port, so a stray dev server on 5173 is never reused by mistake (TOOLCHAIN P9).
const PORT = Number(process.env.E2E_PORT ?? 5180);
const BASE_URL = `http://localhost:${PORT}`;
// Live mode: a fake m3ter upstream (real OAuth token exchange) and a fake Solvimon upstream (X-API-KEY
// checked) behind `npm run serve`'s two proxies.
const UPSTREAM_PORT = PORT + 200;
const SOLVIMON_UPSTREAM_PORT = PORT + 300;
const LIVE_PORT = PORT + 100;
export const LIVE_ENV = {
  M3TER_MODE: 'live',
  M3TER_BASE_URL: `http://127.0.0.1:${UPSTREAM_PORT}`,
  M3TER_ORG_ID: '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21',
  M3TER_ACCESS_KEY_ID: 'e2e-access-key',
  M3TER_API_SECRET: 'e2e-api-secret-not-real',
  SOLVIMON_MODE: 'live',
  SOLVIMON_BASE_URL: `http://127.0.0.1:${SOLVIMON_UPSTREAM_PORT}`,
  SOLVIMON_API_KEY: 'e2e-solvimon-key-not-real',
  SOLVIMON_PLATFORM_ID: 'e2e-platform',
};
// The journeys run against the live server: live.spec.ts, live-<platform>.spec.ts.
const LIVE_SPECS = /live(-[a-z]+)?\.spec\.ts$/;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  // Whole journeys (create, edit, conflict, delete, with an axe scan per page) take 10–50 s here; the
  // budget leaves room for a slower 2-core CI machine without hiding a journey that hangs.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'demo',
      testIgnore: LIVE_SPECS,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'live',
      testMatch: LIVE_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
        baseURL: `http://localhost:${LIVE_PORT}`,
      },
    },
  ],
  webServer: [
    {
      // The production build in demo mode, as `npm run build && npm run preview` serves it.
      command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { M3TER_MODE: 'demo' },
    },
    {
      command: `npx tsx server/fake-upstream-cli.ts --port ${UPSTREAM_PORT} --access-key-id ${LIVE_ENV.M3TER_ACCESS_KEY_ID} --api-secret ${LIVE_ENV.M3TER_API_SECRET} --token-lifetime 60`,
      port: UPSTREAM_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx server/fake-solvimon-cli.ts --port ${SOLVIMON_UPSTREAM_PORT} --api-key ${LIVE_ENV.SOLVIMON_API_KEY}`,
      port: SOLVIMON_UPSTREAM_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The production server in live mode: its own build (the mode is baked in), then `npm run serve`.
      command: `npx vite build --outDir dist-live --emptyOutDir --logLevel warn && npx tsx server/serve.ts --dist dist-live --port ${LIVE_PORT}`,
      url: `http://localhost:${LIVE_PORT}`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: LIVE_ENV,
    },
  ],
});
