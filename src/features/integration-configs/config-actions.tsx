import { Button, Group, Stack, Text } from '@mantine/core';
import { Dialog } from '../../components/dialog';
import { useDisclosure } from '@mantine/hooks';
import { NotFoundError, type IntegrationConfig } from '../../api';
import { configLabel } from '../../lib/labels';
import { describeError } from '../../api/describe-error';
import { BusyButton } from '../../components/busy-button';
import { ErrorState } from '../../components/error-state';
import { notify } from '../../components/notify';
import { useDeleteConfig, useEnableConfig } from '../../queries/configs';

interface DeleteConfigButtonProps {
  config: IntegrationConfig;
  /** After the config is gone (deleted now, or already deleted by someone else). */
  onDeleted: () => void;
}

/** Delete, after a confirmation that names the config. A 404 means it is already gone. */
export function DeleteConfigButton({ config, onDeleted }: DeleteConfigButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteConfig();
  const label = configLabel(config);
  const what = config.entityType === 'Notification' ? 'Notifications' : `${config.entityType}s`;

  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(config.id, {
      onSuccess: () => {
        close();
        notify(`Deleted “${label}”.`, 'teal');
        onDeleted();
      },
      onError: (error) => {
        if (error instanceof NotFoundError) {
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
      <Dialog
        opened={opened}
        onClose={() => {
          if (!remove.isPending) {
            remove.reset();
            close();
          }
        }}
        title={`Delete “${label}”?`}
      >
        <Stack>
          <Text size="sm">
            {what} stop going to {config.destination} through this configuration. Its run history
            stays in m3ter. This cannot be undone.
          </Text>
          {remove.isError && !(remove.error instanceof NotFoundError) ? (
            <ErrorState error={remove.error} title="Not deleted" />
          ) : null}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                remove.reset();
                close();
              }}
              disabled={remove.isPending}
              data-autofocus
            >
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

/**
 * Re-enables a disabled config (`POST /enable`); pending while it runs; a failure is said beside it.
 * The button goes away once the config is enabled: `onEnabled` is where focus should go then.
 */
export function EnableConfigButton({
  config,
  onEnabled,
}: {
  config: IntegrationConfig;
  onEnabled?: (saved: IntegrationConfig) => void;
}) {
  const enable = useEnableConfig();
  const failure = enable.isError ? describeError(enable.error) : null;
  return (
    <Stack gap={4} align="flex-start">
      <BusyButton
        color="teal.9"
        busy={enable.isPending}
        onClick={() => {
          enable.mutate(config.id, {
            onSuccess: (saved) => {
              notify(`“${configLabel(saved)}” is enabled again.`);
              onEnabled?.(saved);
            },
          });
        }}
      >
        {failure ? 'Try enabling again' : 'Enable'}
      </BusyButton>
      {failure ? (
        <Text size="sm" role="alert">
          Not enabled: {failure.title}. {failure.detail}
        </Text>
      ) : null}
    </Stack>
  );
}
