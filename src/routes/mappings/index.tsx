import { Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';

// Replaced by the feature page of this area.
export const Route = createFileRoute('/mappings/')({
  component: () => <Title order={1}>External mappings</Title>,
});
