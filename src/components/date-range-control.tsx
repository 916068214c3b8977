/**
 * A date range as the lists choose it: any time, the last 24 h / 7 / 30 days, or custom from/to dates
 * typed in UTC or local time. Its values are the run queries' `RangeChoice` (src/queries/runs.ts),
 * spelled out here because shared UI imports no query module; the list's URL holds what it reports.
 *
 * The run history keeps its own (integration-runs/run-filters.tsx, with its custom inputs in a lazy
 * chunk for its first screen's sake, custom-range.tsx); it could use this one once that matters less.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { RANGE_LABELS } from '../lib/labels';
import { ChoiceGroup } from './choice-group';

type DateRangeChoice = 'all' | '24h' | '7d' | '30d' | 'custom';
type DateRangeZone = 'utc' | 'local';

const CHOICES: DateRangeChoice[] = ['all', '24h', '7d', '30d', 'custom'];

/** What the control shows and reports: `from`/`to` (ISO instants) only with `range: 'custom'`. */
interface DateRangeValue {
  range: DateRangeChoice;
  from?: string | undefined;
  to?: string | undefined;
}

interface DateRangeControlProps {
  /** The group's visible label, e.g. "Started" or "Happened". */
  label: string;
  value: DateRangeValue;
  onChange: (next: DateRangeValue) => void;
  /** How custom dates are typed and read; default UTC. */
  tz?: DateRangeZone;
  /** What the custom dates bound, for their descriptions: "events". */
  what?: string;
}

/** "Custom" opens the date inputs; `onChange` is called only when a valid range is applied. */
export function DateRangeControl({
  label,
  value,
  onChange,
  tz = 'utc',
  what = 'items',
}: DateRangeControlProps) {
  const [editingCustom, setEditingCustom] = useState(false);
  const shown: DateRangeChoice = editingCustom ? 'custom' : value.range;
  const labelId = useId();

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <ChoiceGroup
        aria-labelledby={labelId}
        value={shown}
        data={CHOICES.map((choice) => ({ value: choice, label: RANGE_LABELS[choice] }))}
        onChange={(choice) => {
          if (choice === 'custom') {
            setEditingCustom(true);
            return;
          }
          setEditingCustom(false);
          onChange({ range: choice });
        }}
      />
      {shown === 'custom' ? (
        <CustomRange
          // New dates from outside (back/forward) reset the drafts.
          key={`${value.from ?? ''}|${value.to ?? ''}|${tz}`}
          from={value.from}
          to={value.to}
          tz={tz}
          what={what}
          onApply={(from, to) => {
            setEditingCustom(false);
            onChange({ range: 'custom', from, to });
          }}
          onCancel={value.range === 'custom' ? undefined : () => setEditingCustom(false)}
        />
      ) : null}
    </Stack>
  );
}

function CustomRange({
  from,
  to,
  tz,
  what,
  onApply,
  onCancel,
}: {
  from: string | undefined;
  to: string | undefined;
  tz: DateRangeZone;
  what: string;
  onApply: (from: string | undefined, to: string | undefined) => void;
  onCancel: (() => void) | undefined;
}) {
  const [fromText, setFromText] = useState(() => toDateTimeInput(from, tz));
  const [toText, setToText] = useState(() => toDateTimeInput(to, tz));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const zone = tz === 'utc' ? 'UTC' : 'local time';

  const apply = () => {
    const next: { from?: string; to?: string } = {};
    const fromIso = fromText.trim() ? fromDateTimeInput(fromText, tz) : undefined;
    const toIso = toText.trim() ? fromDateTimeInput(toText, tz) : undefined;
    if (fromIso === null) next.from = 'Enter a date and time, e.g. 2026-11-20T09:30.';
    if (toIso === null) next.to = 'Enter a date and time, e.g. 2026-11-20T17:00.';
    if (fromIso === undefined && toIso === undefined) next.from = 'Enter a start, an end, or both.';
    if (fromIso && toIso && Date.parse(fromIso) > Date.parse(toIso)) {
      next.to = `The end must be after the start (${toDateTimeInput(fromIso, tz).replace('T', ' ')}).`;
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
          description={`${capitalise(what)} after this`}
          value={fromText}
          onChange={(e) => setFromText(e.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          type="datetime-local"
          size="xs"
          label={`To (${zone})`}
          description={`${capitalise(what)} up to this`}
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

const capitalise = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

const two = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="datetime-local">` showing `iso` in the chosen zone. */
export function toDateTimeInput(iso: string | undefined, tz: DateRangeZone): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const t = new Date(ms);
  const [y, mo, d, h, mi] =
    tz === 'utc'
      ? [
          t.getUTCFullYear(),
          t.getUTCMonth() + 1,
          t.getUTCDate(),
          t.getUTCHours(),
          t.getUTCMinutes(),
        ]
      : [t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes()];
  return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`;
}

/**
 * An `<input type="datetime-local">` value ("2026-11-20T11:52", seconds optional) read in the chosen
 * zone, as an ISO instant; null when it is not a complete, real date and time.
 */
export function fromDateTimeInput(value: string, tz: DateRangeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y = 0, mo = 1, d = 0, h = 0, mi = 0, s = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const ms =
    tz === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  // Reject 2026-02-31 and friends, which Date would silently roll over.
  const check = tz === 'utc' ? date.getUTCDate() : date.getDate();
  return check === d ? date.toISOString() : null;
}
