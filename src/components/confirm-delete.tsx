import { Button, Group, Stack, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isNotFoundError } from '../api/describe-error';
import { BusyButton } from './busy-button';
import { Dialog } from './dialog';
import { ErrorState } from './error-state';
import { notify } from './notify';

export interface ConfirmDeleteProps {
  /** The dialog's title, naming what goes: `Delete “Stripe EU”?`. */
  title: string;
  /** What deleting it means, in the user's terms. */
  children: ReactNode;
  /** The resource's delete mutation (one per resource, in src/queries). */
  remove: Pick<
    UseMutationResult<unknown, Error, string>,
    'mutate' | 'reset' | 'isPending' | 'isError' | 'error'
  >;
  id: string;
  /**
   * After it is gone. `alreadyGone`: the platform answered 404, so someone else (or another tab)
   * deleted it first; the outcome the user asked for all the same.
   */
  onDeleted: (how: { alreadyGone: boolean }) => void;
  /**
   * What it is called (“Stripe EU”): when given, the outcome is notified in the console's words,
   * "Deleted “Stripe EU”." or that it was already deleted.
   */
  notifyName?: string;
  /** The button that opens the dialog. */
  openLabel?: string;
  openProps?: ButtonProps;
  /** The dialog's delete button: `Delete “Stripe EU”`. */
  confirmLabel: string;
  cancelLabel?: string;
}

/**
 * The one delete flow: a button, a dialog that says what goes (Cancel focused first), the delete, and
 * its failure said in the dialog with the choice to try again. A 404 means it is already gone. The
 * delete is never retried by itself.
 */
export function ConfirmDelete({
  title,
  children,
  remove,
  id,
  onDeleted,
  notifyName,
  openLabel = 'Delete…',
  openProps = { color: 'red.9', variant: 'default' },
  confirmLabel,
  cancelLabel = 'Cancel',
}: ConfirmDeleteProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const gone = (how: { alreadyGone: boolean }) => {
    close();
    if (notifyName !== undefined) {
      notify(
        how.alreadyGone
          ? `“${notifyName}” was already deleted (by someone else, or in another tab).`
          : `Deleted “${notifyName}”.`,
        how.alreadyGone ? 'yellow' : 'teal',
      );
    }
    onDeleted(how);
  };
  const dismiss = () => {
    if (remove.isPending) return;
    remove.reset();
    close();
  };
  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(id, {
      onSuccess: () => gone({ alreadyGone: false }),
      onError: (error) => {
        if (isNotFoundError(error)) gone({ alreadyGone: true });
      },
    });
  };
  const failed = remove.isError && !isNotFoundError(remove.error);
  return (
    <>
      <Button {...openProps} onClick={open}>
        {openLabel}
      </Button>
      <Dialog opened={opened} onClose={dismiss} title={title}>
        <Stack gap="sm">
          {children}
          {failed ? <ErrorState error={remove.error} title="Not deleted" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss} disabled={remove.isPending} data-autofocus>
              {cancelLabel}
            </Button>
            <BusyButton color="red.9" onClick={confirm} busy={remove.isPending}>
              {failed ? 'Try again' : confirmLabel}
            </BusyButton>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
