/**
 * A bad or old link heals (docs/architecture.md §7): it always opens a working view, the address bar
 * shows the canonical URL (replacing history, no extra entry), and the page says once what the link
 * lost, not again on a reload or a step Back. One mechanism for every list route; each feature only
 * says what is valid, through a pure `HealSearch` function.
 *
 * How the loss survives the router: TanStack Router rewrites the URL it starts on to its validated
 * form (replacing history) before any `beforeLoad` runs, so by then the raw link is gone. The route's
 * `validateSearch` (`healingSearch`) does see the raw link: when healing it writes notes, it keeps the
 * link in the short-lived search field `healedFrom`. `beforeLoad` (`healInBeforeLoad`) then redirects to
 * the canonical URL, which never holds `healedFrom`, with the notes in the history entry's state
 * (`healedLinkNotes`). The page reads them with `useHealedLinkNotes`, which also clears them from the
 * entry once shown. No module-level state, no timers.
 */
import {
  redirect,
  useLocation,
  useNavigate,
  type AnyRouter,
  type HistoryState,
} from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod/mini';

/** One thing a link lost, said on the page. */
export interface HealNote {
  /** One sentence, e.g. `Dropped the status “EXPLODED”: it is not a run status.` */
  text: string;
  /** The search parameter it is about, if one. */
  param?: string;
  /** What the link held there, as text, for a form to put back in front of the user. */
  value?: string;
}

/** What a feature's heal makes of a link: the canonical search (defaults left out) and its notes. */
export interface Healed<TSearch> {
  search: TSearch;
  /** Empty for a link that lost nothing (an old spelling or a default heals quietly). */
  notes: HealNote[];
}

/**
 * A feature's pure heal of a raw search (values as the router parsed them, never undefined). It never
 * throws, drops what it cannot use with a note (unknown parameters too), and is idempotent: healing
 * its own `search` again gives the same search and no notes.
 */
export type HealSearch<TSearch> = (raw: Readonly<Record<string, unknown>>) => Healed<TSearch>;

/** A route's search while a bad link is being healed: the link itself rides along in `healedFrom`. */
export type HealingSearch<TSearch> = TSearch & { healedFrom?: Record<string, unknown> };

/** The link as the router parsed it: any record (it is only ever given to the feature's heal). */
const healedFromSchema = z.record(z.string(), z.unknown());

function definedOnly(search: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined));
}

