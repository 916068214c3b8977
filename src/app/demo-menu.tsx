import { Button, Group, Menu, NumberInput, Slider, Stack, Text } from '@mantine/core';
import { Dialog } from '../components/dialog';
import { useDisclosure } from '@mantine/hooks';
import { notify } from '../components/notify';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useDemoControls, type FaultSettings } from './demo-context';

/** Demo-only actions: reset the fake m3ter's data, and simulate a slow or failing m3ter. */
export function DemoMenu() {
  const demo = useDemoControls();
  const queryClient = useQueryClient();
  const [faultsOpen, faults] = useDisclosure(false);
  const [confirmOpen, confirm] = useDisclosure(false);
  // The dialogs open from a menu item that is gone once they close, so Mantine's own focus return
  // has nowhere to go (or races this one): focus goes back to the Demo settings button.
  const targetRef = useRef<HTMLButtonElement>(null);
  if (!demo) return null;
  const closeFaults = () => {
    faults.close();
    targetRef.current?.focus();
  };
  const closeConfirm = () => {
    confirm.close();
    targetRef.current?.focus();
  };

  const reset = () => {
    closeConfirm();
    // Said once it is true: the seed is stored (a reload right after keeps it), and the pages
    // read it again.
    demo.reset().then(
      () => {
        void queryClient.resetQueries();
        notify('Demo data reset to the original seed.');
      },
      () => notify('The demo data could not be reset: reload the page and try again.', 'red'),
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button ref={targetRef} variant="default" size="xs">
            Demo settings
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={faults.open}>Simulate latency and faults…</Menu.Item>
          <Menu.Item color="red.9" onClick={confirm.open}>
            Reset demo data…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Dialog
        opened={confirmOpen}
        onClose={closeConfirm}
        returnFocus={false}
        title="Reset demo data?"
      >
        <Stack>
          <Text size="sm">
            Every m3ter configuration and mapping and every Solvimon integration you created, edited
            or deleted in the demo goes back to the original seed, in every open tab.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={closeConfirm} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={reset}>
              Reset demo data
            </Button>
          </Group>
        </Stack>
      </Dialog>
      <Dialog
        opened={faultsOpen}
        onClose={closeFaults}
        returnFocus={false}
        title="Simulate latency and faults"
      >
        {faultsOpen ? (
          <FaultForm
            initial={demo.getFaults()}
            onSave={(s) => {
              demo.setFaults(s);
              closeFaults();
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function FaultForm({
  initial,
  onSave,
}: {
  initial: FaultSettings;
  onSave: (s: FaultSettings) => void;
}) {
  const [latencyMs, setLatency] = useState(initial.latencyMs);
  const [failurePercent, setFailurePercent] = useState(Math.round(initial.failureRate * 100));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Off by default. Applies to every request the demo backend answers, in this browser.
      </Text>
      <NumberInput
        label="Added latency (ms)"
        min={0}
        max={10_000}
        step={100}
        value={latencyMs}
        onChange={(v) => setLatency(typeof v === 'number' ? v : 0)}
      />
      <div>
        <Text size="sm" fw={500} id="failure-rate-label">
          Share of requests that fail (500, 503 or 429): {failurePercent}%
        </Text>
        <Slider
          aria-labelledby="failure-rate-label"
          thumbLabel="Share of requests that fail"
          min={0}
          max={100}
          step={5}
          value={failurePercent}
          onChange={setFailurePercent}
        />
      </div>
      <Button onClick={() => onSave({ latencyMs, failureRate: failurePercent / 100 })}>
        Apply
      </Button>
      <Button variant="default" onClick={() => onSave({ latencyMs: 0, failureRate: 0 })}>
        Turn off
      </Button>
    </Stack>
  );
}
