/**
 * Try Solvimon's live mode without a Solvimon account: starts the fake Solvimon API (fake-solvimon.ts,
 * seeded with the demo's integrations) and prints the environment that points the console at it.
 *
 *   npx tsx server/fake-solvimon-cli.ts [--port 8788] [--api-key <key>]
 *
 * Solvimon live mode runs beside a live m3ter (config/app-config.ts), so start `npm run fake-m3ter`
 * too and use both sets of variables. The key is made up here for this fake only; it is printed
 * because it protects nothing. Stop with Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadFakeSolvimonHandlers, startFakeSolvimon } from './fake-solvimon.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    host: { type: 'string', default: '127.0.0.1' },
    // A fixed key for automated runs (the e2e live journey); made up per run otherwise.
    'api-key': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(1);
}
const apiKey = values['api-key'] ?? `fake-solvimon-key-${randomBytes(12).toString('hex')}`;

const upstream = await startFakeSolvimon({
  apiKey,
  handlers: await loadFakeSolvimonHandlers(),
  host: values.host,
  port,
});

console.log(`Fake Solvimon API on ${upstream.url} (the demo's integrations; X-API-KEY required)

Point the console at it (shell, or .env.local), beside a live m3ter (\`npm run fake-m3ter\`):

SOLVIMON_MODE=live
SOLVIMON_BASE_URL=${upstream.url}
SOLVIMON_API_KEY=${apiKey}

then \`npm start\`, or \`npm run build && npm run serve\`. Ctrl+C stops the fake.`);

const stop = () => {
  void upstream.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
