import { createFileRoute } from '@tanstack/react-router';
import { SolvimonCreatePage } from '../../../features/solvimon-integrations/create-page';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/new')({
  component: SolvimonCreateRoute,
});

function SolvimonCreateRoute() {
  usePageTitle('New Solvimon integration');
  return <SolvimonCreatePage />;
}
