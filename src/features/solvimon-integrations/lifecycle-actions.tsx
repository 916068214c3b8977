/**
 * Activate, deprecate and archive (docs/solvimon-api.md Decision 4): only the transitions allowed from
 * the current status are offered, each after a confirmation that names the integration and says what
 * will happen. A refused transition (400 INVALID_OPERATION, e.g. a status changed elsewhere) closes the
 * dialog and is explained with Solvimon's message while the status is read again; other failures keep
 * the dialog open with a retry.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { SolvimonInvalidOperationError, type SolvimonIntegration } from '../../api/solvimon';
import { BusyButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { notify } from '../../components/notify';
import {
  useSolvimonLifecycle,
  type SolvimonLifecycleAction,
} from '../../queries/solvimon-integrations';
import { isKnownSolvimonStatus, solvimonIntegrationLabel, solvimonStatusOf } from './labels';

const ACTIVATE_FROM = new Set(['DRAFT', 'PENDING', 'TESTING', 'ERROR', 'DEPRECATED']);

/** The actions Decision 4 allows now, in the order they are offered. */
export function allowedSolvimonActions(
  integration: Pick<SolvimonIntegration, 'status'>,
): SolvimonLifecycleAction[] {
  const status = solvimonStatusOf(integration);
  const actions: SolvimonLifecycleAction[] = [];
  if (ACTIVATE_FROM.has(status)) actions.push('activate');
  if (status === 'ACTIVE') actions.push('deprecate');
  // Archive from anything but ARCHIVED, a status this console does not know included.
  if (status !== 'ARCHIVED') actions.push('archive');
  return actions;
}

interface ActionText {
  verb: string;
  /** What will happen, for the confirmation. */
  consequence: (label: string) => string;
  done: (label: string) => string;
  notDone: string;
  color: string;
}

const ACTIONS: Record<SolvimonLifecycleAction, ActionText> = {
  activate: {
    verb: 'Activate',
    consequence: (label) =>
      `Solvimon starts using “${label}” for billing: its status becomes Active and the message about its current status is cleared.`,
    done: (label) => `“${label}” is active.`,
    notDone: 'Not activated',
    color: 'teal.9',
  },
  deprecate: {
    verb: 'Deprecate',
    consequence: (label) =>
      `“${label}” is marked as being phased out (Deprecated). It stays configured; you can activate it again later, or archive it.`,
    done: (label) => `“${label}” is deprecated.`,
    notDone: 'Not deprecated',
    color: 'orange.9',
  },
  archive: {
    verb: 'Archive',
    consequence: (label) =>
      `Archiving is final: “${label}” can no longer be edited, activated or deprecated. It stays in the list as Archived.`,
    done: (label) => `“${label}” is archived.`,
    notDone: 'Not archived',
    color: 'red.9',
  },
};

/** A refused transition, for the status region to explain. */
export interface RefusedTransition {
  action: SolvimonLifecycleAction;
  message: string;
}

interface LifecycleActionsProps {
  integration: SolvimonIntegration;
  /** After a transition went through: where focus goes (the buttons change). */
  onChanged: () => void;
  /** Solvimon refused it: explained beside the status, which is read again. */
  onRefused: (refused: RefusedTransition) => void;
}

/** The lifecycle buttons for the current status, each with its confirmation dialog. */
export function SolvimonLifecycleActions({
  integration,
  onChanged,
  onRefused,
}: LifecycleActionsProps) {
  const [asked, setAsked] = useState<SolvimonLifecycleAction | null>(null);
  const lifecycle = useSolvimonLifecycle();
  const label = solvimonIntegrationLabel(integration);
  const actions = allowedSolvimonActions(integration);
  const status = solvimonStatusOf(integration);
  /** The button that opened the dialog, and what to do once it has closed. */
  const trigger = useRef<HTMLButtonElement | null>(null);
  const afterClose = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (asked !== null || !afterClose.current) return;
    const then = afterClose.current;
    afterClose.current = null;
    then();
  }, [asked]);

  /** Closes the dialog, then runs `then` (by default: focus back on the button that opened it). */
  const finish = (then: () => void = () => trigger.current?.focus()) => {
    afterClose.current = then;
    lifecycle.reset();
    setAsked(null);
  };
  const close = () => {
    if (!lifecycle.isPending) finish();
  };

  const confirm = (action: SolvimonLifecycleAction) => {
    if (lifecycle.isPending) return;
    lifecycle.mutate(
      { id: integration.id, action },
      {
        onSuccess: (saved) => {
          notify(ACTIONS[action].done(solvimonIntegrationLabel(saved)));
          // The button that opened it is gone with the old status.
          finish(onChanged);
        },
        onError: (error) => {
          if (error instanceof SolvimonInvalidOperationError) {
            finish(() => onRefused({ action, message: error.message }));
          }
        },
      },
    );
  };

  if (actions.length === 0) return null;
  const text = asked ? ACTIONS[asked] : undefined;
  return (
    <>
      <Group gap="xs">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === 'activate' ? 'filled' : 'default'}
            color={action === 'activate' ? ACTIONS.activate.color : undefined}
            onClick={(event) => {
              trigger.current = event.currentTarget;
              setAsked(action);
            }}
          >
            {ACTIONS[action].verb}…
          </Button>
        ))}
      </Group>
      <Dialog
        opened={asked !== null}
        onClose={close}
        // Focus is placed once it has closed: back on the button, or where the change shows.
        returnFocus={false}
        title={text && asked ? `${text.verb} “${label}”?` : ''}
      >
        {text && asked ? (
          <Stack>
            <Text size="sm">{text.consequence(label)}</Text>
            {!isKnownSolvimonStatus(status) ? (
              <Text size="sm">
                Its status now is {status}, which this console does not know: Solvimon decides
                whether this is allowed.
              </Text>
            ) : null}
            {lifecycle.isError ? <ErrorState error={lifecycle.error} title={text.notDone} /> : null}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={close}
                disabled={lifecycle.isPending}
                data-autofocus
              >
                Cancel
              </Button>
              <BusyButton
                color={text.color}
                // Dark text where white would not reach 4.5:1 (white on orange.9 is 4.29:1).
                autoContrast
                onClick={() => confirm(asked)}
                busy={lifecycle.isPending}
              >
                {lifecycle.isError ? 'Try again' : `${text.verb} “${label}”`}
              </BusyButton>
            </Group>
          </Stack>
        ) : null}
      </Dialog>
    </>
  );
}
