/**
 * Try live mode without an m3ter organisation: starts the fake m3ter API (fake-upstream.ts, seeded
 * with the demo data) and prints the environment that points the console at it.
 *
 *   npx tsx server/fake-upstream-cli.ts [--port 8787] [--token-lifetime 18000]
 *
 * then, in another terminal, `M3TER_MODE=live … npm start` (or put the variables in .env.local).
 * The key id and secret are made up here for this fake only; they are printed because they protect
 * nothing. Stop with Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEMO_ORG_ID } from '../config/app-config.ts';
import {
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  loadFakeM3terHandlers,
  startFakeUpstream,
} from './fake-upstream.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'token-lifetime': { type: 'string', default: String(DEFAULT_TOKEN_LIFETIME_SECONDS) },
    'org-id': { type: 'string', default: DEMO_ORG_ID },
    // Fixed credentials for automated runs (the e2e live journey); made up per run otherwise.
    'access-key-id': { type: 'string' },
    'api-secret': { type: 'string' },
  },
});

const port = Number(values.port);
const tokenLifetimeSeconds = Number(values['token-lifetime']);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(1);
}
if (!Number.isFinite(tokenLifetimeSeconds) || tokenLifetimeSeconds <= 0) {
  console.error(`--token-lifetime must be a number of seconds, got ${values['token-lifetime']}`);
  process.exit(1);
}

const accessKeyId = values['access-key-id'] ?? `fake-key-${randomBytes(6).toString('hex')}`;
const apiSecret = values['api-secret'] ?? `fake-secret-${randomBytes(12).toString('hex')}`;
const orgId = values['org-id'];

const upstream = await startFakeUpstream({
  accessKeyId,
  apiSecret,
  orgId,
  tokenLifetimeSeconds,
  handlers: await loadFakeM3terHandlers(),
  host: values.host,
  port,
});

console.log(`Fake m3ter API on ${upstream.url} (tokens last ${tokenLifetimeSeconds} s)

Point the console at it (shell, or .env.local):

M3TER_MODE=live
M3TER_BASE_URL=${upstream.url}
M3TER_ORG_ID=${orgId}
M3TER_ACCESS_KEY_ID=${accessKeyId}
M3TER_API_SECRET=${apiSecret}

then \`npm start\`, or \`npm run build && npm run serve\`. Ctrl+C stops the fake.`);

const stop = () => {
  void upstream.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
