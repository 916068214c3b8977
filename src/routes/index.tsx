import { createFileRoute } from '@tanstack/react-router';
import { NeedsAttentionPage } from '../features/home/needs-attention-page';
import { usePageTitle } from '../lib/use-page-title';

export const Route = createFileRoute('/')({
  component: HomeRoute,
});

function HomeRoute() {
  usePageTitle('Needs attention');
  return <NeedsAttentionPage />;
}
