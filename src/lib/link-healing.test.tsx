import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  isRedirect,
  Outlet,
  RouterProvider,
  type RouterHistory,
} from '@tanstack/react-router';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  healedLinkState,
  healingSearch,
  healInBeforeLoad,
  healLink,
  readHealedLinkNotes,
  sameSearch,
  useHealedLinkNotes,
  type HealNote,
  type HealSearch,
} from './link-healing';

/** A toy feature: `page` is a whole number from 2 up (1 is the default), `tag` any text. */
interface ToySearch {
  page?: number;
  tag?: string;
}

const healToy: HealSearch<ToySearch> = (raw) => {
  const search: ToySearch = {};
  const notes: HealNote[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'page') {
      const page = Number(value);
      if (Number.isInteger(page) && page >= 1) {
        if (page > 1) search.page = page;
      } else notes.push({ text: `Dropped the page “${String(value)}”.`, param: key });
    } else if (key === 'tag') {
      if (typeof value === 'string') search.tag = value;
      else notes.push({ text: 'Dropped the tag.', param: key, value: JSON.stringify(value) });
    } else {
      notes.push({ text: `Ignored the unknown parameter “${key}”.`, param: key });
    }
  }
  return { search, notes };
};

const validate = healingSearch(healToy);

/** What the router makes of a validated search: it spreads it over the raw one. */
const asRouterDoes = (raw: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries({ ...raw, ...validate(raw) }).filter(([, value]) => value !== undefined),
  );

describe('healingSearch', () => {
  it('passes a clean link through, with nothing to carry', () => {
    expect(asRouterDoes({ page: 2, tag: 'a' })).toEqual({ page: 2, tag: 'a' });
    expect(validate({}).healedFrom).toBeUndefined();
  });

  it('heals an old spelling quietly: no notes, so nothing to carry', () => {
    expect(asRouterDoes({ page: '3', tag: 'a' })).toEqual({ page: 3, tag: 'a' });
    expect(asRouterDoes({ page: 1 })).toEqual({});
  });

  it('drops what the heal dropped, unknown parameters too, and keeps the link until beforeLoad', () => {
    const raw = { page: 'x', tag: 'a', foo: '1' };
    const first = asRouterDoes(raw);
    // What TanStack Router rewrites the first URL to: healed values, and the link it came from.
    expect(first).toEqual({ tag: 'a', healedFrom: raw });
    // Validated again (the rewritten URL), the first, complete record of the link is kept.
    expect(asRouterDoes(first)).toEqual(first);
  });

  it('replaces a `healedFrom` that is not a record', () => {
    expect(asRouterDoes({ tag: 'a', healedFrom: 'sideways' })).toEqual({ tag: 'a' });
  });

  it('never records a link that already is canonical, so a heal that notes what it keeps cannot loop', () => {
    const noisy = healingSearch<ToySearch>((raw) => ({
      search: raw,
      notes: [{ text: 'Always something.' }],
    }));
    expect(noisy({ tag: 'a' }).healedFrom).toBeUndefined();
  });
});

describe('healLink', () => {
  it('asks for a redirect to the canonical search, with the notes of the kept link', () => {
    const raw = { page: 'x', tag: 'a', foo: '1' };
    const rewritten = asRouterDoes(raw);
    const healed = healLink(healToy, validate(rewritten), rewritten);
    expect(healed).toEqual({
      search: { tag: 'a' },
      notes: [
        { text: 'Dropped the page “x”.', param: 'page' },
        { text: 'Ignored the unknown parameter “foo”.', param: 'foo' },
      ],
      changed: true,
    });
  });

  it('redirects quietly for an old spelling, and not at all for a canonical URL', () => {
    expect(healLink(healToy, validate({ page: '3' }), { page: '3' })).toEqual({
      search: { page: 3 },
      notes: [],
      changed: true,
    });
    expect(healLink(healToy, validate({ page: 3 }), { page: 3 })).toEqual({
      search: { page: 3 },
      notes: [],
      changed: false,
    });
  });
});

