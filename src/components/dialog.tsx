import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DialogProps {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Give focus back to what opened the dialog (default). Off when that element is gone. */
  returnFocus?: boolean;
  children: ReactNode;
}

/**
 * The one modal dialog. Mantine's plain `Modal` renders a bare `<header>` (a second page banner for
 * axe) and an unnamed close button; the compound form lets the header be no landmark and names the
 * button. Put `data-autofocus` on the safe choice.
 */
export function Dialog({ opened, onClose, title, returnFocus = true, children }: DialogProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} returnFocus={returnFocus} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title fw={600}>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
