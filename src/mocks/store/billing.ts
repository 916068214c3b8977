/**
 * Bills and Accounts of the fake m3ter (docs/m3ter-api.md §6.5): one per seeded Bill and account,
 * read-only (the console only reads them, to say what a run history is about).
 */
import type { Account, Bill } from '../../api/schemas';
import { StoreError } from '../store-error';
import type { StoreState } from './state';

export interface BillingStore {
  getBill(id: string): Bill;
  getAccount(id: string): Account;
}

/** An id → entity index per seeded list, built once and shared by every store. */
const indexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();
function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((item) => [item.id, item]));
    indexes.set(list, index);
  }
  return index as ReadonlyMap<string, T>;
}

export function createBillingStore(state: StoreState): BillingStore {
  const { sync } = state;
  return {
    getBill(id) {
      sync();
      const bill = byId(state.data.seed.billRecords).get(id);
      if (!bill) throw new StoreError(404, `Bill not found: ${id}`);
      return bill;
    },

    getAccount(id) {
      sync();
      const account = byId(state.data.seed.accounts).get(id);
      if (!account) throw new StoreError(404, `Account not found: ${id}`);
      return account;
    },
  };
}
