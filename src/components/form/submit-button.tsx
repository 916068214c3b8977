import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

export interface SubmitButtonProps extends ButtonProps {
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A form's submit button that keeps its first click. Pressing it would otherwise blur the field being
 * edited; the blur shows that field's error, the lines below shift down, and the button moves away
 * from under the pointer before the mouse is released, so the click never happens. Keeping focus in
 * the field on mouse down lets the click through; the submit then validates and shows every error.
 * Keyboard use is unchanged.
 */
export function SubmitButton({ children, ...props }: SubmitButtonProps) {
  return (
    <Button type="submit" {...props} onMouseDown={(event) => event.preventDefault()}>
      {children}
    </Button>
  );
}
