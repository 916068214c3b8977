import type { Page } from './schemas';
import { walkAllPages } from './pagination';

/** A fake cursor API over `total` numbered items, `size` per page; records the tokens it was called with. */
function pager(total: number, size: number, lastToken: string | null | undefined = undefined) {
  const calls: (string | undefined)[] = [];
  const fetchPage = (token: string | undefined): Promise<Page<number>> => {
    calls.push(token);
    const start = token ? Number(token) : 0;
    const data = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size < total ? String(start + size) : lastToken;
    return Promise.resolve({ data, nextToken: next });
  };
  return { calls, fetchPage };
}

describe('walkAllPages', () => {
  it('follows nextToken until it is absent', async () => {
    const { calls, fetchPage } = pager(25, 10);
    const result = await walkAllPages(fetchPage);
    expect(result.items).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(result.truncated).toBe(false);
    expect(calls).toEqual([undefined, '10', '20']);
  });

  it('collects the rows every page could not parse', async () => {
    const pages: Page<number>[] = [
      { data: [1], nextToken: 'b', invalid: [{ id: 'x', index: 1, problem: 'id: bad' }] },
      { data: [2], nextToken: 'c' },
      { data: [3], invalid: [{ index: 0, problem: 'not an object' }] },
    ];
    const result = await walkAllPages((token) =>
      Promise.resolve(pages[token === undefined ? 0 : token === 'b' ? 1 : 2]!),
    );
    expect(result).toEqual({
      items: [1, 2, 3],
      truncated: false,
      invalid: [
        { id: 'x', index: 1, problem: 'id: bad' },
        { index: 0, problem: 'not an object' },
      ],
    });
  });

  it.each([null, ''])('stops on a %j nextToken', async (last) => {
    const { calls, fetchPage } = pager(5, 10, last);
    expect(await walkAllPages(fetchPage)).toEqual({ items: [0, 1, 2, 3, 4], truncated: false });
    expect(calls).toHaveLength(1);
  });

  it('stops at maxPages and says so', async () => {
    const { calls, fetchPage } = pager(100, 10);
    const result = await walkAllPages(fetchPage, { maxPages: 3 });
    expect(result.items).toHaveLength(30);
    expect(result.truncated).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('stops at maxItems, cutting a page', async () => {
    const { calls, fetchPage } = pager(100, 10);
    const result = await walkAllPages(fetchPage, { maxItems: 15 });
    expect(result.items).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(result.truncated).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('is not truncated when the last page exactly fills maxItems', async () => {
    const { fetchPage } = pager(20, 10);
    expect((await walkAllPages(fetchPage, { maxItems: 20 })).truncated).toBe(false);
  });

  it('is truncated when maxItems is reached with more pages left', async () => {
    const { calls, fetchPage } = pager(30, 10);
    expect((await walkAllPages(fetchPage, { maxItems: 20 })).truncated).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('stops between pages once the signal aborts, and propagates page errors', async () => {
    const controller = new AbortController();
    const { calls, fetchPage } = pager(100, 10);
    const aborting = async (token: string | undefined) => {
      const page = await fetchPage(token);
      controller.abort();
      return page;
    };
    await expect(walkAllPages(aborting, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toHaveLength(1);

    await expect(walkAllPages(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
