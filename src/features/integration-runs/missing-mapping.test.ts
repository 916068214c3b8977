import { describe, expect, it } from 'vitest';
import type { IntegrationRun } from '../../api';
import { missingMappingPrefill } from './missing-mapping';

const ACCOUNT = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

function run(status: string, error: string | undefined, destination = 'Stripe'): IntegrationRun {
  return {
    id: 'f1a00001-0000-4000-8000-00000000c001',
    status,
    entityType: 'Bill',
    entityId: 'b1000008-d372-4fc1-8c88-00000000b008',
    destination,
    ...(error ? { error } : {}),
  };
}

describe('missingMappingPrefill', () => {
  it('reads a Stripe missing customer as an Account ↔ Customer mapping', () => {
    expect(
      missingMappingPrefill(
        run('ERROR', "Stripe API error: No such customer: 'cus_Q1w2e3' (resource_missing)"),
      ),
    ).toEqual({ m3terEntity: 'Account', externalSystem: 'Stripe', externalTable: 'Customer' });
  });

  it('takes the m3ter Account id when the error names it', () => {
    expect(
      missingMappingPrefill(
        run(
          'ERROR',
          `Xero validation error: Contact for Account 'Wonka' not found – create an external mapping for Account ${ACCOUNT.toUpperCase()}`,
          'Xero',
        ),
      ),
    ).toEqual({
      m3terEntity: 'Account',
      m3terId: ACCOUNT,
      externalSystem: 'Xero',
      externalTable: 'Contact',
    });
  });

  it('offers nothing for other errors, runs that did not fail, or no error', () => {
    expect(
      missingMappingPrefill(run('ERROR', 'NetSuite: USER_ERROR You must enter at least one line')),
    ).toBeNull();
    expect(
      missingMappingPrefill(run('AWAITING_RETRY', "Stripe API error: No such customer: 'cus_1'")),
    ).toBeNull();
    expect(missingMappingPrefill(run('ERROR', undefined))).toBeNull();
  });
});
