import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';
import { isUuid, type ExternalMappingConfiguration } from '../../api';
import { TextField } from '../../components/form';
import { ChoiceField } from './mapping-parts';
import { findSystem, mappingTextIssue } from './mapping-rules';
import type { MappingsSearch } from './search-schema';

const m3terLookupSchema = z.object({
  entity: z.string().check(
    z.superRefine((v, ctx) => {
      const issue = mappingTextIssue(v, 'the m3ter entity');
      if (issue) ctx.addIssue({ code: 'custom', message: issue });
    }),
  ),
  m3terId: z
    .pipe(
      z.string(),
      z.transform((v) => v.trim().toLowerCase()),
    )
    .check(
      z.refine(isUuid, 'Enter the m3ter id, a UUID like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.'),
    ),
});

interface LookupFormProps {
  /** Pre-fills the form (a look-up link, or the look-up shown). */
  search: MappingsSearch;
  onSearchChange: (next: MappingsSearch) => void;
  configuration: ExternalMappingConfiguration | undefined;
}

/** Look up by m3ter entity: every mapping of one m3ter record (docs/m3ter-api.md §5.5). */
export function M3terLookupForm({ search, onSearchChange, configuration }: LookupFormProps) {
  const form = useForm<
    z.input<typeof m3terLookupSchema>,
    unknown,
    z.output<typeof m3terLookupSchema>
  >({
    resolver: zodResolver(m3terLookupSchema),
    defaultValues: { entity: search.entity ?? 'Account', m3terId: search.m3terId ?? '' },
    reValidateMode: 'onChange',
  });
  // An id that came from a link is checked at once, so a bad one says why instead of searching.
  const linkedId = search.m3terId;
  useEffect(() => {
    if (linkedId) void form.trigger('m3terId');
  }, [form, linkedId]);
  const submit = form.handleSubmit((values) =>
    onSearchChange({
      lookup: 'm3ter',
      entity: values.entity,
      m3terId: values.m3terId,
      pageSize: search.pageSize,
    }),
  );
  const entities = configuration?.m3terEntities;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Look up by m3ter entity">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ChoiceField
            control={form.control}
            name="entity"
            label="m3ter entity"
            options={
              entities && search.entity && !entities.includes(search.entity)
                ? [...entities, search.entity]
                : entities
            }
            required
          />
          <TextField
            control={form.control}
            name="m3terId"
            label="m3ter id"
            placeholder="3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">Look up</Button>
        </Group>
      </Stack>
    </form>
  );
}

const externalLookupSchema = z
  .object({ system: z.string(), table: z.string(), externalId: z.string() })
  .check(
    z.superRefine((values, ctx) => {
      const checks = [
        ['system', 'the external system'],
        ['table', 'the external table'],
        ['externalId', 'the external id'],
      ] as const;
      for (const [key, what] of checks) {
        const issue = mappingTextIssue(values[key], what);
        if (issue) ctx.addIssue({ code: 'custom', path: [key], message: issue });
      }
    }),
  );

type ExternalLookupValues = z.infer<typeof externalLookupSchema>;

/** Look up by external entity: what in m3ter is mapped to one external record (docs/m3ter-api.md §5.4). */
export function ExternalLookupForm({ search, onSearchChange, configuration }: LookupFormProps) {
  const form = useForm<ExternalLookupValues>({
    resolver: zodResolver(externalLookupSchema),
    defaultValues: {
      system: search.system ?? '',
      table: search.table ?? '',
      externalId: search.externalId ?? '',
    },
    reValidateMode: 'onChange',
  });
  const system = useWatch({ control: form.control, name: 'system' });
  const systemInfo = findSystem(configuration, system);
  const systems = configuration?.externalSystems.map((s) => s.name);
  const tables = systemInfo ? (systemInfo.tables ?? []) : undefined;
  const submit = form.handleSubmit((values) =>
    onSearchChange({ lookup: 'external', ...values, pageSize: search.pageSize }),
  );
  const withCurrent = (options: string[] | undefined, current: string | undefined) =>
    options && current && !options.includes(current) ? [...options, current] : options;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Look up by external entity">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ChoiceField
            control={form.control}
            name="system"
            label="External system"
            options={withCurrent(systems, search.system)}
            required
          />
          <ChoiceField
            control={form.control}
            name="table"
            label="External table"
            options={withCurrent(tables, search.table)}
            allowOther={systemInfo?.allowCustomExternalTables ?? true}
            required
          />
          <TextField
            control={form.control}
            name="externalId"
            label="External id"
            placeholder="cus_Q1w2E3r4T5y6"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">Look up</Button>
        </Group>
      </Stack>
    </form>
  );
}
