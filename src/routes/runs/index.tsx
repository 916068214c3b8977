import { Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';

// Replaced by the feature page of this area.
export const Route = createFileRoute('/runs/')({
  component: () => <Title order={1}>Integration runs</Title>,
});
