/**
 * Helpers for the server tests (loopback HTTP only).
 *
 * `loopbackFetch` is Node's own fetch, taken when a test file imports this module: src/test/setup.ts
 * (a setup file for every Vitest file) starts MSW's Node interceptor in a `beforeAll`, after the test
 * file is imported, and that interceptor would answer any `/organizations/…` request in this process
 * from the in-memory demo store — the proxy and the tests must talk to the real sockets instead.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { ServerType } from '@hono/node-server';
import { connect, type AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { loadAppConfig, type AppConfig } from '../config/app-config.ts';
import { createConsoleServer } from './app.ts';
import { BUILD_INFO_FILE, buildInfoSource } from './build-info.ts';

export const loopbackFetch: typeof fetch = globalThis.fetch.bind(globalThis);

export const TEST_ORG_ID = '0f4c2a11-7d3e-4b5a-9c8d-1e2f3a4b5c6d';
export const TEST_KEY_ID = 'test-access-key-id-4F7Q';
export const TEST_SECRET = 'test-api-secret-Zx9!kL2#pQ';
export const TEST_SOLVIMON_KEY = 'test-solvimon-key-Hq7%vR3@';
export const TEST_PLATFORM_ID = 'plat_test_42';

/** A clock the test moves by hand; shared by the fake upstream and the proxy's token provider. */
export function createClock(start = Date.UTC(2026, 10, 20, 12)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export function liveConfig(upstreamUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    M3TER_MODE: 'live',
    M3TER_ORG_ID: TEST_ORG_ID,
    M3TER_BASE_URL: upstreamUrl,
    M3TER_ACCESS_KEY_ID: TEST_KEY_ID,
    M3TER_API_SECRET: TEST_SECRET,
    ...env,
  });
}

/** m3ter and Solvimon both live, each on its own (fake) upstream. */
export function solvimonLiveConfig(
  m3terUrl: string,
  solvimonUrl: string,
  env: Record<string, string> = {},
): AppConfig {
  return liveConfig(m3terUrl, {
    SOLVIMON_MODE: 'live',
    SOLVIMON_BASE_URL: solvimonUrl,
    SOLVIMON_API_KEY: TEST_SOLVIMON_KEY,
    SOLVIMON_PLATFORM_ID: TEST_PLATFORM_ID,
    ...env,
  });
}

export const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

export const ENTRY_JS = `console.log(${JSON.stringify('the console '.repeat(200))});\n`;

/** A dist/ like Vite's: index.html, hashed assets (with .br/.gz), public files, optionally the build info. */
export async function makeDist(
  buildFor?: AppConfig,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'm3ter-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX_HTML);
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), ENTRY_JS);
  await writeFile(join(dir, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}\n');
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The build's compressed copies (config/precompress-plugin.ts) of the entry chunk.
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(ENTRY_JS));
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(ENTRY_JS));
  if (buildFor) await writeFile(join(dir, BUILD_INFO_FILE), buildInfoSource(buildFor));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Serves a Hono app on 127.0.0.1 at a free port. */
export async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = createConsoleServer(app);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** Status, headers and body as text, for "no secret anywhere" checks. */
export async function readAll(response: Response): Promise<{
  status: number;
  headers: Record<string, string>;
  text: string;
}> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, text: await response.text() };
}

/** A GET with exactly this Accept-Encoding, the body as sent (fetch would decompress it). */
export function rawGet(
  base: string,
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { headers: { 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One request with the path exactly as given (fetch and URL would resolve or re-encode it first), and
 * `signal` to disconnect before the answer: the promise then resolves with status 0.
 */
export function rawRequest(
  base: string,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
  },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
      },
    );
    options.signal?.addEventListener('abort', () => req.destroy(), { once: true });
    req.on('error', (error) =>
      options.signal?.aborted ? resolve({ status: 0, headers: {}, text: '' }) : reject(error),
    );
    req.end(options.body);
  });
}

/** The raw bytes of an HTTP exchange over one socket: `send` as is, the whole answer as text. */
export function rawExchange(base: string, send: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(send));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
