import { createFileRoute } from '@tanstack/react-router';
import { SolvimonListPage } from '../../../features/solvimon-integrations/list-page';
import { usePageTitle } from '../../../lib/use-page-title';

export const Route = createFileRoute('/solvimon/integrations/')({
  component: SolvimonListRoute,
});

function SolvimonListRoute() {
  usePageTitle('Solvimon integrations');
  return <SolvimonListPage />;
}
