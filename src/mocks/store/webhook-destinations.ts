/**
 * Webhook destinations of the fake m3ter (docs/m3ter-api.md §6.1): the spec's required fields, a URL
 * m3ter can reach (http(s), a host that resolves: hosts under `.invalid` and `does-not-resolve.example`
 * never do here), version checks, 404s and paging. The signing credentials are write-only: stored as
 * fingerprints, answered masked, and a PUT whose credentials leave out `apiKey` / `secret` keeps the
 * stored ones (the fake's reading: src/mocks/README.md).
 */
import { webhookDestinationRequestSchema } from '../../api/schemas';
import { paginate, type PageQuery, type PageResult } from '../paging';
import {
  fingerprint,
  type StoredWebhookCredentials,
  type StoredWebhookDestination,
} from '../seed-webhook-destinations';
import { StoreError } from '../store-error';
import { newestFirst, splitIds } from './query';
import { requireVersion, type StoreState, type WriteContext } from './state';
import { validateBody } from './validation';

/** What m3ter answers for the credentials: never the api key or secret as typed. */
const MASKED = '********';

interface WebhookListQuery extends PageQuery {
  ids?: readonly string[] | string | null;
}

/** The response body (`WebhookDestinationResponse`), credentials masked. */
type WebhookDestinationBody = Record<string, unknown> & { id: string };

export interface WebhookDestinationStore {
  listWebhookDestinations(query?: WebhookListQuery): PageResult<WebhookDestinationBody>;
  getWebhookDestination(id: string): WebhookDestinationBody;
  createWebhookDestination(body: unknown, ctx?: WriteContext): WebhookDestinationBody;
  updateWebhookDestination(id: string, body: unknown, ctx?: WriteContext): WebhookDestinationBody;
  deleteWebhookDestination(id: string): WebhookDestinationBody;
  setWebhookDestinationActive(
    id: string,
    active: string | null | undefined,
    ctx?: WriteContext,
  ): WebhookDestinationBody;
}

/** Hosts this fake's "DNS" never resolves (RFC 6761's `.invalid`, and one for demos). */
function resolves(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return !(h === 'invalid' || h.endsWith('.invalid') || h === 'does-not-resolve.example');
}

