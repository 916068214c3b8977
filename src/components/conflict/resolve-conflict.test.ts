import { describe, expect, it } from 'vitest';
import {
  compareConflict,
  resolveConflict,
  sameFieldValues,
  valuesEqual,
  type ConflictField,
} from './resolve-conflict';

interface Values {
  name: string;
  kind: string;
  data: Record<string, unknown>;
  note: string;
  version: number;
}

const fields: ConflictField<Values>[] = [
  { key: 'name', label: 'Name' },
  { key: 'kind', label: 'Kind' },
  { key: 'data', label: 'Data' },
  { key: 'note', label: 'Note' },
];

const base: Values = { name: 'A', kind: 'Bill', data: { x: 1 }, note: '', version: 3 };
// I renamed and edited the note; they changed kind and data, and also the note (differently).
const mine: Values = { ...base, name: 'Mine', note: 'my note' };
const theirs: Values = {
  ...base,
  kind: 'Notification',
  data: { x: 2 },
  note: 'their note',
  version: 4,
};
const values = { base, mine, theirs };

describe('compareConflict', () => {
  it('says per field who changed it and where both clash', () => {
    const rows = Object.fromEntries(compareConflict(fields, values).map((r) => [r.key, r]));
    expect(rows.name).toMatchObject({ changedByMe: true, changedByThem: false, clash: false });
    expect(rows.kind).toMatchObject({ changedByMe: false, changedByThem: true, clash: false });
    expect(rows.note).toMatchObject({ changedByMe: true, changedByThem: true, clash: true });
  });
});

describe('resolveConflict', () => {
  it('takes theirs for everything, version included', () => {
    expect(resolveConflict(fields, values, 'theirs')).toEqual(theirs);
  });

  it('keeps my edits on top of theirs; untouched fields rebase onto theirs', () => {
    expect(resolveConflict(fields, values, 'mine-on-theirs')).toEqual({
      name: 'Mine',
      kind: 'Notification',
      data: { x: 2 },
      note: 'my note',
      version: 4,
    });
  });

  it('applies per-field choices, defaulting the rest like mine-on-theirs', () => {
    expect(resolveConflict(fields, values, { note: 'theirs', kind: 'mine' })).toEqual({
      name: 'Mine',
      kind: 'Bill',
      data: { x: 2 },
      note: 'their note',
      version: 4,
    });
  });
});

describe('equality', () => {
  it('compares JSON-like values structurally, with null, undefined and missing alike', () => {
    expect(valuesEqual({ a: [1, { b: null }] }, { a: [1, {}] })).toBe(true);
    expect(valuesEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameFieldValues(fields, mine, { ...mine, version: 99 })).toBe(true);
    expect(sameFieldValues(fields, mine, theirs)).toBe(false);
  });
});
