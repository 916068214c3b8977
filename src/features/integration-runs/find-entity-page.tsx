import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type ClipboardEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';
import { isUuid } from '../../api';
import { ChoiceGroup } from '../../components/choice-group';
import { ErrorState } from '../../components/error-state';
import { RUN_ENTITY_TYPES, type RunEntityType } from '../../api';
import { extractUuid } from './entity-ref';
import { configQueries } from '../../queries/configs';
import { clearRecent, readRecent, type RecentEntry } from './recent-entities';
import { AnchorLink } from '../../components/router-links';

const idField = (what: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `Enter the ${what} id.`),
    z.refine(isUuid, {
      message: `That is not a ${what} id. Ids look like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b; pasting a link or log line that contains one works too.`,
    }),
  );

const entityFormSchema = z
  .object({ entityType: z.enum(RUN_ENTITY_TYPES), entityId: z.string() })
  .check(
    z.superRefine((value, ctx) => {
      const parsed = idField(value.entityType).safeParse(value.entityId);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['entityId'],
          message: parsed.error.issues[0]?.message,
        });
      }
    }),
  );

const destinationFormSchema = z.object({ destinationId: idField('destination') });

type EntityForm = z.infer<typeof entityFormSchema>;
type DestinationForm = z.infer<typeof destinationFormSchema>;

/**
 * Pasting text that contains a UUID (a console link, an m3ter URL, a log line) puts just the UUID in
 * the field. Returns a note for the field's description, or null when the paste is left alone.
 */
function usePasteExtraction(label: string, setValue: (id: string) => void) {
  const [note, setNote] = useState<string | null>(null);
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    const id = extractUuid(text, label);
    if (!id || text.trim().toLowerCase() === id) {
      setNote(null);
      return;
    }
    event.preventDefault();
    setValue(id);
    setNote('Took the id from the pasted text.');
  };
  return { note, onPaste, clearNote: () => setNote(null) };
}

interface FindEntityPageProps {
  /** Pre-filled from a link that was not a valid history (e.g. a mistyped id). */
  initialType?: RunEntityType;
  initialId?: string;
}

/** `/runs`: paste a Bill or Notification id (or a destination's) and open its run history. */
export function FindEntityPage({ initialType, initialId }: FindEntityPageProps) {
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1}>Integration runs</Title>
        <Text c="dimmed">
          Every attempt m3ter made to send a Bill or a Notification to an external system.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <EntityCard initialType={initialType} initialId={initialId} />
        <DestinationCard />
      </SimpleGrid>
      <RecentCard />
    </Stack>
  );
}

