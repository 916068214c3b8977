/**
 * `npm run serve`: the production server. Reads the environment (the process environment wins over
 * .env.production.local, .env.production, .env.local and .env, as Vite reads them for `npm run build`),
 * checks it, and serves dist/ plus, in live mode, the m3ter proxy (and Solvimon's when
 * SOLVIMON_MODE=live). A bad configuration stops the start with a message naming each variable to
 * fix; secrets are never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import type { ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadAppConfig, type AppConfig } from '../config/app-config.ts';
import { createConsoleServer, createServerApp } from './app.ts';
import { buildInfoMismatches, readBuildInfo } from './build-info.ts';
import { solvimonProxyPrefix } from './solvimon-proxy.ts';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

/** Later files win; the same files and order as Vite's `loadEnv` in production mode. */
const ENV_FILES = ['.env', '.env.local', '.env.production', '.env.production.local'];

/** A start refused for a reason other than the environment (e.g. dist/ missing or mismatched). */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

export interface StartOptions {
  /** Defaults to `process.env`; it wins over the .env files. */
  env?: Record<string, string | undefined>;
  /** Where the .env files and dist/ are; defaults to the current directory. */
  cwd?: string;
  distDir?: string;
  /** Overrides PORT (tests use 0 for a free port). */
  port?: number;
  host?: string;
  /** The proxy's upstream fetch (tests point it at the fake upstream). */
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface RunningServer {
  config: AppConfig;
  /** e.g. `http://127.0.0.1:4173` */
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** The environment `npm run serve` sees: .env files under the process environment. */
export function readEnvironment(
  cwd: string,
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {};
  for (const file of ENV_FILES) {
    const path = resolve(cwd, file);
    if (existsSync(path)) Object.assign(merged, parseEnv(readFileSync(path, 'utf8')));
  }
  return { ...merged, ...env };
}

/**
 * Checks the configuration and dist/, then listens. Throws ConfigError (environment) or StartError
 * (dist/ missing, or built for another mode or organisation) before opening any port.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const cwd = options.cwd ?? process.cwd();
  const config = loadAppConfig(readEnvironment(cwd, options.env ?? process.env));
  const distDir = options.distDir ?? resolve(cwd, 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new StartError(`${distDir} has no index.html: run \`npm run build\` first.`);
  }
  const built = await readBuildInfo(distDir);
  if (built) {
    const problems = buildInfoMismatches(built, config);
    if (problems.length > 0) {
      throw new StartError(
        `The build does not match this configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
          'Run `npm run build` again with the same environment as `npm run serve`.',
      );
    }
  }

  const app = createServerApp(config, {
    distDir,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const port = options.port ?? config.port ?? DEFAULT_PORT;
  const host = options.host ?? config.host ?? DEFAULT_HOST;

  const server = await new Promise<ServerType>((resolveListening, reject) => {
    const s = createConsoleServer(app);
    s.once('error', reject);
    s.listen(port, host, () => resolveListening(s));
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    config,
    url: `http://${urlHost}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolveClosed, reject) => {
        server.close((error) => (error ? reject(error) : resolveClosed()));
        // Keep-alive connections would hold close() open for their idle timeout.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export interface MainIo {
  info: (line: string) => void;
  error: (line: string) => void;
}

/**
 * The command: 0 when listening, 1 when the start was refused (the message says why). Used by the
 * entry point below and by tests.
 */
export async function main(
  options: StartOptions = {},
  io: MainIo = { info: console.log, error: console.error },
): Promise<{ exitCode: 0; running: RunningServer } | { exitCode: 1 }> {
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.error(
        `\n${error.message}\n\nSee README.md, "Connect to your m3ter organisation" and "Connect to Solvimon".\n`,
      );
      return { exitCode: 1 };
    }
    if (error instanceof StartError) {
      io.error(`\n${error.message}\n`);
      return { exitCode: 1 };
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.error(`\nCannot listen: ${String(code)}. Set PORT (and HOST) to a free port.\n`);
      return { exitCode: 1 };
    }
    throw error;
  }
  const { config, url } = running;
  const shownUrl = url.replace('://127.0.0.1:', '://localhost:');
  io.info(`m3ter integrations console on ${shownUrl} (${config.mode} mode)`);
  if (config.mode === 'live') {
    const how = config.credentials?.kind === 'static-token' ? 'M3TER_API_TOKEN' : 'Service User';
    io.info(
      `  ${config.apiBase} → ${config.upstreamBaseUrl}, organisation ${config.orgId}, credentials: ${how}`,
    );
    const { solvimon } = config;
    io.info(
      solvimon.mode === 'live'
        ? `  ${solvimonProxyPrefix(solvimon.apiBase)} → ${solvimon.upstreamBaseUrl}/v1, credentials: SOLVIMON_API_KEY${solvimon.platformId === undefined ? '' : ', x-platform-id: SOLVIMON_PLATFORM_ID'}`
        : '  Solvimon: off (set SOLVIMON_MODE=live and SOLVIMON_API_KEY to connect to it)',
    );
  } else {
    io.info('  the demo backend runs in the browser; set M3TER_MODE=live to connect to m3ter');
  }
  return { exitCode: 0, running };
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

/** `npm run serve -- --dist <dir> --port <n> --host <h>`: overrides for a build kept elsewhere. */
export function optionsFromArgs(args: string[]): StartOptions {
  const { values } = parseArgs({
    args,
    options: { dist: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const options: StartOptions = {};
  if (values.dist !== undefined) options.distDir = resolve(values.dist);
  if (values.host !== undefined) options.host = values.host;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new StartError(`--port must be a port number, got ${values.port}`);
    }
    options.port = port;
  }
  return options;
}

if (isEntryPoint) {
  let options: StartOptions;
  try {
    options = optionsFromArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const result = await main(options);
  if (result.exitCode !== 0) {
    process.exitCode = result.exitCode;
  } else {
    const { running } = result;
    const stop = () => {
      void running.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}
