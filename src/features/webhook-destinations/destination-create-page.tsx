import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { notify } from '../../components/notify';
import { AnchorLink } from '../../components/router-links';
import { DestinationForm } from './destination-form';
import { destinationLabel } from './labels';

/** `/destinations/webhooks/new`. */
export function DestinationCreatePage() {
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/destinations/webhooks" size="sm">
          ← Webhook destinations
        </AnchorLink>
        <Title order={1} size="h2">
          New webhook destination
        </Title>
        <Text size="sm" c="dimmed">
          An HTTPS endpoint that Notification integrations send to, signed by m3ter.
        </Text>
      </Stack>
      <DestinationForm
        mode="create"
        onCancel={() => void navigate({ to: '/destinations/webhooks' })}
        onSaved={(saved, { alreadySaved }) => {
          notify(
            alreadySaved
              ? `Your first attempt did create “${destinationLabel(saved)}”: it was not created twice.`
              : `Created “${destinationLabel(saved)}”.`,
            'teal',
          );
          void navigate({ to: '/destinations/webhooks/$id', params: { id: saved.id } });
        }}
      />
    </Stack>
  );
}
