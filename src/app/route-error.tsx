import { Button, Container, Group, Stack, Title } from '@mantine/core';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ErrorState } from '../components/error-state';

/** The error boundary of every route: says what failed and offers a retry, never a blank page. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();
  useEffect(() => {
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h3">
          Something went wrong on this page
        </Title>
        <ErrorState
          error={error}
          onRetry={() => {
            reset();
            void router.invalidate();
          }}
        />
        <Group>
          <Button component={Link} to="/" variant="default">
            Go to the start page
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
