/**
 * The webhook destination form's model (docs/architecture.md §5), from m3ter's `WebhookDestinationRequest`
 * (docs/m3ter-api.md §6.1): name, description and url required, code optional, and the signing
 * credentials (`M3TER_SIGNED_REQUEST`: api key and secret). The credentials are write-only: never read
 * back (the API module drops them), never put in a draft (`apiKey` and `secret` are keys drafts strip,
 * and `prepareDraft` empties them), and left blank on an edit they keep what m3ter stores.
 */
import { z } from 'zod/mini';
import {
  SERVER_SET_FIELDS,
  WEBHOOK_CREDENTIALS_TYPE,
  type WebhookDestination,
  type WebhookDestinationRequest,
} from '../../api';
import type { ConflictField } from '../../components/conflict';

export interface DestinationFormValues {
  name: string;
  description: string;
  code: string;
  url: string;
  /** Write-only: what the user typed to set or replace it; '' keeps the stored one on an edit. */
  apiKey: string;
  secret: string;
}

export type DestinationFormField = keyof DestinationFormValues;

export const EMPTY_DESTINATION_FORM: DestinationFormValues = {
  name: '',
  description: '',
  code: '',
  url: '',
  apiKey: '',
  secret: '',
};

/**
 * Why a URL cannot be a webhook destination, or undefined when it can. https only: m3ter signs the
 * request, and the signature and payload must not cross the network in the clear.
 */
function urlProblem(raw: string): string | undefined {
  const url = raw.trim();
  if (url === '') return 'Enter the URL m3ter should send to';
  if (/\s/.test(url)) return 'A URL cannot contain spaces (encode them as %20)';
  if (/^https?:\/\/(?:[/?#]|$)/i.test(url)) return 'The URL needs a host, like hooks.example.com';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a whole URL, like https://hooks.example.com/m3ter';
  }
  if (parsed.protocol === 'http:') return 'Use https://: m3ter sends webhooks over HTTPS only';
  if (parsed.protocol !== 'https:') return 'Use an https:// URL';
  if (parsed.hostname === '') return 'The URL needs a host, like hooks.example.com';
  if (parsed.username !== '' || parsed.password !== '') {
    return 'Leave credentials out of the URL: use the api key and secret below';
  }
  return undefined;
}

const text = (max: number, what: string) =>
  z.string().check(z.maxLength(max, `Keep the ${what} under ${max} characters`));

/** The rules; `mode` decides whether the credentials must be typed (create) or may stay blank (edit). */
export function destinationFormSchema(mode: 'create' | 'edit') {
  return z
    .object({
      name: text(200, 'name').check(z.refine((v) => v.trim() !== '', 'Enter a name')),
      description: text(1000, 'description').check(
        z.refine((v) => v.trim() !== '', 'Enter a description: m3ter requires one'),
      ),
      code: text(80, 'code').check(
        z.refine((v) => !/\s/.test(v.trim()), 'Use no spaces in the code'),
      ),
      url: text(2000, 'URL'),
      apiKey: text(500, 'api key'),
      secret: text(500, 'secret'),
    })
    .check(
      z.superRefine((values, ctx) => {
        const problem = urlProblem(values.url);
        if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
        if (mode === 'create') {
          if (values.apiKey.trim() === '') {
            ctx.addIssue({ code: 'custom', path: ['apiKey'], message: 'Enter the api key' });
          }
          if (values.secret === '') {
            ctx.addIssue({ code: 'custom', path: ['secret'], message: 'Enter the secret' });
          }
        }
      }),
    );
}

/** A loaded destination's values. The credentials are never read back: the inputs start empty. */
export function toFormValues(destination: WebhookDestination): DestinationFormValues {
  return {
    name: destination.name ?? '',
    description: destination.description ?? '',
    code: destination.code ?? '',
    url: destination.url ?? '',
    apiKey: '',
    secret: '',
  };
}

/** Fields m3ter sets itself, and the credentials (rebuilt from the form). */
const NOT_SENT = [...SERVER_SET_FIELDS, 'credentials'] as const;

/**
 * The request body. For an update, `loaded` is the destination the edit is based on: every field the
 * form does not show (`active`, fields this console does not know) goes back unchanged, with `version`
 * (docs/m3ter-api.md Decision 6). The credentials carry `apiKey` / `secret` only when typed: without
 * them an update keeps the stored ones (§6.1).
 */
export function toRequest(
  values: DestinationFormValues,
  loaded?: WebhookDestination,
): WebhookDestinationRequest {
  const body: Record<string, unknown> = { ...loaded };
  for (const key of NOT_SENT) delete body[key];
  body.name = values.name.trim();
  body.description = values.description.trim();
  body.url = values.url.trim();
  const code = values.code.trim();
  if (code === '') delete body.code;
  else body.code = code;
  const credentials: Record<string, unknown> = { type: WEBHOOK_CREDENTIALS_TYPE };
  const storedName = loaded?.credentials?.name;
  if (typeof storedName === 'string' && storedName !== '') credentials.name = storedName;
  if (values.apiKey.trim() !== '') credentials.apiKey = values.apiKey.trim();
  // A secret is taken exactly as typed: spaces may be part of it.
  if (values.secret !== '') credentials.secret = values.secret;
  body.credentials = credentials;
  if (loaded?.version !== undefined) body.version = loaded.version;
  return body as WebhookDestinationRequest;
}

/** Whether the values replace the stored credentials (never known to have landed: write-only). */
export function replacesCredentials(values: DestinationFormValues): boolean {
  return values.apiKey.trim() !== '' || values.secret !== '';
}

/** What a conflict compares: every field but the write-only credentials, which stay the user's. */
export const CONFLICT_FIELDS: readonly ConflictField<DestinationFormValues>[] = [
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  { key: 'code', label: 'Code' },
  { key: 'url', label: 'URL' },
];

/** `target` with what the user typed into the credentials (a merge never drops it). */
export function withCredentialsOf(
  target: DestinationFormValues,
  source: DestinationFormValues,
): DestinationFormValues {
  return { ...target, apiKey: source.apiKey, secret: source.secret };
}

export function normalizeFormValues(values: DestinationFormValues): DestinationFormValues {
  return {
    ...values,
    name: values.name.trim(),
    description: values.description.trim(),
    code: values.code.trim(),
    url: values.url.trim(),
  };
}

/** The API field paths a 400 may name, and the form field each lands on. */
export const SERVER_FIELD_MAP: Readonly<Record<string, DestinationFormField>> = {
  name: 'name',
  description: 'description',
  code: 'code',
  url: 'url',
  'credentials.apiKey': 'apiKey',
  'credentials.secret': 'secret',
  credentials: 'apiKey',
};

/**
 * A stored draft's shape: types only. `apiKey` and `secret` are never in one (drafts strip those keys),
 * so they default to empty.
 */
export const destinationDraftSchema: z.ZodMiniType<DestinationFormValues> = z.object({
  name: z.string(),
  description: z.string(),
  code: z.string(),
  url: z.string(),
  apiKey: z.catch(z.string(), ''),
  secret: z.catch(z.string(), ''),
});

export function destinationDraftRef(id: string | undefined) {
  return { entity: 'webhook-destination', id: id ?? 'new' } as const;
}
