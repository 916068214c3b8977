import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { Dialog } from '../../components/dialog';
import { useDisclosure } from '@mantine/hooks';
import { NotFoundError, type ExternalMapping } from '../../api';
import { BusyButton } from '../../components/busy-button';
import { ErrorState } from '../../components/error-state';
import { useDeleteMapping } from '../../queries/mappings';

interface DeleteMappingButtonProps {
  mapping: ExternalMapping;
  /**
   * After m3ter confirmed the delete (navigate away, notify). `alreadyGone`: m3ter answered 404, so
   * someone else (or another tab) deleted it first; the outcome the user asked for all the same.
   */
  onDeleted: (how: { alreadyGone: boolean }) => void;
}

/** Delete, after a confirmation that names both sides of the mapping. */
export function DeleteMappingButton({ mapping, onDeleted }: DeleteMappingButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteMapping();
  const confirm = () =>
    remove.mutate(mapping.id, {
      onSuccess: () => onDeleted({ alreadyGone: false }),
      onError: (error) => {
        if (error instanceof NotFoundError) onDeleted({ alreadyGone: true });
      },
    });
  const dismiss = () => {
    if (remove.isPending) return;
    remove.reset();
    close();
  };
  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        Delete
      </Button>
      <Dialog opened={opened} onClose={dismiss} title="Delete this mapping?">
        <Stack gap="sm">
          <Text size="sm">
            m3ter {mapping.m3terEntity} <Code>{mapping.m3terId}</Code> will no longer be mapped to{' '}
            {mapping.externalSystem} {mapping.externalTable} <Code>{mapping.externalId}</Code>.
          </Text>
          <Text size="sm">
            Bills that need this {mapping.m3terEntity} in {mapping.externalSystem} fail until it is
            mapped again. This cannot be undone.
          </Text>
          {remove.isError && !(remove.error instanceof NotFoundError) ? (
            <ErrorState
              error={remove.error}
              title="Not deleted"
              onRetry={confirm}
              retrying={remove.isPending}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss} data-autofocus disabled={remove.isPending}>
              Keep it
            </Button>
            <BusyButton color="red" busy={remove.isPending} onClick={confirm}>
              Delete mapping
            </BusyButton>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
