import { Button, Group, Textarea, type TextareaProps } from '@mantine/core';
import { useRef } from 'react';
import { useController, type FieldValues } from 'react-hook-form';
import { formatJsonObject, parseJsonObject } from './json-object';
import type { BoundFieldProps } from './types';
import './form-fields.css';

export type JsonObjectFieldProps<T extends FieldValues, TOut = T> = BoundFieldProps<T, TOut> &
  Pick<TextareaProps, 'description' | 'required' | 'disabled'> & {
    label: string;
    /** Visible lines; the user can drag the editor taller. Default 10. */
    rows?: number;
  };

/**
 * A monospace editor for a field holding JSON-object text (validate it with `jsonObjectTextSchema`).
 * When the text is not a JSON object the message names line and column, and "Go to the error" puts
 * the cursor there; "Format" pretty-prints valid text.
 */
export function JsonObjectField<T extends FieldValues, TOut = T>({
  control,
  name,
  label,
  rows = 10,
  ...props
}: JsonObjectFieldProps<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const text = typeof field.value === 'string' ? field.value : '';
  const parsed = parseJsonObject(text);
  const location = parsed.ok ? undefined : parsed.location;

  const goToError = () => {
    const el = textareaRef.current;
    if (!el || !location) return;
    el.focus();
    el.setSelectionRange(location.offset, Math.min(location.offset + 1, el.value.length));
  };

  return (
    <div>
      <Textarea
        {...props}
        label={label}
        ref={(el) => {
          textareaRef.current = el;
          field.ref(el);
        }}
        name={field.name}
        value={text}
        onChange={(event) => field.onChange(event.currentTarget.value)}
        onBlur={field.onBlur}
        error={fieldState.error?.message}
        className="form-field"
        // Not `autosize`: it needs document.fonts, which jsdom lacks, and a fixed, resizable box is
        // calmer while typing.
        rows={rows}
        resize="vertical"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <Group gap="xs" mt={6}>
        {fieldState.error && location ? (
          <Button size="compact-xs" variant="default" onClick={goToError}>
            Go to the error in {label}
          </Button>
        ) : null}
        <Button
          size="compact-xs"
          variant="default"
          disabled={!parsed.ok || props.disabled}
          onClick={() => {
            if (parsed.ok) field.onChange(formatJsonObject(parsed.value));
          }}
        >
          Format {label}
        </Button>
      </Group>
    </div>
  );
}
