/**
 * The live-mode proxies' policy: which requests may be forwarded to m3ter or Solvimon at all. Pure
 * decisions on the request's URL and headers, no I/O; proxy-core.ts answers every refusal with a JSON
 * error in the platform's shape and never lets a refused request reach the platform.
 *
 * One mechanism for both platforms, and each platform's allow-list beside it (tests in proxy.test.ts and
 * solvimon-proxy.test.ts, which run it behind the server, and proxy-policy.test.ts):
 * - forwards only the paths and methods the console's API modules use (`m3terRoute`, `solvimonRoute`),
 *   and on Solvimon only the query parameters its spec documents for that operation;
 * - every path segment must be one the console itself produces (`checkSegments`): a name (letters,
 *   digits, `_`, `-`: UUIDs, entity types, system names, the API's literal words), or at the few
 *   positions that carry an external system's text (m3ter's `externalmappings/externalid/…`) a mapping
 *   text without `/`, `\`, `;` or `%`, not made of dots only, unchanged by Unicode NFKC normalisation;
 *   and each segment must be encoded exactly as the console's `encodeURIComponent` encodes it. So `..`,
 *   `..;`, `;` parameters, double encoding (`%252e`), `%2f`, `%5c`, lower-case or needless escapes and
 *   full-width or other look-alike dots never go upstream, whatever a server in front of the platform
 *   would decode or normalise. The allow-list compares decoded segments, and the path goes upstream
 *   as the browser encoded it;
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
  /**
   * The allow-list, over the decoded segments below `apiBase`, each already checked to be a name or
   * a text (`SegmentKind`): a route refuses a text where it expects a name.
   */
  route: (segments: readonly Segment[]) => RouteMatch;
}

/**
 * `name`: letters, digits, `_` and `-` only (m3ter's `^[a-zA-Z0-9_-]*$` for entity types and
 * destinations, UUIDs, Solvimon's ids, every literal word of both APIs). `text`: anything else the
 * console may send as one segment (an external id or table typed by the user), within the limits of
 * `checkSegments`.
 */
type SegmentKind = 'name' | 'text';

interface Segment {
  /** Decoded. */
  value: string;
  kind: SegmentKind;
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
  return (segments) => {
    const [organizations, org, resource, sub] = segments.map((segment) => segment.value);
    if (organizations !== 'organizations' || org === undefined || resource === undefined) {
      return NOT_FORWARDED;
    }
    // Only `externalmappings/externalid/{system}/{externalTable}/{externalId}` carries an external
    // system's own text (src/api/mappings.ts); every other segment is a name.
    const textFrom =
      resource === 'externalmappings' && sub === 'externalid' ? 4 : Number.POSITIVE_INFINITY;
    if (segments.some((segment, i) => segment.kind !== 'name' && i < textFrom)) {
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
export function solvimonRoute(segments: readonly Segment[]): RouteRule | typeof NOT_FORWARDED {
  // Solvimon's ids and literal words are all names.
  if (segments.some((segment) => segment.kind !== 'name')) return NOT_FORWARDED;
  const [version, integrations, first, second, ...rest] = segments.map((segment) => segment.value);
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
  const segments = checkSegments(upstreamPath.slice(1));
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

/**
 * Checked for every non-empty body labelled JSON, before anything is sent: the platform never sees a
 * body that is not UTF-8 JSON.
 */
export function checkJsonBody(body: Uint8Array): Refusal | undefined {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return undefined;
  } catch {
    return refused(
      400,
      'The request body is labelled application/json but is not valid JSON; the console server ' +
        'forwards only JSON bodies.',
    );
  }
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

const NAME = /^[A-Za-z0-9_-]+$/;
/** Characters no text segment may hold, even encoded: separators and escapes some server may decode. */
const NEVER_IN_TEXT = /[/\\;%]/;
const ONLY_DOTS = /^\.+$/;
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The decoded segments of `path` with their kind, or undefined when one of them is not a segment the
 * console produces (see the module comment): the request is then refused before anything is sent.
 */
function checkSegments(path: string): Segment[] | undefined {
  const checked: Segment[] = [];
  for (const raw of path.split('/')) {
    if (NAME.test(raw)) {
      checked.push({ value: raw, kind: 'name' });
      continue;
    }
    let text: string;
    try {
      text = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Escaped only where encodeURIComponent escapes, and the way it does (upper-case hex).
    if (encodeURIComponent(text) !== raw) return undefined;
    if (!isTextSegment(text)) return undefined;
    checked.push({ value: text, kind: 'text' });
  }
  return checked;
}

function isTextSegment(text: string): boolean {
  return (
    text !== '' &&
    text === text.trim() &&
    !ONLY_DOTS.test(text) &&
    !NEVER_IN_TEXT.test(text) &&
    !CONTROL_CHARACTER.test(text) &&
    // Full-width dots, the two-dot leader and other compatibility forms turn into `.`, `/`… here.
    text.normalize('NFKC') === text
  );
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
