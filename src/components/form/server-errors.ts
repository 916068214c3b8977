/**
 * A server 400 message lands on the field it names (docs/architecture.md §5). m3ter's `{message}` is free text;
 * the fake backend (and many m3ter messages) name the field first ("entityType: is required"), several
 * problems joined with "; ". Parts that name no known field go to the form-level alert.
 */
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ValidationError } from '../../api/errors';

export interface ServerMessageParts<N extends string> {
  fieldErrors: Array<{ field: N; message: string }>;
  formErrors: string[];
}

const LEADING_PATH = /^([A-Za-z_][\w.[\]]*)\s*:\s*(.+)$/s;

/**
 * Splits a message into parts and assigns each to a form field through `fieldMap` (API field path →
 * form field name; "credentials.type" is looked up whole, then by its first segment). A part without
 * a leading "field:" is matched by a whole-word mention of a mapped API field.
 */
export function splitServerMessage<N extends string>(
  message: string,
  fieldMap: Readonly<Record<string, N>>,
): ServerMessageParts<N> {
  const result: ServerMessageParts<N> = { fieldErrors: [], formErrors: [] };
  const parts = message
    .split(/;\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    const leading = LEADING_PATH.exec(part);
    if (leading) {
      const path = leading[1] ?? '';
      const field = fieldMap[path] ?? fieldMap[path.split(/[.[]/)[0] ?? ''];
      if (field !== undefined) {
        result.fieldErrors.push({ field, message: capitalise(leading[2] ?? part) });
        continue;
      }
    }
    const mentioned = Object.keys(fieldMap).find((key) =>
      new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(part),
    );
    if (mentioned !== undefined) {
      result.fieldErrors.push({ field: fieldMap[mentioned] as N, message: capitalise(part) });
    } else {
      result.formErrors.push(part);
    }
  }
  if (parts.length === 0) result.formErrors.push(message);
  return result;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * For a `ValidationError` (400): sets each field's error (focusing the first) and returns the
 * messages for the form-level alert. Returns null for any other error, for the caller to show.
 */
export function applyServerValidationError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldMap: Readonly<Record<string, FieldPath<T>>>,
): string[] | null {
  if (!(error instanceof ValidationError)) return null;
  const { fieldErrors, formErrors } = splitServerMessage(error.message, fieldMap);
  fieldErrors.forEach(({ field, message }, i) => {
    setError(field, { type: 'server', message }, { shouldFocus: i === 0 });
  });
  return formErrors;
}