/** Whether two searches say the same: absent and undefined alike, key order ignored. */
export function sameSearch(a: object, b: object): boolean {
  const key = (search: object) =>
    JSON.stringify(
      Object.entries(definedOnly(search)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return key(a) === key(b);
}

/**
 * The route's `validateSearch` for a feature's heal. Never throws, so a bad link cannot reach the
 * error page. Every key of the link is present in the result (undefined when dropped), because the
 * router spreads the result over the raw search: an unknown or bad parameter would otherwise survive.
 */
export function healingSearch<TSearch extends object>(
  heal: HealSearch<TSearch>,
): (raw: Record<string, unknown>) => HealingSearch<TSearch> {
  return (raw) => {
    const { healedFrom: given, ...rest } = raw;
    const link = definedOnly(rest);
    const healed = heal(link);
    // Validation runs again on the rewritten URL, where only healed values are left: the first,
    // complete record of the link is kept. A link that already is canonical is never recorded, so a
    // heal that notes what it keeps cannot send the route round in redirects.
    const kept = healedFromSchema.safeParse(given);
    const healedFrom = kept.success
      ? kept.data
      : healed.notes.length > 0 && !sameSearch(link, healed.search)
        ? link
        : undefined;
    const cleared = Object.fromEntries(Object.keys(raw).map((key) => [key, undefined]));
    return { ...cleared, ...healed.search, healedFrom };
  };
}

interface HealedLink<TSearch> {
  /** The canonical search of what is shown: defaults and `healedFrom` left out. */
  search: TSearch;
  /** What the link lost, for the page to say. */
  notes: HealNote[];
  /** Whether the URL differs from `search`: then `beforeLoad` redirects to it. */
  changed: boolean;
}

/**
 * For a route's `beforeLoad`: its validated search and the URL's raw one (`location.search`). Pure;
 * `healInBeforeLoad` redirects on it.
 */
export function healLink<TSearch extends object>(
  heal: HealSearch<TSearch>,
  search: HealingSearch<TSearch>,
  rawSearch: object,
): HealedLink<TSearch> {
  const { healedFrom, ...shown } = search;
  const canonical = definedOnly(shown) as TSearch;
  return {
    search: canonical,
    notes: healedFrom ? heal(healedFrom).notes : [],
    changed: healedFrom !== undefined || !sameSearch(rawSearch, canonical),
  };
}

declare module '@tanstack/react-router' {
  interface HistoryState {
    /** What the link that opened this history entry lost (see link-healing.ts). */
    healedLinkNotes?: HealNote[];
  }
}

const MAX_NOTES = 50;
const MAX_TEXT = 500;
const MAX_PARAM = 100;

/**
 * The history state a healing redirect carries: the notes, when there are any, within the bounds
 * `readHealedLinkNotes` accepts (a link with hundreds of bad values gets a last, summing-up note).
 */
export function healedLinkState(notes: readonly HealNote[]): HistoryState | undefined {
  if (notes.length === 0) return undefined;
  const bounded = notes
    .slice(0, notes.length > MAX_NOTES ? MAX_NOTES - 1 : MAX_NOTES)
    .map(({ text, param, value }): HealNote => ({
      text: text.slice(0, MAX_TEXT),
      ...(param === undefined ? {} : { param: param.slice(0, MAX_PARAM) }),
      ...(value === undefined ? {} : { value: value.slice(0, MAX_TEXT) }),
    }));
  if (notes.length > MAX_NOTES) {
    bounded.push({ text: `…and ${notes.length - bounded.length} more.` });
  }
  return { healedLinkNotes: bounded };
}

/**
 * What `healInBeforeLoad` reads of a route's `beforeLoad` context. The path params are read too, but
 * left out of the type: TanStack Router would infer the route's params from it.
 */
interface BeforeLoadContext<TSearch> {
  search: HealingSearch<TSearch>;
  location: { search: object };
}

/**
 * A route's `beforeLoad` that heals: when the URL is not the canonical form of what is shown, it
 * redirects there, replacing history, with what the link lost in the entry's state. `to` is the route's
 * own path; `params`, when given, heals the path too (a redirect when it differs from the URL's).
 *
 * It builds the function rather than being called inside one: a generic call on the route's context
 * in the route's own options would make TypeScript lose the route's search type.
 */
export function healInBeforeLoad<TSearch extends object>(
  heal: HealSearch<TSearch>,
  target: {
    to: string;
    params?: (given: Readonly<Record<string, string>>) => Record<string, string>;
  },
): (context: BeforeLoadContext<TSearch>) => void {
  return (context) => {
    const given = ('params' in context ? context.params : {}) as Record<string, string>;
    const healed = healLink(heal, context.search, context.location.search);
    const path = target.params?.(given);
    const pathChanged =
      path !== undefined && Object.entries(path).some(([key, value]) => given[key] !== value);
    if (healed.changed || pathChanged) {
      throw redirect<AnyRouter, string>({
        to: target.to,
        params: path ?? given,
        search: healed.search,
        state: healedLinkState(healed.notes),
        replace: true,
      });
    }
  };
}

const notesSchema = z
  .array(
    z.object({
      text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT)),
      param: z.optional(z.string().check(z.maxLength(MAX_PARAM))),
      value: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
    }),
  )
  .check(z.maxLength(MAX_NOTES));

const NO_NOTES: readonly HealNote[] = [];

/**
 * The notes of a history entry (`location.state.healedLinkNotes`). A browser keeps the state across
 * reloads and app versions, so it is checked rather than trusted.
 */
export function readHealedLinkNotes(value: unknown): readonly HealNote[] {
  if (value === undefined) return NO_NOTES;
  const parsed = notesSchema.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : NO_NOTES;
}

/**
 * For a route component: what the link that opened this entry lost, for the page to show. The entry
 * forgets them as soon as they are shown, so a reload or a step Back does not repeat them; the page
 * keeps them (the same array, until another healed link brings new ones).
 */
export function useHealedLinkNotes(): readonly HealNote[] {
  const stored = useLocation({ select: (location) => location.state.healedLinkNotes });
  const given = useMemo(() => readHealedLinkNotes(stored), [stored]);
  const [notes, setNotes] = useState(given);
  const [lastGiven, setLastGiven] = useState(given);
  if (given !== lastGiven) {
    // A later healed link on the same page; the entry forgetting them gives no notes.
    setLastGiven(given);
    if (given.length > 0) setNotes(given);
  }
  const navigate = useNavigate();
  useEffect(() => {
    // Unreadable notes (another app version's) are forgotten too.
    if (stored === undefined) return;
    void navigate({
      to: '.',
      search: true,
      params: true,
      hash: true,
      state: (prev) => ({ ...prev, healedLinkNotes: undefined }),
      replace: true,
      resetScroll: false,
    });
  }, [stored, navigate]);
  return notes;
}

const DATE_START = /^\d{4}-\d{2}-\d{2}/;

/** A date or date-time from a URL, as a canonical ISO instant; null when it is not one. */
export function toIsoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_START.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A URL value for a note: text as it is, anything else as JSON; at most 60 characters. */
export function noteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
