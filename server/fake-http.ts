/**
 * What the fake upstreams (fake m3ter: fake-upstream.ts, fake Solvimon: fake-solvimon.ts) share: a
 * node:http server on loopback that records every request it receives (so tests can check what a
 * proxy forwarded), lets a test answer instead of the fake (`setOverride`: a 429, a slow answer, an
 * HTML error page), and hands the rest to the console's own fake backend, whose MSW handlers (src/mocks)
 * hold the platform's rules, through msw's `getResponse`.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Answers instead of the fake backend when it returns a Response (e.g. a 429 or a slow answer). */
export type UpstreamOverride = (
  request: RecordedRequest,
) => Promise<Response | undefined> | Response | undefined;

export interface FakeHttpServer {
  /** e.g. `http://127.0.0.1:41234`: the value for M3TER_BASE_URL or SOLVIMON_BASE_URL. */
  url: string;
  /** Every request, oldest first. */
  requests: RecordedRequest[];
  setOverride(override: UpstreamOverride | undefined): void;
  /** Idempotent: tests close it early to simulate the platform going away. */
  close(): Promise<void>;
}

export interface FakeHttpServerOptions {
  /** Names the fake in a 500 answer when `handle` throws. */
  name: string;
  /** The fake's answer; `override` is what the test set, to apply after the fake's own checks. */
  handle: (request: RecordedRequest, override: UpstreamOverride | undefined) => Promise<Response>;
  /** Default 127.0.0.1. */
  host?: string | undefined;
  /** Default 0: a free port. */
  port?: number | undefined;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function startFakeHttpServer(options: FakeHttpServerOptions): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = [];
  let override: UpstreamOverride | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: { ...req.headers },
      body: body.toString('utf8'),
    };
    requests.push(recorded);
    await send(res, await options.handle(recorded, override));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `${options.name} failed: ${message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    setOverride(next) {
      override = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The fake backend's answer to a recorded request, as `{origin}{path}`; undefined when no handler
 * matches.
 */
export async function answerFromHandlers(
  handlers: RequestHandler[],
  origin: string,
  recorded: RecordedRequest,
): Promise<Response | undefined> {
  const { method, body } = recorded;
  const request = new Request(`${origin}${recorded.url}`, {
    method,
    headers: headersOf(recorded.headers),
    ...(method === 'GET' || method === 'HEAD' || body === '' ? {} : { body }),
  });
  return getResponse(handlers, request);
}

/**
 * Loads a module of the console's fake backends (src/mocks) at run time by path: src/ is type-checked
 * with bundler resolution (extensionless imports), which this Node project's `nodenext` check would
 * reject; tsx and Vitest load it either way.
 */
export async function importFromSrc(path: string): Promise<Record<string, unknown>> {
  const specifier = new URL(`../src/${path}`, import.meta.url).href;
  return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
}

/** One request header as text ('' when absent). */
export function header(recorded: RecordedRequest, name: string): string {
  const value = recorded.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** Constant-time comparison of a credential the fake received with the one it expects. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function headersOf(received: RecordedRequest['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received)) {
    if (value === undefined || name === 'host' || name === 'content-length') continue;
    if (name === 'connection' || name === 'transfer-encoding' || name === 'keep-alive') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.byteLength;
    if (total > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
