import { Group, Text } from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import type { ExternalMapping, IntegrationConfig } from '../../api';
import type { QueryStateProps } from '../../components/query-state';
import { ErrorState } from '../../components/error-state';
import { configLabel, shortId } from '../../lib/labels';
import { CopyButton } from '../../components/copy-button';
import {
  AutocompleteField,
  SelectField,
  TextField,
  type BoundFieldProps,
} from '../../components/form';
import { AnchorLink, ButtonLink } from '../../components/router-links';

/** "Account 3f2a6c1e… → Stripe Customer cus_123": both sides, for confirmations and headings. */
export function describeMapping(
  m: Pick<
    ExternalMapping,
    'm3terEntity' | 'm3terId' | 'externalSystem' | 'externalTable' | 'externalId'
  >,
): string {
  return `${m.m3terEntity} ${m.m3terId} → ${m.externalSystem} ${m.externalTable} ${m.externalId}`;
}

interface IdWithCopyProps {
  value: string;
  /** What it is, for the copy button's name: "m3ter id". */
  what: string;
  short?: boolean;
}

/** An id in monospace with a copy button; shortened ids keep the whole value in the title. */
export function IdWithCopy({ value, what, short = false }: IdWithCopyProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text
        span
        size="sm"
        ff="monospace"
        title={short ? value : undefined}
        style={short ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all' }}
      >
        {short ? shortId(value) : value}
      </Text>
      <CopyButton value={value} label={`Copy ${what} ${value}`} />
    </Group>
  );
}

/** A config as a choice: its label, where it sends, and whether it is disabled. */
export function configChoiceLabel(config: IntegrationConfig): string {
  return `${configLabel(config)} (${config.destination}${config.enabled === false ? ', disabled' : ''})`;
}

interface LinkedConfigProps {
  configId: string | undefined;
  configs: readonly IntegrationConfig[] | undefined;
}

/** The linked integration config as a link to it, named when the config list is known. */
export function LinkedConfig({ configId, configs }: LinkedConfigProps) {
  if (!configId) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const config = configs?.find((c) => c.id === configId);
  return (
    <AnchorLink to="/configs/$id" params={{ id: configId }} size="sm" title={configId}>
      {config ? configChoiceLabel(config) : shortId(configId)}
    </AnchorLink>
  );
}

type ChoiceFieldProps<T extends FieldValues> = BoundFieldProps<T> & {
  label: string;
  /** Known values; absent when they could not be loaded (then any text can be typed). */
  options: readonly string[] | undefined;
  /** Values outside `options` are allowed too (a system that allows custom tables). */
  allowOther?: boolean;
  description?: string | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  required?: boolean | undefined;
};

/**
 * A choice from a known list (Select), or free text with suggestions when other values are allowed,
 * or plain text when the list is unknown: so a failed configuration load never blocks typing.
 */
export function ChoiceField<T extends FieldValues>({
  options,
  allowOther = false,
  ...props
}: ChoiceFieldProps<T>) {
  if (options === undefined) return <TextField {...props} autoComplete="off" spellCheck={false} />;
  if (allowOther) return <AutocompleteField {...props} data={[...options]} autoComplete="off" />;
  return (
    <SelectField
      {...props}
      data={[...options]}
      searchable
      nothingFoundMessage="No match"
      allowDeselect={false}
    />
  );
}

/** How the mapping pages say their mapping is loading, gone or failed to load, and the way back. */
export const MAPPING_LOAD_STATE = {
  what: 'the mapping',
  notFound: {
    title: 'This mapping does not exist (any more)',
    body: 'It may have been deleted, or the link is wrong.',
    action: <ButtonLink to="/mappings">Back to mappings</ButtonLink>,
  },
  errorTitle: 'Could not load this mapping',
  errorAction: (
    <Group>
      <ButtonLink to="/mappings" variant="default">
        Back to mappings
      </ButtonLink>
    </Group>
  ),
} satisfies Partial<QueryStateProps<ExternalMapping>>;

/** Above a mapping form: the lists its pickers offer could not be loaded (the form still works). */
export function MappingConfigurationError({
  query,
}: {
  query: { isError: boolean; error: unknown; isFetching: boolean; refetch: () => Promise<unknown> };
}) {
  if (!query.isError) return null;
  return (
    <ErrorState
      error={query.error}
      title="Could not load the lists of entities, systems and tables"
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
}
