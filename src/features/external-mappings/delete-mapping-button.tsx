import { Code, Text } from '@mantine/core';
import type { ExternalMapping } from '../../api';
import { ConfirmDelete } from '../../components/confirm-delete';
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
  const remove = useDeleteMapping();
  return (
    <ConfirmDelete
      title="Delete this mapping?"
      openLabel="Delete"
      openProps={{ color: 'red', variant: 'outline' }}
      confirmLabel="Delete mapping"
      cancelLabel="Keep it"
      remove={remove}
      id={mapping.id}
      onDeleted={onDeleted}
    >
      <Text size="sm">
        m3ter {mapping.m3terEntity} <Code>{mapping.m3terId}</Code> will no longer be mapped to{' '}
        {mapping.externalSystem} {mapping.externalTable} <Code>{mapping.externalId}</Code>.
      </Text>
      <Text size="sm">
        Bills that need this {mapping.m3terEntity} in {mapping.externalSystem} fail until it is
        mapped again. This cannot be undone.
      </Text>
    </ConfirmDelete>
  );
}
