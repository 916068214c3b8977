import { Button, Code, List, Stack, Text } from '@mantine/core';
import { Notice } from '../components/notice';
import { useQuery } from '@tanstack/react-query';
import { ForbiddenError, NetworkError, ServerError, type ApiError } from '../api/errors';
import { env } from '../env';
import { connectionQueries } from './connection-queries';

interface Diagnosis {
  title: string;
  steps: string[];
}

/**
 * Turns the connection check's failure into what to fix on the server. The proxy answers 401 when m3ter
 * refused the Service User's key and secret; m3ter itself answers 403 for a wrong org or permission.
 */
export function diagnoseConnection(error: ApiError | Error): Diagnosis {
  if (error instanceof ForbiddenError && error.status === 401) {
    return {
      title: 'm3ter rejected the Service User credentials',
      steps: [
        'Check M3TER_ACCESS_KEY_ID and M3TER_API_SECRET (or M3TER_API_TOKEN) in the server’s environment or .env.local.',
        'The Api Secret is shown only once when it is generated: if in doubt, generate a new one.',
        'Restart the server after changing them.',
      ],
    };
  }
  if (error instanceof ForbiddenError) {
    return {
      title: 'm3ter refused access to this organisation',
      steps: [
        `Check M3TER_ORG_ID (now ${env.orgId}): it must be the organisation the Service User belongs to.`,
        'The Service User needs the Administrator permission to call the API.',
      ],
    };
  }
  if (error instanceof NetworkError || (error instanceof ServerError && error.status === 502)) {
    return {
      title: 'The console’s server could not reach m3ter',
      steps: ['Check M3TER_BASE_URL and the server’s network access to it.', 'Then retry.'],
    };
  }
  return { title: 'The connection check failed', steps: [error.message] };
}

/** Live mode only: a banner that explains a failing connection instead of letting every page fail. */
export function ConnectionStatus() {
  const check = useQuery({ ...connectionQueries.check(), enabled: env.mode === 'live' });
  if (env.mode !== 'live' || !check.isError) return null;
  const diagnosis = diagnoseConnection(check.error);
  return (
    <Notice tone="danger" title={diagnosis.title} role="alert">
      <Stack gap="xs">
        <List size="sm">
          {diagnosis.steps.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          Details: <Code>{check.error.message}</Code>
        </Text>
        <Button
          size="xs"
          w="fit-content"
          onClick={() => void check.refetch()}
          loading={check.isFetching}
        >
          Check again
        </Button>
      </Stack>
    </Notice>
  );
}
