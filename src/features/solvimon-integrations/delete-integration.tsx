import { Text } from '@mantine/core';
import type { SolvimonIntegration } from '../../api/solvimon';
import { ConfirmDelete } from '../../components/confirm-delete';
import { useDeleteSolvimonIntegration } from '../../queries/solvimon-integrations';
import { solvimonIntegrationLabel, solvimonStatusOf } from './labels';

interface DeleteIntegrationButtonProps {
  integration: SolvimonIntegration;
  /** After it is gone (deleted now, or already deleted by someone else). */
  onDeleted: () => void;
}

/** Delete, after a confirmation that names the integration. */
export function DeleteIntegrationButton({ integration, onDeleted }: DeleteIntegrationButtonProps) {
  const remove = useDeleteSolvimonIntegration();
  const label = solvimonIntegrationLabel(integration);
  const active = solvimonStatusOf(integration) === 'ACTIVE';
  return (
    <ConfirmDelete
      title={`Delete “${label}”?`}
      confirmLabel={`Delete “${label}”`}
      remove={remove}
      id={integration.id}
      notifyName={label}
      onDeleted={onDeleted}
    >
      <Text size="sm">
        {active ? `It is active: Solvimon stops using it at once. ` : ''}“{label}” (
        {integration.reference}) and its settings and stored credentials are removed from Solvimon.
        This cannot be undone.
      </Text>
    </ConfirmDelete>
  );
}
