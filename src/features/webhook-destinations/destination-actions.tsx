import { Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { IntegrationConfig, WebhookDestination } from '../../api';
import { isNotFoundError } from '../../api/describe-error';
import { BusyButton, FocusableButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { notify } from '../../components/notify';
import { AnchorLink } from '../../components/router-links';
import { configLabel } from '../../lib/labels';
import {
  useDeleteWebhookDestination,
  useSetWebhookDestinationActive,
} from '../../queries/webhook-destinations';
import { destinationLabel } from './labels';

function ConfigNames({ configs }: { configs: readonly IntegrationConfig[] }) {
  return (
    <List size="sm" spacing={2}>
      {configs.map((c) => (
        <List.Item key={c.id}>
          <AnchorLink to="/configs/$id" params={{ id: c.id }} size="sm">
            {configLabel(c)}
          </AnchorLink>
          {c.enabled === false ? ' (disabled)' : ''}
        </List.Item>
      ))}
    </List>
  );
}

interface ActionProps {
  destination: WebhookDestination;
  /** The configs that send to it; undefined while they load (or could not be loaded). */
  configs: readonly IntegrationConfig[] | undefined;
}

/**
 * Activate or deactivate (`PUT /{id}/active`). Deactivating names the configs that will stop
 * receiving before it is confirmed; activating needs no confirmation.
 */
export function ActiveToggle({ destination, configs }: ActionProps) {
  const setActive = useSetWebhookDestinationActive();
  const [opened, { open, close }] = useDisclosure(false);
  const label = destinationLabel(destination);
  const active = destination.active !== false;
  const run = (next: boolean) =>
    setActive.mutate(
      { id: destination.id, active: next },
      {
        onSuccess: (saved) => {
          close();
          notify(
            saved.active === false ? `“${label}” is inactive.` : `“${label}” is active again.`,
            saved.active === false ? 'yellow' : 'teal',
          );
        },
      },
    );
  const failed = setActive.isError ? setActive.error : null;
  if (!active) {
    return (
      <Stack gap={4} align="flex-start">
        <BusyButton color="teal.9" busy={setActive.isPending} onClick={() => run(true)}>
          {failed ? 'Try activating again' : 'Activate'}
        </BusyButton>
        {failed ? <ErrorState error={failed} title="Not activated" /> : null}
      </Stack>
    );
  }
  const dismiss = () => {
    if (setActive.isPending) return;
    setActive.reset();
    close();
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        Deactivate…
      </Button>
      <Dialog opened={opened} onClose={dismiss} title={`Deactivate “${label}”?`}>
        <Stack gap="sm">
          {configs === undefined ? (
            <Text size="sm">
              The configurations that send here could not be listed. Any that do will stop
              delivering Notifications until it is active again.
            </Text>
          ) : configs.length === 0 ? (
            <Text size="sm">No configuration sends here, so nothing stops receiving.</Text>
          ) : (
            <>
              <Text size="sm">
                {configs.length === 1
                  ? 'This configuration stops receiving Notifications'
                  : `These ${configs.length} configurations stop receiving Notifications`}{' '}
                until it is active again:
              </Text>
              <ConfigNames configs={configs} />
            </>
          )}
          {failed ? <ErrorState error={failed} title="Not deactivated" /> : null}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={dismiss}
              disabled={setActive.isPending}
              data-autofocus
            >
              Cancel
            </Button>
            <BusyButton color="red.9" busy={setActive.isPending} onClick={() => run(false)}>
              {failed ? 'Try again' : `Deactivate “${label}”`}
            </BusyButton>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

/**
 * Delete, after a dialog that says what goes. While configs still send here it refuses, explaining
 * why, unless the user ticks that they know those configs will have nowhere to send.
 */
export function DeleteDestination({
  destination,
  configs,
  onDeleted,
}: ActionProps & { onDeleted: () => void }) {
  const remove = useDeleteWebhookDestination();
  const [opened, { open, close }] = useDisclosure(false);
  const [understood, setUnderstood] = useState(false);
  const label = destinationLabel(destination);
  const inUse = configs === undefined || configs.length > 0;
  const gone = (alreadyGone: boolean) => {
    close();
    notify(
      alreadyGone
        ? `“${label}” was already deleted (by someone else, or in another tab).`
        : `Deleted “${label}”.`,
      alreadyGone ? 'yellow' : 'teal',
    );
    onDeleted();
  };
  const dismiss = () => {
    if (remove.isPending) return;
    remove.reset();
    setUnderstood(false);
    close();
  };
  const failed = remove.isError && !isNotFoundError(remove.error);
  const refused = inUse && !understood;
  return (
    <>
      <Button color="red.9" variant="default" onClick={open}>
        Delete…
      </Button>
      <Dialog opened={opened} onClose={dismiss} title={`Delete “${label}”?`}>
        <Stack gap="sm">
          {configs === undefined ? (
            <Text size="sm">
              The configurations that send here could not be listed, so the console cannot say
              whether any still does.
            </Text>
          ) : configs.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                Not yet:{' '}
                {configs.length === 1
                  ? 'a configuration still sends'
                  : `${configs.length} configurations still send`}{' '}
                here.
              </Text>
              <ConfigNames configs={configs} />
              <Text size="sm">
                Point them at another destination (or delete them) first. Deleted now, their
                Notifications fail with nowhere to go.
              </Text>
            </>
          ) : (
            <Text size="sm">
              No configuration sends here. Its run history stays in m3ter. This cannot be undone.
            </Text>
          )}
          {inUse ? (
            <Checkbox
              label={
                configs === undefined
                  ? 'Delete it anyway'
                  : 'Delete it anyway: I know these configurations will have nowhere to send'
              }
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
            />
          ) : null}
          {failed ? <ErrorState error={remove.error} title="Not deleted" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss} disabled={remove.isPending} data-autofocus>
              Cancel
            </Button>
            <FocusableButton
              color="red.9"
              unavailable={refused || remove.isPending}
              aria-busy={remove.isPending || undefined}
              onClick={() => {
                remove.mutate(destination.id, {
                  onSuccess: () => gone(false),
                  onError: (error) => {
                    if (isNotFoundError(error)) gone(true);
                  },
                });
              }}
            >
              {failed ? 'Try again' : `Delete “${label}”`}
            </FocusableButton>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
