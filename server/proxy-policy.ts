/**
 * The live-mode proxies' policy: which requests may be forwarded to m3ter or Solvimon at all. Pure
 * decisions on the request's URL and headers, no I/O; proxy-core.ts answers every refusal with a JSON
 * error in the platform's shape and never lets a refused request reach the platform.
 *
 * One mechanism for both platforms, and each platform's allow-list beside it (tests in proxy.test.ts and
 * solvimon-proxy.test.ts, which run it behind the server, and proxy-policy.test.ts):
 * - forwards only the paths and methods the console's API modules use (`m3terRoute`, `solvimonRoute`),
 *   and on Solvimon only the query parameters its spec documents for that operation;
 * - every path segment is checked first: no empty, `.` or `..` segment, no encoded `/` or `\`, no
 *   control character (the platform or a gateway decoding them could resolve the path to an endpoint
 *   outside the allow-list); the allow-list compares decoded segments, and the path goes upstream as the
 *   browser encoded it;
 * - refuses cross-site requests (CSRF: the proxies hold an Administrator's credentials and an API key)
 *   and unknown Host names (DNS rebinding), because the console itself has no login;
 * - bounded request body (413), and JSON only (415).
 */
import { isIP } from 'node:net';
import type { AllowedHosts } from '../config/app-config.ts';

/** The platform a proxy serves, as named in its messages. */
export type ProxyService = 'm3ter' | 'Solvimon';

/** Request bodies above this are refused with 413 unless the proxy is given another limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Why the proxy answers by itself instead of forwarding; `code` goes into the JSON error. */
export interface Refusal {
  kind: 'refused';
  status: number;
  code: 'PROXY_REFUSED' | 'PROXY_BODY_TOO_LARGE';
  message: string;
  headers?: HeadersInit;
}

/** A request the policy lets through: what it is about and the path to send upstream. */
export interface ForwardedRoute {
  kind: 'forward';
  /** e.g. `integrationconfigs`, `integrations/{id}/activate`: for messages. */
  resource: string;
  /** The path below `apiBase`, as the browser encoded it. */
  upstreamPath: string;
}

/**
 * A path the allow-list forwards: for each method, the query parameters it may carry (`any`: not
 * checked, as for m3ter, whose list filters are many and harmless).
 */
export interface RouteRule {
  resource: string;
  methods: Readonly<Record<string, readonly string[] | 'any'>>;
}

/** What an allow-list says about a path: forward it (per method), or refuse it. */
type RouteMatch = RouteRule | { refused: 404 } | { refused: 403; message: string };

export interface RequestPolicy {
  service: ProxyService;
  /** The prefix the browser calls; what follows it is the upstream path. */
  apiBase: string;
  allowedHosts: AllowedHosts;
  /** The allow-list, over the decoded segments below `apiBase` (already checked to be plain). */
  route: (segments: readonly string[]) => RouteMatch;
}

const NOT_FORWARDED = { refused: 404 } as const;

/**
 * m3ter: resources under `/organizations/{orgId}/` and the methods the console's API module uses on
 * them (src/api/configs.ts, runs.ts, mappings.ts, events.ts, bills.ts). Runs and the mapping
 * configuration are read-only at m3ter; events, bills and accounts are writable there but only read by
 * the console, so the proxy forwards GET only.
 */
const M3TER_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  integrationconfigs: ['GET', 'POST', 'PUT', 'DELETE'],
  externalmappings: ['GET', 'POST', 'PUT', 'DELETE'],
  integrationruns: ['GET'],
  externalmappingconfiguration: ['GET'],
  events: ['GET'],
  bills: ['GET'],
  accounts: ['GET'],
  // Only the webhook destinations of `integrationdestinations` (src/api/webhook-destinations.ts): its
  // marketplace and workflow endpoints are not the console's.
  'integrationdestinations/webhooks': ['GET', 'POST', 'PUT', 'DELETE'],
};

/** m3ter's allow-list: `organizations/{orgId}/{resource}[/…]`, for the configured organisation only. */
export function m3terRoute(orgId: string): RequestPolicy['route'] {
  return ([organizations, org, resource]) => {
    if (organizations !== 'organizations' || org === undefined || resource === undefined) {
      return NOT_FORWARDED;
    }
    if (org !== orgId) {
      return {
        refused: 403,
        message:
          'This console server only forwards requests for its configured organisation (M3TER_ORG_ID).',
      };
    }
    const key = Object.hasOwn(M3TER_RESOURCES, resource) ? resource : `${resource}/${sub ?? ''}`;
    const methods = Object.hasOwn(M3TER_RESOURCES, key) ? M3TER_RESOURCES[key] : undefined;
    if (!methods) return NOT_FORWARDED;
    return { resource: key, methods: Object.fromEntries(methods.map((m) => [m, 'any'])) };
  };
}

/** Query parameters Solvimon documents (docs/solvimon-api.md §1), per operation. */
const LIST_QUERY = ['limit', 'page', 'order_by', 'order_direction'] as const;
const TEST_CONNECTION_QUERY = [
  'integration_type',
  'e_invoicing_processor',
  'tax_calculation_variant',
] as const;
const LIFECYCLE_ACTIONS = new Set(['activate', 'deprecate', 'archive']);

/**
 * Solvimon's allow-list: the console's operations on `v1/integrations` (src/api/solvimon/
 * integrations.ts) and nothing else of Solvimon's API. `test-connection` and `e-invoicing` are
 * Solvimon's literal paths, never read as an integration id.
 */
