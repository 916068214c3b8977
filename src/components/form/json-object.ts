/**
 * JSON-object text for editors such as `configData`: parse, point at the first error (line, column,
 * offset) with the same words in every browser, and a zod schema for forms. The browser's own
 * JSON.parse messages differ between engines and often carry no position, so a small scanner finds
 * the error; JSON.parse still builds the value.
 */
import { z } from 'zod/mini';

export type JsonObject = Record<string, unknown>;

export interface JsonErrorLocation {
  /** What is wrong, as a sentence fragment: "Expected ',' or '}' after a property value". */
  reason: string;
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type JsonObjectParseResult =
  | { ok: true; value: JsonObject }
  | { ok: false; message: string; location: JsonErrorLocation | undefined };

class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Returns where the text stops being JSON, or undefined when it is valid JSON (of any type). */
export function findJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.has(text[i] ?? '')) i++;
  };
  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(reason, at);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else
      fail('Expected a value (a string in double quotes, a number, true, false, null, { } or [ ])');
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('Invalid \\u escape in a string');
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') {
          i += 2;
        } else {
          fail('Invalid escape in a string');
        }
        continue;
      }
      if (ch < ' ') fail('Line break or control character inside a string (use \\n)');
      i++;
    }
    fail('Unterminated string (missing closing ")', start);
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) fail('Invalid number');
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === undefined) fail('Unexpected end of text: a value is missing');
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === "'") fail('Strings need double quotes, not single quotes');
    fail('Expected a value (a string in double quotes, a number, true, false, null, { } or [ ])');
  };
  const object = () => {
    i++; // {
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === '}') fail('Trailing comma before }');
      if (text[i] !== '"') fail('Expected a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail("Expected ':' after the property name");
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(
        i >= text.length
          ? "Unexpected end of text: missing '}'"
          : "Expected ',' or '}' after a property value",
      );
    }
  };
  const array = () => {
    i++; // [
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === ']') fail('Trailing comma before ]');
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(
        i >= text.length
          ? "Unexpected end of text: missing ']'"
          : "Expected ',' or ']' after an item",
      );
    }
  };

  try {
    value();
    ws();
    if (i < text.length) fail('Unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return locate(text, error.reason, error.offset);
  }
}

function locate(text: string, reason: string, offset: number): JsonErrorLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { reason, offset, line, column };
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * Parses text that must hold one JSON object. Empty (or blank) text is `{}` when `allowEmpty` (the
 * default), else an error.
 */
export function parseJsonObject(
  text: string,
  options: { allowEmpty?: boolean } = {},
): JsonObjectParseResult {
  if (text.trim() === '') {
    return options.allowEmpty === false
      ? { ok: false, message: 'Enter a JSON object, e.g. {}', location: undefined }
      : { ok: true, value: {} };
  }
  const location = findJsonError(text);
  if (location) {
    return {
      ok: false,
      message: `Line ${location.line}, column ${location.column}: ${location.reason}`,
      location,
    };
  }
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      message: `Must be a JSON object ({ … }), not ${describeKind(value)}`,
      location: locate(text, 'Must be a JSON object', text.length - text.trimStart().length),
    };
  }
  return { ok: true, value: value as JsonObject };
}

/** Two-space pretty JSON, the way the editor shows an object. */
export function formatJsonObject(value: JsonObject | undefined): string {
  return JSON.stringify(value ?? {}, null, 2);
}

/** A form field holding JSON-object text; the message names the line and column of the first error. */
export function jsonObjectTextSchema(options: { allowEmpty?: boolean } = {}) {
  return z.string().check(
    z.superRefine((text, ctx) => {
      const result = parseJsonObject(text, options);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
    }),
  );
}
