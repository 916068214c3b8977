import { Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { isUuid } from '../../api';
import { ChoiceGroup } from '../../components/choice-group';
import { ErrorState } from '../../components/error-state';
import { RunDetail } from './run-detail';
import type { RunLinkHandlers } from './run-links';
import type { TimeZoneChoice } from './search-schema';
import { AnchorLink } from '../../components/router-links';

interface RunDetailPageProps {
  runId: string;
  tz: TimeZoneChoice;
  onTzChange: (tz: TimeZoneChoice) => void;
}

/** `/runs/run/$runId`: the shareable page of one run. */
export function RunDetailPage({ runId, tz, onTzChange }: RunDetailPageProps) {
  const router = useRouter();
  const navigate = useNavigate();
  const tzLabel = useId();
  const links = useMemo<RunLinkHandlers>(
    () => ({
      href: (id) =>
        router.buildLocation({ to: '/runs/run/$runId', params: { runId: id }, search: { tz } })
          .href,
      open: (id) =>
        void navigate({ to: '/runs/run/$runId', params: { runId: id }, search: { tz } }),
    }),
    [router, navigate, tz],
  );
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/runs" size="sm">
        ← Integration runs
      </AnchorLink>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          Integration run
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={tzLabel}>
            Times in
          </Text>
          <ChoiceGroup
            aria-labelledby={tzLabel}
            value={tz}
            data={[
              { value: 'utc', label: 'UTC' },
              { value: 'local', label: 'Local time' },
            ]}
            onChange={(value) => onTzChange(value === 'local' ? 'local' : 'utc')}
          />
        </Stack>
      </Group>
      {isUuid(runId) ? (
        <RunDetail
          runId={runId.toLowerCase()}
          tz={tz}
          variant="page"
          href={links.href}
          open={links.open}
        />
      ) : (
        <ErrorState
          title="This run link is not valid"
          error={
            new Error(
              `“${runId}” is not a run id. Run ids look like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.`,
            )
          }
        />
      )}
    </Stack>
  );
}
