/**
 * A date range as the lists (run history, integration events) choose it: any time, the last 24 h / 7 /
 * 30 days, or custom from/to dates typed in UTC or local time (lib/date-range.ts); the list's URL holds
 * what it reports.
 */
import { Stack, Text } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { RANGE_PRESETS, type RangeChoice } from '../lib/date-range';
import { RANGE_LABELS } from '../lib/labels';
import type { TimeZoneChoice } from '../lib/time';
import { ChoiceGroup } from './choice-group';

/** The custom inputs' code: fetched on "Custom", or earlier by `preloadCustomDateRange`. */
const loadCustomDateRange = () => import('./custom-date-range');
const CustomDateRange = lazy(() =>
  loadCustomDateRange().then((m) => ({ default: m.CustomDateRange })),
);

/** Fetches the custom inputs' code ahead of a click (after a list's first rows are painted). */
export function preloadCustomDateRange(): void {
  // A failed fetch here is tried again when "Custom" is chosen.
  loadCustomDateRange().catch(() => {});
}

const CHOICES: readonly RangeChoice[] = ['all', ...RANGE_PRESETS, 'custom'];

/** What the control shows and reports: `from`/`to` (ISO instants) only with `range: 'custom'`. */
interface DateRangeValue {
  range: RangeChoice;
  from?: string | undefined;
  to?: string | undefined;
}

interface DateRangeControlProps {
  /** The group's visible label, e.g. "Started" or "Happened". */
  label: string;
  value: DateRangeValue;
  onChange: (next: DateRangeValue) => void;
  /** How custom dates are typed and read; default UTC. */
  tz?: TimeZoneChoice;
  /** What the custom dates bound, for their descriptions: "Runs started", "Events". */
  subject?: string;
}

/** "Custom" opens the date inputs; `onChange` is called only when a valid range is applied. */
export function DateRangeControl({
  label,
  value,
  onChange,
  tz = 'utc',
  subject = 'Items',
}: DateRangeControlProps) {
  const [editingCustom, setEditingCustom] = useState(false);
  const shown: RangeChoice = editingCustom ? 'custom' : value.range;
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
        <Suspense fallback={null}>
          <CustomDateRange
            // New dates from outside (back/forward) reset the drafts.
            key={`${value.from ?? ''}|${value.to ?? ''}|${tz}`}
            from={value.from}
            to={value.to}
            tz={tz}
            subject={subject}
            onApply={(from, to) => {
              setEditingCustom(false);
              onChange({ range: 'custom', from, to });
            }}
            onCancel={value.range === 'custom' ? undefined : () => setEditingCustom(false)}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}
