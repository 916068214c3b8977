import { Stack, Text, Title } from '@mantine/core';
import type { RunEntityType } from '../../api';
import { Notice } from '../../components/notice';
import { ButtonLink } from '../../components/router-links';

type InvalidHistoryLinkProps =
  | { entityType: RunEntityType | null; rawType: string; entityId: string; destinationId?: never }
  | { destinationId: string; entityType?: never; rawType?: never; entityId?: never };

/**
 * A history URL whose type or id cannot be right: say which part, and offer the form with it kept. In
 * the console's message box (Notice, as the run page's invalid link), not Mantine's Alert: this is
 * imported with the run history, and Alert was only there for it.
 */
export function InvalidHistoryLink(props: InvalidHistoryLinkProps) {
  const problem =
    props.destinationId !== undefined
      ? `“${props.destinationId}” is not a destination id.`
      : !props.entityType
        ? `“${props.rawType}” is not an entity type with runs. Runs exist for Bills and Notifications.`
        : `“${props.entityId}” is not a ${props.entityType} id.`;
  return (
    <Stack maw={720}>
      <Title order={1} size="h3">
        This run history link is not valid
      </Title>
      <Notice tone="info" title="Nothing to show for this link">
        <Text size="sm">{problem} Ids look like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.</Text>
      </Notice>
      <ButtonLink
        to="/runs"
        search={
          props.destinationId !== undefined
            ? {}
            : { type: props.entityType ?? undefined, id: props.entityId }
        }
        w="fit-content"
      >
        Find the right history
      </ButtonLink>
    </Stack>
  );
}
