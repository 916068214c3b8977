/**
 * A tiny seeded PRNG (mulberry32) and helpers. The demo data must be identical on every run and in
 * every tab, so nothing in the seed may use Math.random() or the wall clock.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Lower-case hex string of `length` characters. */
  hex(length: number): string;
  /** Alphanumeric string (Stripe/Salesforce style ids). */
  alnum(length: number): string;
  uuid(): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const fromAlphabet = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
    return out;
  };
  const hex = (length: number): string => fromAlphabet(HEX, length);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    hex,
    alnum: (length) => fromAlphabet(ALNUM, length),
    // Shaped like a v4 UUID (version nibble 4, variant 8..b) so it passes any UUID check.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${HEX.charAt(8 + int(0, 3))}${hex(3)}-${hex(12)}`,
  };
}

/** FNV-1a 32-bit: a stable, cheap string hash (paging tokens, id derivation). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
