import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

export interface SubmitButtonProps extends Omit<ButtonProps, 'loading' | 'disabled'> {
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
  /** The save is running: a loader, and presses are ignored. */
  busy?: boolean;
  /** It cannot be used now (e.g. a conflict is open): looks disabled, presses are ignored. */
  unavailable?: boolean;
}

/**
 * A form's submit button that keeps its first click and keyboard focus.
 *
 * - Pressing it would otherwise blur the field being edited; the blur shows that field's error, the
 *   lines below shift down, and the button moves away from under the pointer before the mouse is
 *   released, so the click never happens. Keeping focus in the field on mouse down lets the click
 *   through; the submit then validates and shows every error. Keyboard use is unchanged.
 * - While busy or unavailable it is only `aria-disabled`, never `disabled`: a focused button that
 *   becomes disabled drops focus to <body>, so a keyboard user whose save failed would have to find
 *   their way back from the top of the page.
 */
export function SubmitButton({
  children,
  busy = false,
  unavailable = false,
  leftSection,
  ...props
}: SubmitButtonProps) {
  const held = busy || unavailable;
  return (
    <Button
      type="submit"
      {...props}
      data-disabled={held || undefined}
      aria-disabled={held || undefined}
      aria-busy={busy || undefined}
      leftSection={busy ? <Loader size={14} color="currentColor" /> : leftSection}
      onMouseDown={(event) => event.preventDefault()}
      onClick={(event) => {
        if (held) event.preventDefault();
      }}
    >
      {children}
    </Button>
  );
}
