import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { RunDetailPage } from '../../features/integration-runs/run-detail-page';

const runDetailSearchSchema = z.object({
  tz: z.enum(['utc', 'local']).optional().catch(undefined),
});

export const Route = createFileRoute('/runs/run/$runId')({
  validateSearch: runDetailSearchSchema,
  component: RunDetailRoute,
});

function RunDetailRoute() {
  const { runId } = Route.useParams();
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
