import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SkippedRowsNotice } from './skipped-rows-notice';

const renderNotice = (invalid: Parameters<typeof SkippedRowsNotice>[0]['invalid']) =>
  render(
    <MantineProvider>
      <SkippedRowsNotice invalid={invalid} what="configurations" />
    </MantineProvider>,
  );

describe('SkippedRowsNotice', () => {
  it('names each row that could not be read, by id, with the problem', () => {
    renderNotice([
      { id: 'cfg-1', index: 3, problem: 'dtLastModified: expected string, received null' },
      { index: 7, problem: 'id: expected string, received undefined' },
    ]);
    const notice = screen.getByRole('status', {
      name: '2 of the configurations could not be shown',
    });
    const items = within(notice).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('cfg-1: dtLastModified: expected string, received null');
    expect(items[1]).toHaveTextContent('entry 8 of its page (no id): id: expected string');
  });

  it('counts what it does not name, and says nothing when every row was read', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `r${i}`, index: i, problem: 'bad' }));
    const { unmount } = renderNotice(many);
    const notice = screen.getByRole('status', {
      name: '13 of the configurations could not be shown',
    });
    expect(within(notice).getAllByRole('listitem')).toHaveLength(10);
    expect(notice).toHaveTextContent('and 3 more.');
    unmount();
    renderNotice(undefined);
    renderNotice([]);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
