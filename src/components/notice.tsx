import { CloseButton, Group, Paper, Stack, Title } from '@mantine/core';
import { forwardRef, useId, type ReactNode } from 'react';

type NoticeTone = 'info' | 'success' | 'warning' | 'danger' | 'neutral';

const EDGE: Record<NoticeTone, string> = {
  info: 'var(--mantine-color-blue-6)',
  success: 'var(--mantine-color-teal-6)',
  warning: 'var(--mantine-color-orange-6)',
  danger: 'var(--mantine-color-red-7)',
  neutral: 'var(--mantine-color-gray-6)',
};

export interface NoticeProps {
  tone: NoticeTone;
  title?: ReactNode;
  /** `status` for news the user should hear, `alert` for failures; none for static text. */
  role?: 'status' | 'alert';
  /** Shows a named close button. */
  onClose?: () => void;
  children?: ReactNode;
}

/**
 * The one message box: its tone is carried by a coloured edge, with text and links in the normal
 * colours. Mantine's light Alert puts yellow or orange text (and blue links) on a tinted background,
 * which fails WCAG AA contrast. A status or alert is named by its title, so it can be told apart.
 */
export const Notice = forwardRef<HTMLHeadingElement, NoticeProps>(function Notice(
  { tone, title, role, onClose, children },
  titleRef,
) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      role={role}
      aria-labelledby={role && title ? titleId : undefined}
      style={{ borderLeft: `4px solid ${EDGE[tone]}` }}
    >
      <Stack gap="xs">
        {title || onClose ? (
          <Group justify="space-between" wrap="nowrap" align="flex-start">
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
            ) : (
              <span />
            )}
            {onClose ? <CloseButton size="sm" aria-label="Dismiss" onClick={onClose} /> : null}
          </Group>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
});
