import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatInstant, fromDateTimeInput, toDateTimeInput, zoneLabel } from '../lib/time';

/**
 * The custom date range's inputs, a chunk of its own (date-range-control.tsx loads it lazily; the run
 * history fetches it once its first rows are painted): Mantine's TextInput is about 4 kB gzip, and a
 * list's first screen needs it only when the link asks for a custom range.
 */
export function CustomDateRange({
  from,
  to,
  tz,
  subject,
  onApply,
  onCancel,
}: {
  from: string | undefined;
  to: string | undefined;
  tz: 'utc' | 'local';
  /** What the dates bound, for the inputs' descriptions: "Runs started", "Events". */
  subject: string;
  onApply: (from: string | undefined, to: string | undefined) => void;
  onCancel: (() => void) | undefined;
}) {
  const [fromText, setFromText] = useState(() => toDateTimeInput(from, tz));
  const [toText, setToText] = useState(() => toDateTimeInput(to, tz));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const zone = zoneLabel(tz);

  const apply = () => {
    const next: { from?: string; to?: string } = {};
    const fromIso = fromText.trim() ? fromDateTimeInput(fromText, tz) : undefined;
    const toIso = toText.trim() ? fromDateTimeInput(toText, tz) : undefined;
    if (fromIso === null) next.from = 'Enter a date and time, e.g. 2026-11-20T09:30.';
    if (toIso === null) next.to = 'Enter a date and time, e.g. 2026-11-20T17:00.';
    if (!fromIso && !toIso && fromIso !== null && toIso !== null) {
      next.from = 'Enter a start, an end, or both.';
    }
    if (fromIso && toIso && Date.parse(fromIso) > Date.parse(toIso)) {
      next.to = `The end must be after the start (${formatInstant(fromIso, tz)}).`;
    }
    setErrors(next);
    if (next.from || next.to) return;
    onApply(fromIso ?? undefined, toIso ?? undefined);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      noValidate
    >
      <Group gap="xs" align="flex-start" mt={4} wrap="wrap">
        <TextInput
          type="datetime-local"
          size="xs"
          label={`From (${zone})`}
          description={`${subject} after this`}
          value={fromText}
          onChange={(e) => setFromText(e.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          type="datetime-local"
          size="xs"
          label={`To (${zone})`}
          description={`${subject} up to this`}
          value={toText}
          onChange={(e) => setToText(e.currentTarget.value)}
          error={errors.to}
        />
        <Group gap={6} mt={38}>
          <Button type="submit" size="xs">
            Apply dates
          </Button>
          {onCancel ? (
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Group>
    </form>
  );
}