export function solvimonRoute([version, integrations, first, second, ...rest]: readonly string[]):
  RouteRule | typeof NOT_FORWARDED {
  if (version !== 'v1' || integrations !== 'integrations') return NOT_FORWARDED;
  if (first === undefined) {
    return { resource: 'integrations', methods: { GET: LIST_QUERY, POST: [] } };
  }
  if (first === 'test-connection') {
    return second === undefined
      ? { resource: 'integrations/test-connection', methods: { POST: TEST_CONNECTION_QUERY } }
      : NOT_FORWARDED;
  }
  if (first === 'e-invoicing') {
    return second === 'default-mandates' && rest.length === 0
      ? { resource: 'integrations/e-invoicing/default-mandates', methods: { GET: LIST_QUERY } }
      : NOT_FORWARDED;
  }
  if (second === undefined) {
    return { resource: 'integrations/{id}', methods: { GET: [], PATCH: [], DELETE: [] } };
  }
  if (LIFECYCLE_ACTIONS.has(second) && rest.length === 0) {
    return { resource: `integrations/{id}/${second}`, methods: { POST: [] } };
  }
  return NOT_FORWARDED;
}

const refused = (
  status: number,
  message: string,
  headers?: HeadersInit,
  code: Refusal['code'] = 'PROXY_REFUSED',
): Refusal => ({ kind: 'refused', status, code, message, ...(headers ? { headers } : {}) });

/** True when `pathname` is `apiBase` itself or below it. */
export function isUnderApiBase(pathname: string, apiBase: string): boolean {
  return pathname === apiBase || pathname.startsWith(`${apiBase}/`);
}

/**
 * Everything about a request except its body: Host and origin first, then the path, the method and
 * the query. `method` is the request's method in upper case.
 */
export function checkRequest(
  request: Request,
  url: URL,
  method: string,
  policy: RequestPolicy,
): ForwardedRoute | Refusal {
  const originProblem = checkOrigin(request, url, method, policy);
  if (originProblem) return refused(403, originProblem);

  const notForwarded = () => refused(404, `Not forwarded by the console server: ${url.pathname}`);
  const { apiBase } = policy;
  if (!url.pathname.startsWith(`${apiBase}/`)) return notForwarded();
  const upstreamPath = url.pathname.slice(apiBase.length);
  const segments = plainSegments(upstreamPath.slice(1));
  if (!segments) return notForwarded();

  const match = policy.route(segments);
  if ('refused' in match) {
    return match.refused === 403 ? refused(403, match.message) : notForwarded();
  }
  const allowedQuery = Object.hasOwn(match.methods, method) ? match.methods[method] : undefined;
  if (allowedQuery === undefined) {
    const allowed = Object.keys(match.methods);
    return refused(405, `The console server does not forward ${method} on ${match.resource}.`, {
      allow: allowed.join(', '),
    });
  }
  if (allowedQuery !== 'any') {
    const seen = new Set<string>();
    for (const name of url.searchParams.keys()) {
      if (!allowedQuery.includes(name) || seen.has(name)) {
        return refused(
          400,
          `The console server does not forward the query parameter "${name}" ` +
            `${seen.has(name) ? 'twice ' : ''}on ${method} ${match.resource}.`,
        );
      }
      seen.add(name);
    }
  }
  return { kind: 'forward', resource: match.resource, upstreamPath };
}

/** The 413 for a request body above `maxBodyBytes`. */
export function bodyTooLarge(maxBodyBytes: number): Refusal {
  return refused(
    413,
    `Request body larger than ${maxBodyBytes} bytes; the console never sends that much.`,
    undefined,
    'PROXY_BODY_TOO_LARGE',
  );
}

/** Checked for every non-empty request body. */
export function checkBodyType(request: Request): Refusal | undefined {
  // JSON only: also makes every cross-origin write a preflighted request, which fails here.
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return refused(415, 'Request bodies must be application/json.');
  }
  return undefined;
}

/** The decoded segments of `path`, or undefined when one of them is not a plain name. */
function plainSegments(path: string): string[] | undefined {
  const decoded: string[] = [];
  for (const segment of path.split('/')) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (text === '' || text === '.' || text === '..' || /[/\\]/.test(text)) return undefined;
    if (hasControlCharacter(text)) return undefined;
    decoded.push(text);
  }
  return decoded;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * CSRF and DNS-rebinding guard. Browsers send `Sec-Fetch-Site` on every request (older ones at least
 * `Origin` on writes); clients without either (curl, scripts) are not browsers being tricked.
 */
function checkOrigin(
  request: Request,
  url: URL,
  method: string,
  { service, allowedHosts }: RequestPolicy,
): string | undefined {
  if (!isAllowedHost(url.hostname, allowedHosts)) {
    return `Host "${url.hostname}" is not allowed to use the console server's ${service} proxy; add it to ALLOWED_HOSTS.`;
  }
  const crossSite = `Cross-site requests to the ${service} proxy are refused.`;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || (site === 'none' && method === 'GET')) return undefined;
    return crossSite;
  }
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return crossSite;
  }
  return originHost === url.host ? undefined : crossSite;
}

/** Like Vite's `server.allowedHosts`: localhost, `*.localhost` and IP literals always pass. */
function isAllowedHost(hostname: string, allowedHosts: AllowedHosts): boolean {
  if (allowedHosts === 'any') return true;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || isIP(host) !== 0) return true;
  return allowedHosts.some((allowed) =>
    allowed.startsWith('.')
      ? host === allowed.slice(1) || host.endsWith(allowed)
      : host === allowed,
  );
}
