import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children ? (
        <Text c="dimmed" size="sm" ta="center" maw={520}>
          {children}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}
