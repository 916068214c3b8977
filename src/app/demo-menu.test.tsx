import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DemoControls, FaultSettings } from './demo-context';
import { renderApp, screen } from '../test/render';

function fakeDemo(): DemoControls {
  let faults: FaultSettings = { latencyMs: 0, failureRate: 0 };
  return {
    reset: vi.fn(() => Promise.resolve()),
    getFaults: () => faults,
    setFaults: vi.fn((s: FaultSettings) => {
      faults = s;
    }),
  };
}

/** Opens a Demo settings dialog from its menu item; returns the menu button and the dialog. */
async function openDemoDialog(item: RegExp, dialogName: string) {
  const demo = fakeDemo();
  const { user } = await renderApp('/no-such-page', { demo });
  const target = await screen.findByRole('button', { name: 'Demo settings' });
  await user.click(target);
  await user.click(await screen.findByRole('menuitem', { name: item }));
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  return { demo, user, target, dialog };
}

describe('DemoMenu', () => {
  it('applies fault settings and gives focus back to the Demo settings button', async () => {
    const { demo, user, target, dialog } = await openDemoDialog(
      /Simulate latency and faults/,
      'Simulate latency and faults',
    );
    await user.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(demo.setFaults).toHaveBeenCalledWith({ latencyMs: 0, failureRate: 0 });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    // The menu item that opened the dialog is gone: focus must not fall to <body>.
    await waitFor(() => expect(target).toHaveFocus());
  });

  it('cancels a reset, and gives focus back to the Demo settings button', async () => {
    const { demo, user, target, dialog } = await openDemoDialog(
      /Reset demo data/,
      'Reset demo data?',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(demo.reset).not.toHaveBeenCalled();
    await waitFor(() => expect(target).toHaveFocus());
  });

  it('resets after the confirmation, and gives focus back to the Demo settings button', async () => {
    const { demo, user, target, dialog } = await openDemoDialog(
      /Reset demo data/,
      'Reset demo data?',
    );
    await user.click(screen.getByRole('button', { name: 'Reset demo data' }));
    expect(demo.reset).toHaveBeenCalledOnce();
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(target).toHaveFocus());
    expect(await screen.findByText('Demo data reset to the original seed.')).toBeInTheDocument();
  });
});
