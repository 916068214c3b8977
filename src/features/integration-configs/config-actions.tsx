import { Stack, Text } from '@mantine/core';
import type { IntegrationConfig } from '../../api';
import { configLabel } from '../../lib/labels';
import { describeError } from '../../api/describe-error';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDelete } from '../../components/confirm-delete';
import { notify } from '../../components/notify';
import { useDeleteConfig, useEnableConfig } from '../../queries/configs';

interface DeleteConfigButtonProps {
  config: IntegrationConfig;
  /** After the config is gone (deleted now, or already deleted by someone else). */
  onDeleted: () => void;
}

/** Delete, after a confirmation that names the config. */
export function DeleteConfigButton({ config, onDeleted }: DeleteConfigButtonProps) {
  const remove = useDeleteConfig();
  const label = configLabel(config);
  const what = config.entityType === 'Notification' ? 'Notifications' : `${config.entityType}s`;
  return (
    <ConfirmDelete
      title={`Delete “${label}”?`}
      confirmLabel={`Delete “${label}”`}
      remove={remove}
      id={config.id}
      notifyName={label}
      onDeleted={onDeleted}
    >
      <Text size="sm">
        {what} stop going to {config.destination} through this configuration. Its run history stays
        in m3ter. This cannot be undone.
      </Text>
    </ConfirmDelete>
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
