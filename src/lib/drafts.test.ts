import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { discardDraft, loadDraft, saveDraft, stripSecrets } from './drafts';

const schema = z.object({
  name: z.string(),
  credentials: z.object({ type: z.string() }).optional(),
});
const ref = { entity: 'thing', id: 'abc' };

describe('drafts', () => {
  it('keeps a draft per entity in sessionStorage with the version it started from', () => {
    saveDraft(ref, { values: { name: 'typed' }, base: { name: 'saved' }, version: 4 });
    expect(loadDraft(ref, schema)).toMatchObject({
      values: { name: 'typed' },
      base: { name: 'saved' },
      version: 4,
    });
    expect(loadDraft({ entity: 'thing', id: 'other' }, schema)).toBeNull();
    discardDraft(ref);
    expect(loadDraft(ref, schema)).toBeNull();
  });

  it('never writes a secret, at any depth, nor keys the caller omits', () => {
    saveDraft(
      ref,
      {
        values: {
          name: 'x',
          credentials: { type: 'HTTP_BASIC', password: 'hunter2', apiKey: 'k', clientSecret: 's' },
          accessToken: 't',
          pin: '1234',
        },
        base: { name: 'x' },
        version: 1,
      },
      { omit: ['pin'] },
    );
    const stored = JSON.stringify(window.sessionStorage);
    for (const secret of ['hunter2', '"k"', '"s"', '"t"', '1234'])
      expect(stored).not.toContain(secret);
    expect(stored).toContain('HTTP_BASIC');
    expect(stripSecrets([{ token: 1, ok: 2 }])).toEqual([{ ok: 2 }]);
  });

  it('discards a draft that no longer fits the form', () => {
    window.sessionStorage.setItem('m3ter-console:draft:v1:thing:abc', '{"values": {"name": 5}}');
    expect(loadDraft(ref, schema)).toBeNull();
    expect(window.sessionStorage.getItem('m3ter-console:draft:v1:thing:abc')).toBeNull();
  });
});
