/**
 * The live-mode proxy's policy: which requests proxy.ts may forward to m3ter at all. Pure decisions
 * on the request's URL and headers, no I/O; proxy.ts answers every refusal with a JSON
 * `{ message, code }` and never lets a refused request reach m3ter.
 *
 * What it guarantees (tests in proxy.test.ts, which runs it behind the server, and proxy-policy.test.ts):
 * - forwards only the resources and methods the console uses, under the configured organisation;
 * - refuses cross-site requests (CSRF: the proxy holds an Administrator's credentials) and unknown Host
 *   names (DNS rebinding), because the console itself has no login;
 * - bounded request body (413), and JSON only.
 */
import { isIP } from 'node:net';
import type { AllowedHosts } from '../config/app-config.ts';

/**
 * Resources under `/organizations/{orgId}/` and the methods the console's API module uses on them
 * (src/api/configs.ts, runs.ts, mappings.ts). Runs and the mapping configuration are read-only at m3ter.
 */
const FORWARDED_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  integrationconfigs: ['GET', 'POST', 'PUT', 'DELETE'],
  externalmappings: ['GET', 'POST', 'PUT', 'DELETE'],
  integrationruns: ['GET'],
  externalmappingconfiguration: ['GET'],
};

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

/** A request the policy lets through: the resource it is about and the path to send m3ter. */
export interface ForwardedRoute {
  kind: 'forward';
  resource: string;
  /** The path below `apiBase`, as the browser encoded it. */
  upstreamPath: string;
}

export interface RequestPolicy {
  apiBase: string;
  orgId: string;
  allowedHosts: AllowedHosts;
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
 * Everything about a request except its body: Host and origin first, then the path and the method.
 * `method` is the request's method in upper case.
 */
export function checkRequest(
  request: Request,
  url: URL,
  method: string,
  policy: RequestPolicy,
): ForwardedRoute | Refusal {
  const originProblem = checkOrigin(request, url, method, policy.allowedHosts);
  if (originProblem) return refused(403, originProblem);

  const route = matchRoute(url.pathname, policy.apiBase, policy.orgId);
  if (route.kind === 'other-org') {
    return refused(
      403,
      'This console server only forwards requests for its configured organisation (M3TER_ORG_ID).',
    );
  }
  if (route.kind === 'refused') {
    return refused(404, `Not forwarded by the console server: ${url.pathname}`);
  }
  const allowedMethods = FORWARDED_RESOURCES[route.resource] ?? [];
  if (!allowedMethods.includes(method)) {
    return refused(405, `The console server does not forward ${method} on ${route.resource}.`, {
      allow: allowedMethods.join(', '),
    });
  }
  return route;
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

type Route = ForwardedRoute | { kind: 'other-org' } | { kind: 'refused' };

/**
 * `{apiBase}/organizations/{orgId}/{resource}[/…]` with every segment checked: no empty, `.` or `..`
 * segment and no encoded `/` or `\` (m3ter or a gateway decoding them could resolve the path to an
 * endpoint outside the allow-list). The path goes upstream as the browser encoded it.
 */
function matchRoute(pathname: string, apiBase: string, orgId: string): Route {
  if (!pathname.startsWith(`${apiBase}/`)) return { kind: 'refused' };
  const upstreamPath = pathname.slice(apiBase.length);
  const segments = upstreamPath.slice(1).split('/');
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { kind: 'refused' };
    }
    if (
      decoded === '' ||
      decoded === '.' ||
      decoded === '..' ||
      /[/\\]/.test(decoded) ||
      hasControlCharacter(decoded)
    ) {
      return { kind: 'refused' };
    }
  }
  const [organizations, org, resource] = segments;
  if (organizations !== 'organizations' || org === undefined || resource === undefined) {
    return { kind: 'refused' };
  }
  if (decodeURIComponent(org) !== orgId) return { kind: 'other-org' };
  if (!Object.hasOwn(FORWARDED_RESOURCES, resource)) return { kind: 'refused' };
  return { kind: 'forward', resource, upstreamPath };
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
  allowedHosts: AllowedHosts,
): string | undefined {
  if (!isAllowedHost(url.hostname, allowedHosts)) {
    return `Host "${url.hostname}" is not allowed to use the console server's m3ter proxy; add it to ALLOWED_HOSTS.`;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || (site === 'none' && method === 'GET')) return undefined;
    return 'Cross-site requests to the m3ter proxy are refused.';
  }
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'Cross-site requests to the m3ter proxy are refused.';
  }
  return originHost === url.host
    ? undefined
    : 'Cross-site requests to the m3ter proxy are refused.';
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
