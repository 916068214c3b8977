/**
 * Bill and Account reads (docs/m3ter-api.md §6.5), for what a run history is about. Read-only here.
 * Every function may also throw what `request()` throws; NotFoundError for an unknown id.
 */
import { apiPath, request, type CallOptions } from './http';
import { accountSchema, billSchema, type Account, type Bill } from './schemas';

export const billsApi = {
  /** `GET /bills/{id}`. */
  get(id: string, options: CallOptions = {}): Promise<Bill> {
    return request({ path: apiPath`/bills/${id}`, schema: billSchema, signal: options.signal });
  },
};

export const accountsApi = {
  /** `GET /accounts/{id}`. */
  get(id: string, options: CallOptions = {}): Promise<Account> {
    return request({
      path: apiPath`/accounts/${id}`,
      schema: accountSchema,
      signal: options.signal,
    });
  },
};
