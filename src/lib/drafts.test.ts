import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  discardDraft,
  hasSecretKeysInJsonText,
  loadDraft,
  redactSecretsInJsonText,
  saveDraft,
  stripSecrets,
  withUntouchedSecrets,
} from './drafts';

const schema = z.object({
  name: z.string(),
  credentials: z.optional(z.object({ type: z.string() })),
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

describe('secrets typed into JSON text', () => {
  it('blanks the values of secret-looking keys at any depth and keeps the rest as typed', () => {
    const text = `{
  "accountId": "acct_1",
  "auth": { "apiKey": "sk_live_123", "clientSecret": "cs\\"x", "pin": 42 },
  "webhookToken": 98765,
  "list": ["token", "a"]
}`;
    const redacted = redactSecretsInJsonText(text);
    expect(redacted).not.toMatch(/sk_live_123|cs\\"x|98765/);
    expect(JSON.parse(redacted)).toEqual({
      accountId: 'acct_1',
      auth: { apiKey: '', clientSecret: '', pin: 42 },
      webhookToken: '',
      list: ['token', 'a'],
    });
  });

  it('blanks a secret still being typed, even when the text is not valid JSON yet', () => {
    expect(redactSecretsInJsonText('{ "name": "Stripe", "api_key": "sk_li')).toBe(
      '{ "name": "Stripe", "api_key": ""',
    );
  });

  it('never stores a secret pasted into a JSON text field of a draft', () => {
    saveDraft(ref, {
      values: { name: 'x', configData: '{"password": "hunter2", "region": "eu"}' },
      base: { name: 'x', configData: '{}' },
      version: 1,
    });
    const stored = JSON.stringify(window.sessionStorage);
    expect(stored).not.toContain('hunter2');
    expect(stored).toContain('region');
  });
});

describe('restoring a draft whose JSON text had secrets', () => {
  it('takes the current text back where only the blanked secrets differ, and keeps real edits', () => {
    const current = { name: 'a', configData: '{"apiKey": "sk_1", "region": "eu"}' };
    expect(
      withUntouchedSecrets({ name: 'b', configData: '{"apiKey": "", "region": "eu"}' }, current),
    ).toEqual({ name: 'b', configData: current.configData });
    expect(
      withUntouchedSecrets({ name: 'a', configData: '{"apiKey": "", "region": "us"}' }, current),
    ).toEqual({ name: 'a', configData: '{"apiKey": "", "region": "us"}' });
    expect(hasSecretKeysInJsonText('{"region": "us"}')).toBe(false);
    expect(hasSecretKeysInJsonText('{"x": {"clientSecret": ""}}')).toBe(true);
  });
});
