/**
 * The building blocks of Solvimon's read-only pages: facts as description lists, titled sections, ids to
 * copy, secrets as "Set" / "Not set" (Decision 1: `isSolvimonSecretSet` reads whether one is there, its
 * value is never rendered) and small read-only tables.
 */
import { Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { isSolvimonSecretSet, type SecretPath, type SolvimonIntegration } from '../../api/solvimon';
import { CopyButton } from '../../components/copy-button';
import { READABLE_TEXT } from '../../components/readable';

/** One fact of a description list: a label and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

export function NotSet({ children = 'Not set' }: { children?: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Yes or No, or "Not set" when it is not a boolean. */
export function YesNo({ value }: { value: unknown }) {
  if (typeof value !== 'boolean') return <NotSet />;
  return <>{value ? 'Yes' : 'No'}</>;
}

/** An id or key, monospace with a copy button. */
export function CopyableValue({ value, what }: { value: string | null | undefined; what: string }) {
  if (!value) return <NotSet />;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
      <CopyButton value={value} label={`Copy ${what}`} />
    </Group>
  );
}

/** A secret: whether Solvimon holds one, never what it is. */
export function Secret({
  integration,
  path,
}: {
  integration: SolvimonIntegration;
  path: SecretPath;
}) {
  const set = isSolvimonSecretSet(integration, path);
  return (
    <Badge
      variant="outline"
      color={set ? 'teal' : 'gray'}
      c={READABLE_TEXT}
      tt="none"
      size="sm"
      radius="sm"
      title={
        set
          ? 'Solvimon holds a value; it is never shown. Edit the integration to replace or clear it.'
          : 'Solvimon holds no value for it.'
      }
    >
      {set ? 'Set' : 'Not set'}
    </Badge>
  );
}

/** A grid of Facts as one description list. */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      verticalSpacing="sm"
      component="dl"
      m={0}
    >
      {children}
    </SimpleGrid>
  );
}

/** A titled part of the page; `level` 2 for a section, 3 and 4 inside one. */
export function Section({
  title,
  level = 2,
  children,
}: {
  title: string;
  level?: 2 | 3 | 4;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper
      withBorder
      p={level === 2 ? 'md' : 'sm'}
      radius={level === 2 ? 'md' : 'sm'}
      component="section"
      aria-labelledby={id}
    >
      <Title order={level} size={level === 2 ? 'h4' : 'h5'} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A titled note inside a section, e.g. "When it applies". */
export function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** A read-only table: its caption (for screen readers), column headings and rows of cells. */
export function ReadTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly ReactNode[][];
}) {
  return (
    // A region that takes focus, so a keyboard user can scroll a table wider than the screen (its rows
    // hold nothing else to tab to): axe's scrollable-region-focusable asks for exactly this.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-label={`${caption}, table`} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table verticalSpacing={4} fz="sm" miw={520}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, r) => (
            <Table.Tr key={r}>
              {cells.map((cell, c) => (
                <Table.Td key={c} style={{ overflowWrap: 'anywhere' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
