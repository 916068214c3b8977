import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { RUN_ENTITY_TYPES } from '../../api';
import { FindEntityPage } from '../../features/integration-runs/find-entity-page';
import { usePageTitle } from '../../lib/use-page-title';

// `type` and `id` pre-fill the form, e.g. when a history link carried an id that is not one.
const findSearchSchema = z.object({
  type: z.catch(z.optional(z.enum(RUN_ENTITY_TYPES)), undefined),
  id: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined),
});

export const Route = createFileRoute('/runs/')({
  validateSearch: findSearchSchema,
  component: RunsIndexRoute,
});

function RunsIndexRoute() {
  usePageTitle('Integration runs');
  const { type, id } = Route.useSearch();
  return <FindEntityPage key={`${type ?? ''}/${id ?? ''}`} initialType={type} initialId={id} />;
}