function EntityCard({ initialType, initialId }: FindEntityPageProps) {
  const navigate = useNavigate();
  const form = useForm<EntityForm>({
    resolver: zodResolver(entityFormSchema),
    defaultValues: { entityType: initialType ?? 'Bill', entityId: initialId ?? '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  // A link that brought a bad id shows why at once, with the text kept for editing.
  useEffect(() => {
    if (initialId) void form.trigger('entityId');
  }, [form, initialId]);
  const entityType = useWatch({ control: form.control, name: 'entityType' });
  const paste = usePasteExtraction(entityType, (id) =>
    form.setValue('entityId', id, { shouldValidate: form.formState.isSubmitted }),
  );
  const submit = form.handleSubmit((values) =>
    navigate({
      to: '/runs/$entityType/$entityId',
      params: { entityType: values.entityType, entityId: values.entityId.trim().toLowerCase() },
    }),
  );
  const idRegistration = form.register('entityId', { onChange: paste.clearNote });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="find-entity-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="find-entity-title">
            Runs for a Bill or Notification
          </Title>
          <Controller
            control={form.control}
            name="entityType"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="entity-type-label">
                  Entity type
                </Text>
                <ChoiceGroup
                  aria-labelledby="entity-type-label"
                  data={RUN_ENTITY_TYPES.map((t) => ({ value: t, label: t }))}
                  value={field.value}
                  onChange={(v) => {
                    field.onChange(v);
                    if (form.formState.isSubmitted) void form.trigger('entityId');
                  }}
                />
              </Stack>
            )}
          />
          <TextInput
            label={`${entityType} id`}
            placeholder="Paste an id, a link or a log line"
            autoComplete="off"
            spellCheck={false}
            {...idRegistration}
            onPaste={paste.onPaste}
            description={paste.note}
            error={form.formState.errors.entityId?.message}
          />
          <Group>
            <Button type="submit">Show runs</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DestinationCard() {
  const navigate = useNavigate();
  const destinations = useQuery(configQueries.destinations());
  const form = useForm<DestinationForm>({
    resolver: zodResolver(destinationFormSchema),
    defaultValues: { destinationId: '' },
    reValidateMode: 'onChange',
  });
  const paste = usePasteExtraction('destination', (id) =>
    form.setValue('destinationId', id, { shouldValidate: form.formState.isSubmitted }),
  );
  const submit = form.handleSubmit((values) =>
    navigate({
      to: '/runs/destination/$destinationId',
      params: { destinationId: values.destinationId.trim().toLowerCase() },
    }),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="find-destination-title">
      <Stack>
        <Title order={2} size="h4" id="find-destination-title">
          Runs for a destination
        </Title>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <TextInput
              label="Destination id"
              placeholder="Paste a destination id"
              autoComplete="off"
              spellCheck={false}
              {...form.register('destinationId', { onChange: paste.clearNote })}
              onPaste={paste.onPaste}
              description={paste.note}
              error={form.formState.errors.destinationId?.message}
            />
            <Group>
              <Button type="submit" variant="default">
                Show destination runs
              </Button>
            </Group>
          </Stack>
        </form>
        <div>
          <Text size="sm" fw={500} mb={4} id="known-destinations">
            Destinations with an integration config
          </Text>
          {destinations.isPending ? (
            <Text size="sm" c="dimmed">
              Loading destinations…
            </Text>
          ) : destinations.isError && !destinations.data ? (
            <ErrorState
              error={destinations.error}
              title="Could not load the destinations"
              onRetry={() => void destinations.refetch()}
              retrying={destinations.isFetching}
            />
          ) : !destinations.data || destinations.data.destinations.length === 0 ? (
            <Text size="sm" c="dimmed">
              No integration config names a destination yet.
            </Text>
          ) : (
            <List size="sm" spacing={2} aria-labelledby="known-destinations">
              {destinations.data.destinations.map((d) => (
                <List.Item key={d.destinationId}>
                  <AnchorLink
                    to="/runs/destination/$destinationId"
                    params={{ destinationId: d.destinationId }}
                    size="sm"
                  >
                    {d.destination}
                    {d.configNames.length > 0 ? ` · ${d.configNames.join(', ')}` : ''}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function RecentCard() {
  const [recent, setRecent] = useState<RecentEntry[]>(() => readRecent());
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recent-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="recent-title">
          Recently viewed
        </Title>
        {recent.length > 0 ? (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              clearRecent();
              setRecent([]);
            }}
          >
            Clear list
          </Button>
        ) : null}
      </Group>
      {recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          The last ten histories you open are listed here, in this browser only.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-labelledby="recent-title">
          {recent.map((entry) => (
            <List.Item key={`${entry.kind}/${entry.id}`}>
              {entry.kind === 'Destination' ? (
                <AnchorLink
                  to="/runs/destination/$destinationId"
                  params={{ destinationId: entry.id }}
                  size="sm"
                >
                  Destination {entry.label ? `${entry.label} ` : ''}
                  <Text span ff="monospace" size="sm">
                    {entry.id}
                  </Text>
                </AnchorLink>
              ) : (
                <AnchorLink
                  to="/runs/$entityType/$entityId"
                  params={{ entityType: entry.kind, entityId: entry.id }}
                  size="sm"
                >
                  {entry.kind}{' '}
                  <Text span ff="monospace" size="sm">
                    {entry.id}
                  </Text>
                </AnchorLink>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
