import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

export interface FocusableButtonProps extends Omit<ButtonProps, 'loading'> {
  /** It cannot be used now: looks disabled and ignores clicks, but stays focusable. */
  unavailable: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A Button that is unavailable without being `disabled`. A focused button that becomes disabled drops
 * keyboard focus to <body>, back at the top of the page: a keyboard user pressing "Next page" or
 * "Load more", or merely resting on "Refresh" when auto-refresh fires, lost their place. This one is
 * only `aria-disabled` then, so focus stays on it.
 */
export function FocusableButton({
  unavailable,
  onClick,
  children,
  ...props
}: FocusableButtonProps) {
  return (
    <Button
      {...props}
      data-disabled={unavailable || undefined}
      aria-disabled={unavailable || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (unavailable) {
          event.preventDefault();
          return;
        }
        onClick();
      }}
    >
      {children}
    </Button>
  );
}

export interface BusyButtonProps extends Omit<FocusableButtonProps, 'unavailable'> {
  /** Its work is running: shows a loader and ignores clicks, but stays focusable. */
  busy: boolean;
}

/**
 * A FocusableButton for work that keeps the user on the same spot (retry, refresh, load more, export,
 * enable, delete): Mantine's `loading` would set `disabled` while it runs.
 */
export function BusyButton({ busy, leftSection, ...props }: BusyButtonProps) {
  return (
    <FocusableButton
      {...props}
      unavailable={busy}
      aria-busy={busy || undefined}
      leftSection={busy ? <Loader size={12} color="currentColor" /> : leftSection}
    />
  );
}
