import { Paper, Stack, Title } from '@mantine/core';
import { forwardRef, useId, type ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const EDGE: Record<Tone, string> = {
  info: 'var(--mantine-color-blue-6)',
  success: 'var(--mantine-color-teal-6)',
  warning: 'var(--mantine-color-orange-6)',
  danger: 'var(--mantine-color-red-7)',
};

interface NoticeProps {
  tone: Tone;
  title?: ReactNode;
  /** `status` for news the user should hear, `alert` for failures; none for static text. */
  role?: 'status' | 'alert';
  children?: ReactNode;
}

/**
 * A message box whose tone is carried by a coloured edge, with text and links in the normal colours:
 * Mantine's light Alert puts yellow or orange text (and blue links) on a tinted background, which
 * fails WCAG AA contrast.
 */
export const Notice = forwardRef<HTMLHeadingElement, NoticeProps>(function Notice(
  { tone, title, role, children },
  titleRef,
) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      role={role}
      // A status or alert is named by its title, so it can be told apart from the others.
      aria-labelledby={role && title ? titleId : undefined}
      style={{ borderLeft: `4px solid ${EDGE[tone]}` }}
    >
      <Stack gap="xs">
        {title ? (
          <Title
            order={2}
            size="h5"
            id={titleId}
            ref={titleRef}
            tabIndex={titleRef ? -1 : undefined}
          >
            {title}
          </Title>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
});