/** m3ter refuses a URL it cannot send to, naming the field (docs/m3ter-api.md §6.1: "a valid DNS name"). */
function checkUrl(raw: string): string {
  const url = raw.trim();
  let parsed: URL;
  try {
    if (/\s/.test(url)) throw new Error('spaces');
    parsed = new URL(url);
  } catch {
    throw new StoreError(400, `url: "${url}" is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new StoreError(400, `url: must be an http or https URL, not ${parsed.protocol}`);
  }
  if (parsed.hostname === '') throw new StoreError(400, 'url: must name a host');
  if (!resolves(parsed.hostname)) {
    throw new StoreError(
      400,
      `url: Unable to resolve host ${parsed.hostname}: the URL must be a valid DNS name`,
    );
  }
  return url;
}

function toBody(stored: StoredWebhookDestination): WebhookDestinationBody {
  const { credentials, extra, ...rest } = stored;
  const { apiKeyFingerprint: _a, secretFingerprint: _s, ...credentialFields } = credentials;
  return structuredClone({
    ...extra,
    ...rest,
    credentials: { ...credentialFields, apiKey: MASKED, secret: MASKED },
  });
}

const KNOWN_KEYS = new Set([
  'name',
  'description',
  'url',
  'code',
  'active',
  'credentials',
  'version',
]);

export function createWebhookDestinationStore(state: StoreState): WebhookDestinationStore {
  const { clock, defaultActor, sync, persist, newId, stamp } = state;

  const find = (id: string): StoredWebhookDestination => {
    const found = state.data.webhookDestinations.get(id);
    if (!found) throw new StoreError(404, `WebhookDestination not found: ${id}`);
    return found;
  };

  const checkCode = (code: string | undefined, self?: string) => {
    if (code === undefined || code === '') return;
    for (const other of state.data.webhookDestinations.values()) {
      if (other.id !== self && other.code === code) {
        throw new StoreError(400, `code: "${code}" is already used by another webhook destination`);
      }
    }
  };

  const parse = (body: unknown) => {
    const parsed = validateBody(webhookDestinationRequestSchema, body);
    const extra = Object.fromEntries(
      Object.entries(parsed).filter(([key]) => !KNOWN_KEYS.has(key)),
    );
    return { parsed, url: checkUrl(parsed.url), extra };
  };

  const credentialsFrom = (
    given: { apiKey?: string | undefined; secret?: string | undefined; name?: string | undefined },
    destinationId: string,
    previous: StoredWebhookCredentials | undefined,
    actor: string,
  ): StoredWebhookCredentials => {
    const now = clock().toISOString();
    if (!previous && (given.apiKey === undefined || given.secret === undefined)) {
      const missing = [
        given.apiKey === undefined ? 'credentials.apiKey: is required' : '',
        given.secret === undefined ? 'credentials.secret: is required' : '',
      ].filter(Boolean);
      throw new StoreError(400, missing.join('; '));
    }
    const replaced = given.apiKey !== undefined || given.secret !== undefined;
    if (previous && !replaced) {
      return given.name !== undefined ? { ...previous, name: given.name } : previous;
    }
    const next: StoredWebhookCredentials = {
      id: previous?.id ?? newId(),
      type: 'M3TER_SIGNED_REQUEST',
      destination: 'WEBHOOK',
      destinationId,
      apiKeyFingerprint:
        given.apiKey !== undefined
          ? fingerprint(given.apiKey)
          : (previous?.apiKeyFingerprint ?? ''),
      secretFingerprint:
        given.secret !== undefined
          ? fingerprint(given.secret)
          : (previous?.secretFingerprint ?? ''),
      version: (previous?.version ?? 0) + 1,
      dtCreated: previous?.dtCreated ?? now,
      dtLastModified: now,
      createdBy: previous?.createdBy ?? actor,
      lastModifiedBy: actor,
    };
    const name = given.name ?? previous?.name;
    if (name !== undefined) next.name = name;
    return next;
  };

  return {
    listWebhookDestinations(query = {}) {
      sync();
      const ids = splitIds(query.ids);
      const list = [...state.data.webhookDestinations.values()]
        .filter((d) => ids.length === 0 || ids.includes(d.id))
        .sort(newestFirst);
      const page = paginate(list, query, `webhooks|${ids.join(',')}`);
      return { ...page, data: page.data.map(toBody) };
    },

    getWebhookDestination(id) {
      sync();
      return toBody(find(id));
    },

    createWebhookDestination(body, ctx) {
      sync();
      const { parsed, url, extra } = parse(body);
      checkCode(parsed.code);
      const actor = ctx?.actor ?? defaultActor;
      const id = newId();
      const now = clock().toISOString();
      const created: StoredWebhookDestination = {
        id,
        version: 1,
        name: parsed.name,
        description: parsed.description,
        active: parsed.active ?? true,
        url,
        credentials: credentialsFrom(parsed.credentials, id, undefined, actor),
        dtCreated: now,
        dtLastModified: now,
        createdBy: actor,
        lastModifiedBy: actor,
      };
      if (parsed.code !== undefined && parsed.code !== '') created.code = parsed.code;
      if (Object.keys(extra).length > 0) created.extra = extra;
      stamp(created, ctx);
      state.data.webhookDestinations.set(id, created);
      persist();
      return toBody(created);
    },

    updateWebhookDestination(id, body, ctx) {
      sync();
      const current = find(id);
      const { parsed, url, extra } = parse(body);
      requireVersion(parsed, current.version, `WebhookDestination ${id}`);
      checkCode(parsed.code, id);
      const actor = ctx?.actor ?? defaultActor;
      const next: StoredWebhookDestination = {
        id,
        version: current.version + 1,
        name: parsed.name,
        description: parsed.description,
        active: parsed.active ?? current.active,
        url,
        credentials: credentialsFrom(parsed.credentials, id, current.credentials, actor),
        dtCreated: current.dtCreated,
        dtLastModified: current.dtLastModified,
        createdBy: current.createdBy,
        lastModifiedBy: current.lastModifiedBy,
      };
      if (parsed.code !== undefined && parsed.code !== '') next.code = parsed.code;
      if (Object.keys(extra).length > 0) next.extra = extra;
      stamp(next, ctx);
      state.data.webhookDestinations.set(id, next);
      persist();
      return toBody(next);
    },

    deleteWebhookDestination(id) {
      sync();
      const found = find(id);
      state.data.webhookDestinations.delete(id);
      persist();
      return toBody(found);
    },

    setWebhookDestinationActive(id, active, ctx) {
      sync();
      const found = find(id);
      if (active !== 'true' && active !== 'false') {
        throw new StoreError(400, 'active: must be true or false');
      }
      const wanted = active === 'true';
      if (found.active !== wanted) {
        found.active = wanted;
        found.version += 1;
        stamp(found, ctx);
        persist();
      }
      return toBody(found);
    },
  };
}
