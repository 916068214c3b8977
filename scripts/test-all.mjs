#!/usr/bin/env node
// `npm test`: lint, type check, unit and component tests, then e2e in headless Chromium.
// Stops at the first failing step; prints each step's time and a closing count of tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

// Outside test-results/, which Playwright empties when it starts.
const reportDir = 'node_modules/.test-reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const timings = [];
function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s). Steps: ${timings.join(', ')}`);
    process.exit(result.status ?? 1);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const started = Date.now();
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('format', 'npx', ['prettier', '--check', '.']);
step('unused files, exports and dependencies', 'npx', ['knip']);
step('typecheck', 'npx', ['tsc', '-b']);
step('unit and component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportDir}/vitest.json`,
]);
const chromium = ensureChromium();
step('e2e (Playwright, headless Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reportDir}/playwright.json`,
});

const vitest = readJson(`${reportDir}/vitest.json`);
const pw = readJson(`${reportDir}/playwright.json`);
const unitPassed = vitest?.numPassedTests ?? 0;
const unitFailed = vitest?.numFailedTests ?? 0;
const e2ePassed = (pw?.stats?.expected ?? 0) + (pw?.stats?.flaky ?? 0);
const e2eFailed = pw?.stats?.unexpected ?? 0;
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nSteps: ${timings.join(', ')}; total ${total} s`);
console.log(`Vitest: ${unitPassed} passed; Playwright: ${e2ePassed} passed`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
