import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { SolvimonNotFoundError, type SolvimonIntegration } from '../../api/solvimon';
import { BusyButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { notify } from '../../components/notify';
import { useDeleteSolvimonIntegration } from '../../queries/solvimon-integrations';
import { solvimonIntegrationLabel, solvimonStatusOf } from './labels';

interface DeleteIntegrationButtonProps {
  integration: SolvimonIntegration;
  /** After it is gone (deleted now, or already deleted by someone else). */
  onDeleted: () => void;
}

/** Delete, after a confirmation that names the integration. A 404 means it is already gone. */
export function DeleteIntegrationButton({ integration, onDeleted }: DeleteIntegrationButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteSolvimonIntegration();
  const label = solvimonIntegrationLabel(integration);
  const active = solvimonStatusOf(integration) === 'ACTIVE';

  const cancel = () => {
    if (remove.isPending) return;
    remove.reset();
    close();
  };

  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(integration.id, {
      onSuccess: () => {
        close();
        notify(`Deleted “${label}”.`, 'teal');
        onDeleted();
      },
      onError: (error) => {
        if (error instanceof SolvimonNotFoundError) {
          close();
          notify(`“${label}” was already deleted (by someone else, or in another tab).`, 'yellow');
          onDeleted();
        }
      },
    });
  };

  return (
    <>
      <Button color="red.9" variant="default" onClick={open}>
        Delete…
      </Button>
      <Dialog opened={opened} onClose={cancel} title={`Delete “${label}”?`}>
        <Stack>
          <Text size="sm">
            {active ? `It is active: Solvimon stops using it at once. ` : ''}“{label}” (
            {integration.reference}) and its settings and stored credentials are removed from
            Solvimon. This cannot be undone.
          </Text>
          {remove.isError && !(remove.error instanceof SolvimonNotFoundError) ? (
            <ErrorState error={remove.error} title="Not deleted" />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={remove.isPending} data-autofocus>
              Cancel
            </Button>
            <BusyButton color="red.9" onClick={confirm} busy={remove.isPending}>
              {remove.isError ? 'Try again' : `Delete “${label}”`}
            </BusyButton>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
