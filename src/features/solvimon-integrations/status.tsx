import { Badge, Stack, Text } from '@mantine/core';
import type { SolvimonIntegration } from '../../api/solvimon';
import { isKnownSolvimonStatus, solvimonStatusLabel, solvimonStatusOf } from './labels';

/** The colour of a status (the badge's dot, the detail's status region); the words carry the meaning. */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
  DRAFT: 'gray',
  PENDING: 'blue',
  TESTING: 'cyan',
  ACTIVE: 'teal',
  ERROR: 'red',
  DEPRECATED: 'orange',
  ARCHIVED: 'dark',
};

/** The status in a few words, for the title of the detail page's status region. */
const STATUS_TITLES: Readonly<Record<string, string>> = {
  DRAFT: 'Draft: not in use yet',
  PENDING: 'Pending: waiting to be ready',
  TESTING: 'Testing: not in live use yet',
  ACTIVE: 'Active: in use',
  ERROR: 'Error: not working',
  DEPRECATED: 'Deprecated: being phased out',
  ARCHIVED: 'Archived: final',
};

/** What a status means for the integration, and what can be done about it (Decision 4). */
const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  DRAFT: 'Set up but not in use: Solvimon does not use it until it is activated.',
  PENDING:
    'Waiting for the provider or a check to finish before it can be used. Activate it once it is ready.',
  TESTING: 'Being tried out and not in use for live billing yet. Activate it when it works.',
  ACTIVE: 'In use: Solvimon uses it for billing.',
  ERROR:
    'Something failed and it is not working. Fix what the message says, then activate it again.',
  DEPRECATED:
    'Being phased out: still configured, but should no longer be relied on. Activate it to use it again, or archive it.',
  ARCHIVED: 'Archived for good: it cannot be edited or activated again.',
};

/** Title and sentence for the status, e.g. for the detail page's status region. */
export function explainSolvimonStatus(integration: SolvimonIntegration): {
  title: string;
  detail: string;
} {
  const status = solvimonStatusOf(integration);
  if (!isKnownSolvimonStatus(status)) {
    return {
      title: status,
      detail: `Solvimon reports the status ${status}, which this console does not know yet.`,
    };
  }
  const noneGiven = integration.status === null || integration.status === undefined;
  return {
    title: STATUS_TITLES[status] ?? solvimonStatusLabel(status),
    detail: `${STATUS_MEANINGS[status] ?? ''}${noneGiven ? ' (Solvimon gave no status: it counts as a draft.)' : ''}`,
  };
}

/** The status in words, its colour on a dot (light badges in colour fall below AA text contrast). */
export function SolvimonStatusBadge({ integration }: { integration: SolvimonIntegration }) {
  const status = solvimonStatusOf(integration);
  const known = isKnownSolvimonStatus(status);
  return (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="dot"
      size="sm"
      radius="sm"
      tt="none"
      title={known ? status : `${status} · a status not known to this console`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {solvimonStatusLabel(status)}
    </Badge>
  );
}

/**
 * The badge with Solvimon's `message` below it (why it has this status), cut to two lines on screen
 * with the whole text on hover; a screen reader reads it all.
 */
export function SolvimonStatusCell({ integration }: { integration: SolvimonIntegration }) {
  const message = integration.message?.trim();
  return (
    <Stack gap={2} align="flex-start">
      <SolvimonStatusBadge integration={integration} />
      {message ? (
        <Text size="xs" c="dimmed" lineClamp={2} title={message} maw={320}>
          {message}
        </Text>
      ) : null}
    </Stack>
  );
}
