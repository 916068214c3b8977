import { http, HttpResponse, type JsonBodyType } from 'msw';
import { server } from '../mocks/node';
import { InvalidResponseError, NotFoundError } from './errors';
import { decodeRunLog, runsApi } from './runs';

interface Seen {
  path: string;
  search: URLSearchParams;
}

function answer(body: JsonBodyType, status = 200): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get('*/organizations/:orgId/*', ({ request }) => {
      const url = new URL(request.url);
      seen.push({
        path: url.pathname.replace(/^.*\/organizations\/[^/]+/, ''),
        search: url.searchParams,
      });
      return HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

function base64Utf8(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

const run = {
  id: 'run-1',
  entityType: 'Bill',
  entityId: 'bill-1',
  status: 'SOMETHING_NEW',
  destination: 'Stripe',
};

describe('decodeRunLog', () => {
  it('decodes UTF-8', () => {
    expect(decodeRunLog(base64Utf8('Résumé — 請求書 ✓'))).toBe('Résumé — 請求書 ✓');
  });

  it('keeps line breaks of a multi-line log', () => {
    const log = 'line 1\nline 2\r\n\tindented\n';
    expect(decodeRunLog(base64Utf8(log))).toBe(log);
  });

  it('returns null for an absent or empty payload', () => {
    expect(decodeRunLog(undefined)).toBeNull();
    expect(decodeRunLog(null)).toBeNull();
    expect(decodeRunLog('')).toBeNull();
  });

  it('tolerates line-wrapped, unpadded and URL-safe base64', () => {
    const encoded = base64Utf8('hello world?>');
    expect(decodeRunLog(`${encoded.slice(0, 8)}\n${encoded.slice(8)}`)).toBe('hello world?>');
    expect(decodeRunLog(base64Utf8('ab').replace(/=+$/, ''))).toBe('ab');
    expect(decodeRunLog(base64Utf8('??>>').replace(/\+/g, '-').replace(/\//g, '_'))).toBe('??>>');
  });

  it('throws on text that is not base64', () => {
    expect(() => decodeRunLog('not base64!')).toThrow(TypeError);
    expect(() => decodeRunLog('abcde')).toThrow(TypeError);
  });
});

describe('runsApi', () => {
  it('listForEntity: /integrationruns/{entityType}/{entityId} with filters; unknown statuses kept', async () => {
    const seen = answer({ data: [run], nextToken: 'n' });
    const page = await runsApi.listForEntity('Bill', 'bill 1', {
      status: 'ERROR',
      startDate: '2026-01-01T00:00:00Z',
      endDate: '2026-02-01T00:00:00Z',
      order: 'DESC',
      pageSize: 25,
      nextToken: 't',
    });
    expect(page.data[0]?.status).toBe('SOMETHING_NEW');
    expect(seen[0]?.path).toBe('/integrationruns/Bill/bill%201');
    expect(Object.fromEntries(seen[0]!.search)).toEqual({
      status: 'ERROR',
      startDate: '2026-01-01T00:00:00Z',
      endDate: '2026-02-01T00:00:00Z',
      order: 'DESC',
      pageSize: '25',
      nextToken: 't',
    });
  });

  it('listForDestination: /integrationruns/destinations/{id} with destination', async () => {
    const seen = answer({ data: [] });
    await runsApi.listForDestination('d-1', { destination: 'Stripe', status: 'COMPLETE' });
    expect(seen[0]?.path).toBe('/integrationruns/destinations/d-1');
    expect(Object.fromEntries(seen[0]!.search)).toEqual({
      destination: 'Stripe',
      status: 'COMPLETE',
    });
  });

  it('get: /integrationruns/{id}', async () => {
    const seen = answer(run);
    await expect(runsApi.get('run-1')).resolves.toEqual(run);
    expect(seen[0]?.path).toBe('/integrationruns/run-1');
  });

  it('latest: /integrationruns/{entityType}/latest/{entityId}; 404 → NotFoundError', async () => {
    const seen = answer(run);
    await runsApi.latest('Bill', 'bill-1');
    expect(seen[0]?.path).toBe('/integrationruns/Bill/latest/bill-1');

    answer({ message: 'No runs' }, 404);
    await expect(runsApi.latest('Bill', 'bill-2')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('log: /integrationruns/logs/{id}, decoded', async () => {
    const seen = answer({ Payload: base64Utf8('Sent invoice\nStripe said: ok ✓') });
    await expect(runsApi.log('run-1')).resolves.toEqual({
      text: 'Sent invoice\nStripe said: ok ✓',
    });
    expect(seen[0]?.path).toBe('/integrationruns/logs/run-1');
  });

  it('log: text is null when there is no Payload', async () => {
    answer({});
    await expect(runsApi.log('run-1')).resolves.toEqual({ text: null });
    answer({ Payload: '' });
    await expect(runsApi.log('run-1')).resolves.toEqual({ text: null });
  });

  it('log: a Payload that is not base64 → InvalidResponseError', async () => {
    answer({ Payload: '%%% not base64 %%%' });
    const error: unknown = await runsApi.log('run-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).path).toBe('/integrationruns/logs/run-1');
  });
});
