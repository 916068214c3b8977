import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorState } from './error-state';

function renderErrorState(retrying: boolean, onRetry = vi.fn()) {
  const ui = (busy: boolean) => (
    <MantineProvider>
      <ErrorState
        error={new Error('boom')}
        title="Could not load"
        onRetry={onRetry}
        retrying={busy}
      />
    </MantineProvider>
  );
  const result = render(ui(retrying));
  return { ...result, onRetry, rerenderWith: (busy: boolean) => result.rerender(ui(busy)) };
}

describe('ErrorState', () => {
  it('keeps Retry focused while the retry runs, and ignores presses meanwhile', async () => {
    const user = userEvent.setup();
    const { onRetry, rerenderWith } = renderErrorState(false);
    const retry = screen.getByRole('button', { name: 'Retry' });
    await user.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);

    rerenderWith(true);
    // Not `disabled`: a focused button that becomes disabled drops keyboard focus to <body>.
    expect(retry).not.toBeDisabled();
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
