import { Badge, Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { actorLabel } from '../../lib/labels';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { RelativeTime } from '../relative-time';
import {
  compareConflict,
  defaultChoice,
  resolveConflict,
  type ConflictChoice,
  type ConflictChoices,
  type ConflictField,
  type ConflictStrategy,
  type ConflictValues,
} from './resolve-conflict';

/** Who saved the latest version, from the entity's audit fields. */
export interface ConflictAuthor {
  version?: number | undefined;
  lastModifiedBy?: string | undefined;
  dtLastModified?: string | undefined;
}

export interface ConflictPanelProps<T extends object> extends ConflictValues<T> {
  fields: readonly ConflictField<T>[];
  theirsAuthor: ConflictAuthor;
  /** What is being edited, for the heading: "configuration", "mapping". */
  noun: string;
  /**
   * Set for a platform without versions or authors (Solvimon): the panel says the saved state changed
   * there instead of naming who saved which version.
   */
  platform?: string | undefined;
  /**
   * Called with the merged values; the caller puts them in the form (with theirs' version) and lets
   * the user review and save again. Never saves by itself.
   */
  onResolve: (values: T, strategy: ConflictStrategy<T>) => void;
}

/**
 * The version-conflict panel (docs/architecture.md §6): stays until the user picks a resolution. Shows, field by
 * field, what the edit started from, the user's value and the latest saved value, who saved it and
 * when; offers take theirs, keep mine on top of theirs, or a choice per field.
 */
export function ConflictPanel<T extends object>({
  fields,
  base,
  mine,
  theirs,
  theirsAuthor,
  noun,
  platform,
  onResolve,
}: ConflictPanelProps<T>) {
  const headingId = useId();
  const groupName = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Keyboard and screen-reader users land on the conflict, not somewhere below it.
    headingRef.current?.focus();
  }, []);
  const rows = compareConflict(fields, { base, mine, theirs });
  const shown = rows.filter((row) => row.differs || row.changedByMe || row.changedByThem);
  const [choices, setChoices] = useState<ConflictChoices<T>>({});
  const choiceOf = (row: (typeof rows)[number]): ConflictChoice =>
    choices[row.key] ?? defaultChoice(row);
  const resolve = (strategy: ConflictStrategy<T>) =>
    onResolve(resolveConflict(fields, { base, mine, theirs }, strategy), strategy);

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="md"
      radius="md"
      style={{ borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          Someone else saved this {noun} while you were editing
        </Title>
        <Text size="sm">
          {platform ? (
            `What ${platform} holds changed after you opened this ${noun} (${platform} does not say who changed it or when).`
          ) : (
            <>
              {theirsAuthor.lastModifiedBy ? (
                <>
                  <Text span fw={600} size="sm" title={theirsAuthor.lastModifiedBy}>
                    {actorLabel(theirsAuthor.lastModifiedBy)}
                  </Text>{' '}
                  saved
                </>
              ) : (
                'Another save made'
              )}{' '}
              version {theirsAuthor.version ?? '?'}
              {theirsAuthor.dtLastModified ? (
                <>
                  {' '}
                  <RelativeTime value={theirsAuthor.dtLastModified} />
                </>
              ) : null}
              .
            </>
          )}{' '}
          Your changes are not saved yet and nothing is lost: choose what to keep, review the form,
          then save again.
        </Text>

        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">You started from</Table.Th>
                <Table.Th scope="col">Yours</Table.Th>
                <Table.Th scope="col">Theirs now</Table.Th>
                <Table.Th scope="col">Keep</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr
                  key={row.key}
                  data-changed-by-me={row.changedByMe || undefined}
                  style={
                    row.changedByMe
                      ? { background: 'var(--mantine-color-yellow-light)' }
                      : undefined
                  }
                >
                  <Table.Th scope="row" fw={500}>
                    <Stack gap={4}>
                      <span>{row.label}</span>
                      <Group gap={4}>
                        {row.changedByMe ? (
                          <Badge size="xs" color="yellow" variant="filled" c="dark">
                            edited by you
                          </Badge>
                        ) : null}
                        {row.changedByThem ? (
                          <Badge
                            size="xs"
                            color="gray"
                            variant="outline"
                            c="var(--mantine-color-text)"
                          >
                            changed by them
                          </Badge>
                        ) : null}
                      </Group>
                    </Stack>
                  </Table.Th>
                  <ValueCell value={row.format(row.base)} />
                  <ValueCell
                    value={row.format(row.mine)}
                    strong={row.changedByMe}
                    startedFrom={row.format(row.base)}
                  />
                  <ValueCell
                    value={row.format(row.theirs)}
                    strong={row.changedByThem}
                    startedFrom={row.format(row.base)}
                  />
                  <Table.Td>
                    {row.differs ? (
                      <Stack gap={4} role="radiogroup" aria-label={`Keep for ${row.label}`}>
                        {(['mine', 'theirs'] as const).map((choice) => (
                          <Radio
                            key={choice}
                            name={`${groupName}-${row.key}`}
                            value={choice}
                            label={choice === 'mine' ? 'Mine' : 'Theirs'}
                            checked={choiceOf(row) === choice}
                            onChange={() => setChoices((prev) => ({ ...prev, [row.key]: choice }))}
                          />
                        ))}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Same
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {shown.length < rows.length ? (
          <Text size="xs" c="dimmed">
            {rows.length - shown.length} other field
            {rows.length - shown.length === 1 ? ' is' : 's are'} unchanged on both sides.
          </Text>
        ) : null}

        <Group gap="sm">
          <Button onClick={() => resolve('mine-on-theirs')}>Keep mine on top of theirs</Button>
          <Button variant="default" onClick={() => resolve(choices)}>
            Use my choices per field
          </Button>
          <Button variant="default" color="red" onClick={() => resolve('theirs')}>
            Take theirs (discard my edits)
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

interface ValueCellProps {
  value: string;
  strong?: boolean | undefined;
  /** The value the edit started from: lines of a multi-line value that are new since then are marked. */
  startedFrom?: string | undefined;
}

function ValueCell({ value, strong, startedFrom }: ValueCellProps) {
  const multiLine = value.includes('\n');
  return (
    <Table.Td>
      <Text
        size="sm"
        fw={strong ? 600 : undefined}
        ff={multiLine ? 'monospace' : undefined}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {multiLine && startedFrom !== undefined ? (
          <LinesMarkedIfNew value={value} startedFrom={startedFrom} />
        ) : (
          value
        )}
      </Text>
    </Table.Td>
  );
}

/**
 * A long value (formatted configData) with each line that is not in the value the edit started from
 * marked, so the changed keys stand out of three similar JSON blocks.
 */
function LinesMarkedIfNew({ value, startedFrom }: { value: string; startedFrom: string }) {
  const before = new Set(startedFrom.split('\n').map((line) => line.trim()));
  return value.split('\n').map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? '\n' : null}
      {before.has(line.trim()) ? (
        line
      ) : (
        <mark style={{ background: 'var(--mantine-color-orange-light)', color: 'inherit' }}>
          {line}
        </mark>
      )}
    </Fragment>
  ));
}
