import { describe, expect, it } from 'vitest';
import { findJsonError, parseJsonObject } from './json-object';

describe('parseJsonObject', () => {
  it('accepts an object, and empty text as {}', () => {
    expect(parseJsonObject('{"a": [1, {"b": null}], "c": "\\u00e9"}')).toEqual({
      ok: true,
      value: { a: [1, { b: null }], c: 'é' },
    });
    expect(parseJsonObject('  \n')).toEqual({ ok: true, value: {} });
    expect(parseJsonObject('', { allowEmpty: false }).ok).toBe(false);
  });

  it.each([
    ['[1]', 'Must be a JSON object ({ … }), not an array'],
    ['null', 'Must be a JSON object ({ … }), not null'],
    ['"x"', 'Must be a JSON object ({ … }), not a string'],
  ])('rejects %s as not an object', (text, message) => {
    expect(parseJsonObject(text)).toMatchObject({ ok: false, message });
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'Trailing comma before }'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "Expected ',' or '}' after a property value"],
    ["{'a': 1}", 1, 2, 'Expected a property name in double quotes'],
    ['{"a": tru}', 1, 7, 'Expected a value'],
    ['{"a": "line\nbreak"}', 1, 12, 'Line break or control character inside a string'],
    ['{"a": 1', 1, 8, "Unexpected end of text: missing '}'"],
    ['{"a": 1} x', 1, 10, 'Unexpected text after the end of the JSON value'],
    ['{"a": 01}', 1, 8, "Expected ',' or '}' after a property value"],
  ])('points at the error in %j', (text, line, column, reason) => {
    const location = findJsonError(text);
    expect(location).toMatchObject({ line, column });
    expect(location?.reason).toContain(reason);
    // The same text JSON.parse rejects.
    expect(() => JSON.parse(text) as unknown).toThrow();
  });
});
