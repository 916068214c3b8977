import { Button, Group, Text } from '@mantine/core';
import { Dialog } from '../dialog';
import type { UnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';

interface UnsavedChangesDialogProps {
  guard: UnsavedChangesGuard;
  /** Called when the user chooses to leave, before the navigation continues (e.g. drop the draft). */
  onLeave?: () => void;
}

/** "Leave without saving?" for a navigation held by `useUnsavedChangesGuard`. Stay is the default. */
export function UnsavedChangesDialog({ guard, onLeave }: UnsavedChangesDialogProps) {
  return (
    <Dialog opened={guard.blocked} onClose={guard.stay} title="Leave without saving?">
      <Text size="sm">
        Your changes on this page are not saved. If you leave now, they are lost.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={guard.stay} data-autofocus>
          Stay and keep editing
        </Button>
        <Button
          color="red.9"
          onClick={() => {
            onLeave?.();
            guard.proceed();
          }}
        >
          Leave and discard changes
        </Button>
      </Group>
    </Dialog>
  );
}
