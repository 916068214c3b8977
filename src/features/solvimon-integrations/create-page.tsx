import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { notify } from '../../components/notify';
import { AnchorLink } from '../../components/router-links';
import { SolvimonIntegrationForm } from './integration-form';
import { solvimonIntegrationLabel } from './labels';
import { notifySaved } from './saved-notice';

/** `/solvimon/integrations/new`. */
export function SolvimonCreatePage() {
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/solvimon/integrations" size="sm">
          ← Solvimon integrations
        </AnchorLink>
        <Title order={1} size="h2">
          New Solvimon integration
        </Title>
        <Text size="sm" c="dimmed">
          It starts as a draft: activate it from its page once it is complete.
        </Text>
      </Stack>
      <SolvimonIntegrationForm
        mode="create"
        onCancel={() => void navigate({ to: '/solvimon/integrations' })}
        onSaved={(saved, how) => {
          if (how.alreadySaved) {
            notify(
              `Your first attempt did create “${solvimonIntegrationLabel(saved)}”: it was not created twice.`,
            );
          } else {
            notifySaved(`Created “${solvimonIntegrationLabel(saved)}”.`, how.differs);
          }
          void navigate({ to: '/solvimon/integrations/$id', params: { id: saved.id } });
        }}
      />
    </Stack>
  );
}
