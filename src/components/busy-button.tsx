import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

export interface BusyButtonProps extends Omit<ButtonProps, 'loading'> {
  /** Its work is running: shows a loader and ignores clicks, but stays focusable. */
  busy: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A Button for work that keeps the user on the same spot (refresh, load more, export). Mantine's
 * `loading` sets the `disabled` attribute, and a focused button that becomes disabled drops keyboard
 * focus to <body>: a keyboard user pressing "Load more", or merely resting on "Refresh" when
 * auto-refresh fires, was thrown back to the top of the page. While busy this one is only
 * `aria-disabled`, so focus stays on it.
 */
export function BusyButton({ busy, onClick, leftSection, children, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      data-disabled={busy || undefined}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      leftSection={busy ? <Loader size={12} color="currentColor" /> : leftSection}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (busy) {
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
