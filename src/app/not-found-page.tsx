import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { usePageTitle } from '../lib/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  const href = useRouterState({ select: (s) => s.location.href });
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h3">
          Page not found
        </Title>
        <Text>
          Nothing lives at <code>{href}</code>. The link may be old or mistyped.
        </Text>
        <Button component={Link} to="/configs" w="fit-content">
          Go to integration configs
        </Button>
      </Stack>
    </Container>
  );
}
