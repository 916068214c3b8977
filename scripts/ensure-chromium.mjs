#!/usr/bin/env node
// Finds a Chromium for Playwright: $CHROMIUM_PATH, then /usr/bin/chromium. If there is none, installs
// Debian's `chromium` when it can (root with apt-get), or stops saying exactly what to do.
// Playwright's own browser download cannot work on these machines, so it is never attempted.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.error(
      `CHROMIUM_PATH is set to ${fromEnv}, but no executable is there. Fix or unset it.`,
    );
    process.exit(1);
  }
  if (isExecutable(DEFAULT_PATH)) return DEFAULT_PATH;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (isExecutable(DEFAULT_PATH)) return DEFAULT_PATH;
  }
  console.error(
    [
      'The end-to-end tests need Chromium, and none was found.',
      'Do one of these, then run `npm test` again:',
      '  - on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Chromium: ${ensureChromium()}`);
}
