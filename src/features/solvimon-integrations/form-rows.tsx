import { Button, Text, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormState, type Control, type FieldPath } from 'react-hook-form';
import type { SolvimonListValues } from './form-model';

type FormControl = Control<SolvimonListValues>;

interface RowButtonProps extends Pick<ButtonProps, 'mt'> {
  onClick: () => void;
  disabled: boolean;
  /** Names the row, e.g. "Remove mapping 2 of mandate 1": several such buttons share a screen. */
  children: ReactNode;
}

/** Removes one row of a list (a mandate, a mapping, a condition, a link). */
export function RemoveRowButton({ onClick, disabled, children, mt }: RowButtonProps) {
  return (
    <Button size="xs" variant="subtle" color="red" mt={mt} disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}

/** The offset that lines a remove button up with the inputs of its row (their labels above them). */
export const BESIDE_INPUTS = 26;

/** Adds a row to a list. */
export function AddRowButton({
  onClick,
  disabled,
  children,
  size = 'xs',
}: RowButtonProps & { size?: 'xs' | 'sm' }) {
  return (
    <Button size={size} variant="default" w="fit-content" disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}

/** What an empty list means, e.g. "None: Solvimon’s defaults apply." */
export function EmptyRows({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A list-level message (e.g. "Add at least one mandate") at the list it is about. */
export function ListError({
  control,
  name,
}: {
  control: FormControl;
  name: FieldPath<SolvimonListValues>;
}) {
  const { errors } = useFormState({ control, name });
  const error = name
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], errors) as
    { message?: string; root?: { message?: string } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return message ? (
    <Text size="sm" c="var(--mantine-color-error)" role="alert">
      {message}
    </Text>
  ) : null;
}
