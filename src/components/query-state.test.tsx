import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../api/errors';
import { SolvimonNotFoundError } from '../api/solvimon/errors';
import { QueryState } from './query-state';

/** A read the test answers by hand: each call waits for `answer(...)`. */
function controlledRead() {
  let settle: ((outcome: { value?: string; error?: Error }) => void) | undefined;
  const queryFn = () =>
    new Promise<string>((resolve, reject) => {
      settle = ({ value, error }) => (error ? reject(error) : resolve(value ?? ''));
    });
  return {
    queryFn,
    answer: async (outcome: { value?: string; error?: Error }) => {
      await waitFor(() => expect(settle).toBeDefined());
      const current = settle!;
      settle = undefined;
      current(outcome);
    },
  };
}

function Page({ read }: { read: () => Promise<string> }) {
  const query = useQuery({ queryKey: ['thing'], queryFn: read });
  return (
    <QueryState
      query={query}
      what="the thing"
      heading="Thing"
      notFound={{ title: 'No such thing' }}
    >
      {(value) => <p>Value: {value}</p>}
    </QueryState>
  );
}

function renderPage(read: () => Promise<string>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <Page read={read} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return client;
}

const failure = new ValidationError({
  status: 400,
  message: 'm3ter is unwell',
  path: '/thing',
  method: 'GET',
});

describe('QueryState', () => {
  it('says it is loading, under the page heading, until the data comes', async () => {
    const read = controlledRead();
    renderPage(read.queryFn);
    expect(screen.getByRole('heading', { level: 1, name: 'Thing' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading the thing' })).toBeInTheDocument();
    await read.answer({ value: 'one' });
    expect(await screen.findByText('Value: one')).toBeInTheDocument();
  });

  it('keeps the error and a busy Retry in focus while retrying, then moves focus to the data', async () => {
    const user = userEvent.setup();
    const read = controlledRead();
    renderPage(read.queryFn);
    await read.answer({ error: failure });
    const alert = await screen.findByRole('alert', { name: 'Could not load the thing' });
    expect(alert).toHaveTextContent('m3ter is unwell');

    const retry = screen.getByRole('button', { name: 'Retry' });
    await user.click(retry);
    // The query is pending again; the error stays, its Retry busy and still focused.
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus();

    await read.answer({ value: 'two' });
    const value = await screen.findByText('Value: two');
    await waitFor(() => expect(value.parentElement).toHaveFocus());
  });

  it('keeps the data on screen when a refresh fails, and says so', async () => {
    const read = controlledRead();
    const client = renderPage(read.queryFn);
    await read.answer({ value: 'one' });
    await screen.findByText('Value: one');

    void client.refetchQueries({ queryKey: ['thing'] });
    await read.answer({ error: failure });
    expect(
      await screen.findByRole('alert', {
        name: 'Could not refresh the thing; showing what was loaded before',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Value: one')).toBeInTheDocument();
  });

  it('says the entity is gone on Solvimon’s 404 too', async () => {
    const read = controlledRead();
    renderPage(read.queryFn);
    await read.answer({
      error: new SolvimonNotFoundError({
        status: 404,
        message: 'Integration not found: intg_x',
        path: '/integrations/intg_x',
        method: 'GET',
        code: 'RESOURCE_NOT_FOUND',
      }),
    });
    expect(await screen.findByRole('heading', { name: 'No such thing' })).toBeInTheDocument();
  });

  it('says the entity is gone on a 404, also when it was on screen', async () => {
    const read = controlledRead();
    const client = renderPage(read.queryFn);
    await read.answer({ value: 'one' });
    await screen.findByText('Value: one');

    void client.refetchQueries({ queryKey: ['thing'] });
    await read.answer({
      error: new NotFoundError({
        status: 404,
        message: 'Not found',
        path: '/thing',
        method: 'GET',
      }),
    });
    expect(await screen.findByRole('heading', { name: 'No such thing' })).toBeInTheDocument();
    expect(screen.queryByText('Value: one')).not.toBeInTheDocument();
  });
});
