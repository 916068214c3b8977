import { createFileRoute } from '@tanstack/react-router';
import { ConfigCreatePage } from '../../features/integration-configs/config-create-page';

export const Route = createFileRoute('/configs/new')({
  component: ConfigCreatePage,
});
