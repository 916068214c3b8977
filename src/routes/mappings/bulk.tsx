import { createFileRoute } from '@tanstack/react-router';
import { BulkCreatePage } from '../../features/external-mappings/bulk-create-page';

export const Route = createFileRoute('/mappings/bulk')({
  component: BulkCreatePage,
});
