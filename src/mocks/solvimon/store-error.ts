/**
 * A rule of the fake Solvimon was broken: handlers answer `status` with Solvimon's `ApiError` body
 * (docs/solvimon-api.md §3).
 */
import type { SolvimonErrorCode } from '../../api/solvimon';

export interface SolvimonErrorBody {
  type: 'API_ERROR' | 'INVALID_REQUEST';
  code: SolvimonErrorCode;
  message: string;
  field?: string;
  resource_id?: string;
  resource_type?: 'INTEGRATION';
}

export class SolvimonStoreError extends Error {
  override name = 'SolvimonStoreError';

  constructor(
    readonly status: number,
    readonly code: SolvimonErrorCode,
    message: string,
    readonly details: { field?: string | undefined; resourceId?: string | undefined } = {},
  ) {
    super(message);
  }

  /** The `ApiError` body: INVALID_REQUEST for the client's mistakes, API_ERROR for the server's. */
  toBody(): SolvimonErrorBody {
    const body: SolvimonErrorBody = {
      type: this.status >= 500 ? 'API_ERROR' : 'INVALID_REQUEST',
      code: this.code,
      message: this.message,
    };
    if (this.details.field !== undefined) body.field = this.details.field;
    if (this.details.resourceId !== undefined) {
      body.resource_id = this.details.resourceId;
      body.resource_type = 'INTEGRATION';
    }
    return body;
  }
}

/** 404 RESOURCE_NOT_FOUND for an integration id. */
export function integrationNotFound(id: string): SolvimonStoreError {
  return new SolvimonStoreError(404, 'RESOURCE_NOT_FOUND', `Integration not found: ${id}`, {
    resourceId: id,
  });
}
