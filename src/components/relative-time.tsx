import { Text, Tooltip } from '@mantine/core';
import { formatExact, formatRelative } from '../lib/dates';

interface RelativeTimeProps {
  value: string | null | undefined;
}

/** "3 h ago", with the exact UTC time on hover and for assistive technology. */
export function RelativeTime({ value }: RelativeTimeProps) {
  if (!value)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const exact = formatExact(value);
  return (
    <Tooltip label={exact} withArrow>
      <Text span size="sm">
        <time dateTime={value} title={exact}>
          {formatRelative(value)}
        </time>
      </Text>
    </Tooltip>
  );
}
