import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { RunDetailPage } from '../../features/integration-runs/run-detail-page';
import { usePageTitle } from '../../lib/use-page-title';

const runDetailSearchSchema = z.object({
  tz: z.catch(z.optional(z.enum(['utc', 'local'])), undefined),
});

export const Route = createFileRoute('/runs/run/$runId')({
  validateSearch: runDetailSearchSchema,
  component: RunDetailRoute,
});

function RunDetailRoute() {
  const { runId } = Route.useParams();
  usePageTitle(`Run ${runId.slice(0, 8)}`);
  const { tz } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <RunDetailPage
      runId={runId}
      tz={tz ?? 'utc'}
      onTzChange={(next) =>
        void navigate({ search: { tz: next === 'local' ? 'local' : undefined } })
      }
    />
  );
}
