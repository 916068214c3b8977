import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { notify } from '../../components/notify';
import { configLabel } from '../../lib/labels';
import { ConfigForm } from './config-form';
import { AnchorLink } from '../../components/router-links';
import { prefilledValues } from './config-form-model';
import type { ConfigPrefill } from './config-prefill';

/** `/configs/new`, optionally filled in from the link (`prefill`). */
export function ConfigCreatePage({ prefill }: { prefill?: ConfigPrefill }) {
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/configs" size="sm">
          ← Integration configurations
        </AnchorLink>
        <Title order={1} size="h2">
          New integration configuration
        </Title>
        <Text size="sm" c="dimmed">
          Send Bills or Notifications from m3ter to an external system.
        </Text>
      </Stack>
      <ConfigForm
        mode="create"
        initialValues={prefilledValues(prefill)}
        onCancel={() => void navigate({ to: '/configs' })}
        onSaved={(saved, { alreadySaved }) => {
          notify(
            alreadySaved
              ? `Your first attempt did create “${configLabel(saved)}”: it was not created twice.`
              : `Created “${configLabel(saved)}”.`,
            'teal',
          );
          void navigate({ to: '/configs/$id', params: { id: saved.id } });
        }}
      />
    </Stack>
  );
}
