import { createFileRoute } from '@tanstack/react-router';
import { ConfigCreatePage } from '../../features/integration-configs/config-create-page';
import { configPrefillSchema } from '../../features/integration-configs/config-prefill';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/configs/new')({
  // A pre-fill from a link (a webhook destination's "create a Notification integration that sends here").
  validateSearch: configPrefillSchema,
  component: ConfigCreateRoute,
});

function ConfigCreateRoute() {
  usePageTitle('New integration config');
  const prefill = Route.useSearch();
  return <ConfigCreatePage prefill={prefill} />;
}
