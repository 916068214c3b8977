/**
 * HTTP ↔ store plumbing shared by every handler: faults, JSON bodies, query parameters, and
 * StoreError → `{ message }` with its status. No m3ter rule belongs here.
 */
import { delay, HttpResponse, type JsonBodyType, type PathParams } from 'msw';
import type { FaultSettings } from '../demo-controls';
import { drawFault } from '../faults';
import type { DemoStore } from '../store';
import { StoreError } from '../store-error';

/**
 * Matches `{anything}/organizations/{orgId}`: the app calls `{API_BASE}/organizations/{orgId}/…`
 * (API_BASE `/m3ter` by default) and the live-mode proxy tests call it without a prefix.
 */
export const ORG_BASE = '*/organizations/:orgId';

export interface HandlerOptions {
  /** The store to answer from; a function so a reset can swap it without rebuilding handlers. */
  store: () => DemoStore;
  /** The fault switch; off when omitted. */
  faults?: () => FaultSettings;
  /** Randomness for fault injection (tests force outcomes with it). */
  random?: () => number;
}

interface RouteArgs {
  request: Request;
  params: PathParams;
  url: URL;
  store: DemoStore;
}

type RouteFn = (args: RouteArgs) => JsonBodyType | Promise<JsonBodyType>;

export function errorResponse(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status });
}

/** Wraps a store call into an MSW resolver. */
export function route(options: HandlerOptions, fn: RouteFn) {
  return async ({ request, params }: { request: Request; params: PathParams }) => {
    const faults = options.faults?.();
    if (faults && faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = faults ? drawFault(faults, options.random) : undefined;
    if (fault) return errorResponse(fault.status, fault.message);
    try {
      const body = await fn({ request, params, url: new URL(request.url), store: options.store() });
      return HttpResponse.json(body);
    } catch (error) {
      if (error instanceof StoreError) return errorResponse(error.status, error.message);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(500, `Internal error in the demo backend: ${message}`);
    }
  };
}

/** A path parameter as one string (MSW has already URL-decoded it). */
export function param(params: PathParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

export function query(url: URL, name: string): string | null {
  return url.searchParams.get(name);
}

/** The JSON request body; empty or malformed JSON is a 400, as at m3ter. */
export async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') throw new StoreError(400, 'Request body is required');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StoreError(400, 'Malformed JSON in request body');
  }
}

export function pageQuery(url: URL) {
  return { pageSize: query(url, 'pageSize'), nextToken: query(url, 'nextToken') };
}
