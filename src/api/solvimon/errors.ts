/**
 * Typed errors of Solvimon's API (docs/solvimon-api.md §3). Solvimon answers a failure with its
 * `ApiError` body (`type`, `code`, `field`, `message`, `resource_id`, `resource_type`); the class is
 * chosen here, once, from the status and the code, so screens branch on the class and put a message on
 * the form field `field` names. No request reached Solvimon, or its answer was unreadable: the shared
 * `NetworkError` and `InvalidResponseError` (../transport.ts), as for m3ter.
 */
import { z } from 'zod/mini';
import { ApiError, parseRetryAfterMs, type ApiErrorInit } from '../transport';
import {
  openEnum,
  SOLVIMON_ERROR_CODES,
  SOLVIMON_ERROR_TYPES,
  type SolvimonErrorCode,
} from './enums';

/**
 * Solvimon's `ApiError` body, read leniently, field by field: a proxy or gateway may answer with
 * something else, and one odd field must not lose the message.
 */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullish(schema), undefined);
const errorBodySchema = z.looseObject({
  type: lenient(openEnum(SOLVIMON_ERROR_TYPES)),
  code: lenient(openEnum(SOLVIMON_ERROR_CODES)),
  field: lenient(z.string()),
  message: lenient(z.string()),
  resource_id: lenient(z.string()),
  resource_type: lenient(z.string()),
});

export interface SolvimonApiErrorInit extends ApiErrorInit {
  /** `ApiError.code`, e.g. INVALID_FIELD; undefined when the body was not Solvimon's. */
  code?: SolvimonErrorCode | undefined;
  /** The request field the error is about, e.g. `reference`: where a form shows it. */
  field?: string | undefined;
  /** `ApiError.type`: INVALID_REQUEST (the request was wrong) or API_ERROR. */
  errorType?: string | undefined;
  resourceId?: string | undefined;
  resourceType?: string | undefined;
}

/** Any failed Solvimon call that got an answer. An ApiError, so one `instanceof ApiError` covers both platforms. */
export class SolvimonApiError extends ApiError {
  override name = 'SolvimonApiError';
  readonly code: SolvimonErrorCode | undefined;
  readonly field: string | undefined;
  readonly errorType: string | undefined;
  readonly resourceId: string | undefined;
  readonly resourceType: string | undefined;

  constructor(init: SolvimonApiErrorInit) {
    super(init);
    this.code = init.code;
    this.field = init.field;
    this.errorType = init.errorType;
    this.resourceId = init.resourceId;
    this.resourceType = init.resourceType;
  }
}

/** 400 MISSING_FIELD, INVALID_FIELD or any other rejected request: `field` says where, when known. */
export class SolvimonValidationError extends SolvimonApiError {
  override name = 'SolvimonValidationError';
}

/** 400 INVALID_OPERATION: not allowed now, e.g. a lifecycle action from the wrong status. */
export class SolvimonInvalidOperationError extends SolvimonApiError {
  override name = 'SolvimonInvalidOperationError';
}

/** 404, or a 400 with RESOURCE_NOT_FOUND (Solvimon documents no 404, but has the code). */
export class SolvimonNotFoundError extends SolvimonApiError {
  override name = 'SolvimonNotFoundError';
}

/**
 * 409 RESOURCE_ALREADY_EXISTS (also a bare 409, the only conflict create documents, or a 400 with that
 * code): another integration has this `reference`. Never retried.
 */
export class SolvimonDuplicateReferenceError extends SolvimonApiError {
  override name = 'SolvimonDuplicateReferenceError';
}

/** 401 or 403: the proxy's key was refused, or it lacks the INTEGRATION.* permission. */
export class SolvimonForbiddenError extends SolvimonApiError {
  override name = 'SolvimonForbiddenError';
}

/** 429 (undocumented, but gateways send it). `retryAfterMs` when the answer said how long to wait. */
export class SolvimonRateLimitedError extends SolvimonApiError {
  override name = 'SolvimonRateLimitedError';
  readonly retryAfterMs: number | undefined;

  constructor(init: SolvimonApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx. */
export class SolvimonServerError extends SolvimonApiError {
  override name = 'SolvimonServerError';
}

export interface SolvimonHttpErrorInit extends Omit<ApiErrorInit, 'message'> {
  /** The response body as text, whatever it is. */
  body: string;
  statusText: string;
  headers: Headers;
}

function readErrorBody(text: string): z.infer<typeof errorBodySchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = errorBodySchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

const given = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/** Maps a non-2xx Solvimon answer to its error class. */
export function createSolvimonHttpError(init: SolvimonHttpErrorInit): SolvimonApiError {
  const { status, path, method, body, statusText, headers } = init;
  const service = init.service ?? 'Solvimon';
  const parsed = readErrorBody(body);
  const code = given(parsed.code);
  const base: SolvimonApiErrorInit = {
    status,
    path,
    method,
    service,
    message: given(parsed.message) ?? (statusText || `HTTP ${status}`),
    code,
    field: given(parsed.field),
    errorType: given(parsed.type),
    resourceId: given(parsed.resource_id),
    resourceType: given(parsed.resource_type),
  };
  if (status === 404 || (status === 400 && code === 'RESOURCE_NOT_FOUND')) {
    return new SolvimonNotFoundError(base);
  }
  if (
    (status === 409 && (code === undefined || code === 'RESOURCE_ALREADY_EXISTS')) ||
    (status === 400 && code === 'RESOURCE_ALREADY_EXISTS')
  ) {
    return new SolvimonDuplicateReferenceError({ ...base, field: base.field ?? 'reference' });
  }
  if (status === 400) {
    return code === 'INVALID_OPERATION'
      ? new SolvimonInvalidOperationError(base)
      : new SolvimonValidationError(base);
  }
  if (status === 401 || status === 403) return new SolvimonForbiddenError(base);
  if (status === 429) {
    return new SolvimonRateLimitedError({ ...base, retryAfterMs: parseRetryAfterMs(headers) });
  }
  if (status >= 500) return new SolvimonServerError(base);
  return new SolvimonApiError(base);
}
