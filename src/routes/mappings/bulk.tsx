import { createFileRoute } from '@tanstack/react-router';
import { BulkCreatePage } from '../../features/external-mappings/bulk-create-page';
import { usePageTitle } from '../../lib/use-page-title';

export const Route = createFileRoute('/mappings/bulk')({
  component: BulkCreateRoute,
});

function BulkCreateRoute() {
  usePageTitle('Bulk create external mappings');
  return <BulkCreatePage />;
}
