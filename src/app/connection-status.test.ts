import { ForbiddenError, NetworkError, ServerError } from '../api/errors';
import { diagnoseConnection } from './connection-status';

const at = { path: '/integrationconfigs', method: 'GET' as const };

describe('diagnoseConnection', () => {
  it('names the credential variables when the proxy says m3ter rejected them (401)', () => {
    const d = diagnoseConnection(new ForbiddenError({ ...at, status: 401, message: 'rejected' }));
    expect(d.title).toMatch(/rejected the Service User credentials/);
    expect(d.steps.join(' ')).toMatch(/M3TER_ACCESS_KEY_ID and M3TER_API_SECRET/);
  });

  it('points at the organisation id and permission on a 403', () => {
    const d = diagnoseConnection(new ForbiddenError({ ...at, status: 403, message: 'Forbidden' }));
    expect(d.steps.join(' ')).toMatch(/M3TER_ORG_ID/);
    expect(d.steps.join(' ')).toMatch(/Administrator/);
  });

  it('points at the upstream URL when the proxy cannot reach m3ter', () => {
    expect(
      diagnoseConnection(new ServerError({ ...at, status: 502, message: 'down' })).steps[0],
    ).toMatch(/M3TER_BASE_URL/);
    expect(diagnoseConnection(new NetworkError({ ...at, message: 'fetch failed' })).title).toMatch(
      /could not reach m3ter/,
    );
  });
});
