import { createFileRoute } from '@tanstack/react-router';
import { MappingsPage } from '../../features/external-mappings/mappings-page';
import { mappingsSearchSchema } from '../../features/external-mappings/search-schema';

export const Route = createFileRoute('/mappings/')({
  validateSearch: mappingsSearchSchema,
  component: MappingsPage,
});
