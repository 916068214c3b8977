import { createFileRoute } from '@tanstack/react-router';
import { ConfigCreatePage } from '../../features/integration-configs/config-create-page';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/configs/new')({
  component: ConfigCreateRoute,
});

function ConfigCreateRoute() {
  usePageTitle('New integration config');
  return <ConfigCreatePage />;
}