describe('healInBeforeLoad', () => {
  const beforeLoad = healInBeforeLoad(healToy, { to: '/list' });

  function thrown(run: () => void): unknown {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it('redirects to the canonical search, replacing history, with the notes in the state', () => {
    const rewritten = asRouterDoes({ page: 'x' });
    const redirect = thrown(() =>
      beforeLoad({ search: validate(rewritten), location: { search: rewritten } }),
    );
    expect(isRedirect(redirect)).toBe(true);
    expect((redirect as { options: unknown }).options).toMatchObject({
      to: '/list',
      search: {},
      replace: true,
      state: { healedLinkNotes: [{ text: 'Dropped the page “x”.', param: 'page' }] },
    });
  });

  it('lets a canonical URL through, and heals the path when the params say so', () => {
    expect(() =>
      beforeLoad({ search: validate({ page: 2 }), location: { search: { page: 2 } } }),
    ).not.toThrow();
    const lowerCase = healInBeforeLoad(healToy, {
      to: '/things/$id',
      params: ({ id = '' }) => ({ id: id.toLowerCase() }),
    });
    const context = { search: validate({}), location: { search: {} } };
    expect(() => lowerCase({ ...context, params: { id: 'abc' } } as typeof context)).not.toThrow();
    const redirect = thrown(() =>
      lowerCase({ ...context, params: { id: 'ABC' } } as typeof context),
    );
    expect((redirect as { options: unknown }).options).toMatchObject({
      to: '/things/$id',
      params: { id: 'abc' },
      search: {},
    });
    expect((redirect as { options: { state?: unknown } }).options.state).toBeUndefined();
  });
});

describe('the notes in history state', () => {
  it('are bounded when written, and checked when read', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ text: `Note ${i} ${'x'.repeat(600)}` }));
    const state = healedLinkState(many);
    const stored = readHealedLinkNotes(state?.healedLinkNotes);
    expect(stored).toHaveLength(50);
    expect(stored[0]?.text).toHaveLength(500);
    expect(stored[49]).toEqual({ text: '…and 11 more.' });
    expect(healedLinkState([])).toBeUndefined();

    expect(readHealedLinkNotes(undefined)).toEqual([]);
    expect(readHealedLinkNotes('not a list')).toEqual([]);
    expect(readHealedLinkNotes([{ text: 7 }])).toEqual([]);
    expect(readHealedLinkNotes([{ text: 'Kept.', param: 'page', extra: true }])).toEqual([
      { text: 'Kept.', param: 'page' },
    ]);
  });

  it('compares searches as the URL says them: absent and undefined alike, key order ignored', () => {
    expect(sameSearch({ a: 1, b: undefined, c: [1, 2] }, { c: [1, 2], a: 1 })).toBe(true);
    expect(sameSearch({ c: [1, 2] }, { c: [2, 1] })).toBe(false);
    expect(sameSearch({ a: '1' }, { a: 1 })).toBe(false);
  });
});

/** A toy console over `history`: a home page, the healing list, and another page. */
function toyRouter(history: RouterHistory) {
  const root = createRootRoute({ component: Outlet });
  const home = createRoute({ getParentRoute: () => root, path: '/', component: () => 'Home' });
  const other = createRoute({
    getParentRoute: () => root,
    path: '/other',
    component: () => <h1>Other</h1>,
  });
  const list = createRoute({
    getParentRoute: () => root,
    path: '/list',
    validateSearch: healingSearch(healToy),
    beforeLoad: healInBeforeLoad(healToy, { to: '/list' }),
    component: function ToyList() {
      const notes = useHealedLinkNotes();
      return (
        <>
          <h1>List</h1>
          <ul aria-label="What the link lost">
            {notes.map((note) => (
              <li key={note.text}>{note.text}</li>
            ))}
          </ul>
        </>
      );
    },
  });
  return createRouter({ routeTree: root.addChildren([home, other, list]), history });
}

async function open(history: RouterHistory) {
  const router = toyRouter(history);
  const view = render(<RouterProvider router={router} />);
  await act(() => router.load());
  return { router, unmount: view.unmount };
}

const lost = () => screen.queryAllByRole('listitem').map((item) => item.textContent ?? '');

describe('useHealedLinkNotes, over a real router', () => {
  // jsdom has no scrolling; the router resets the scroll on navigation.
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('heals a bad link to the canonical URL, in place, and says what it lost once', async () => {
    const history = createMemoryHistory({ initialEntries: ['/list?page=x&tag=a&foo=1'] });
    const { router, unmount } = await open(history);
    await screen.findByRole('heading', { name: 'List' });
    await waitFor(() =>
      expect(lost()).toEqual(['Dropped the page “x”.', 'Ignored the unknown parameter “foo”.']),
    );
    expect(router.state.location.href).toBe('/list?tag=a');
    expect(history.length).toBe(1);
    // The entry forgets the notes once shown; the page keeps them.
    await waitFor(() => expect(history.location.state.healedLinkNotes).toBeUndefined());
    expect(lost()).toHaveLength(2);

    // A reload: the same history entry (state and all) opened by a fresh console.
    unmount();
    const reloaded = await open(history);
    await screen.findByRole('heading', { name: 'List' });
    expect(lost()).toEqual([]);
    expect(reloaded.router.state.location.href).toBe('/list?tag=a');
    expect(history.length).toBe(1);
  });

  it('does not say it again on Back, and says a new bad link’s loss', async () => {
    const history = createMemoryHistory({ initialEntries: ['/'] });
    const { router } = await open(history);
    await act(() => router.navigate({ href: '/list?page=0' }));
    await waitFor(() => expect(lost()).toEqual(['Dropped the page “0”.']));
    expect(router.state.location.href).toBe('/list');

    await act(() => router.navigate({ href: '/other' }));
    await screen.findByRole('heading', { name: 'Other' });
    await act(async () => {
      router.history.back();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await screen.findByRole('heading', { name: 'List' });
    expect(lost()).toEqual([]);
    // The bad link's entry was replaced: Home, the healed list, Other.
    expect(history.length).toBe(3);

    // Another bad link while the list is open.
    await act(() => router.navigate({ href: '/list?page=-2' }));
    await waitFor(() => expect(lost()).toEqual(['Dropped the page “-2”.']));
  });

  it('leaves a clean link alone and says nothing', async () => {
    const history = createMemoryHistory({ initialEntries: ['/list?page=2'] });
    const { router } = await open(history);
    await screen.findByRole('heading', { name: 'List' });
    expect(lost()).toEqual([]);
    expect(router.state.location.href).toBe('/list?page=2');
  });
});
