import { Drawer, Group } from '@mantine/core';
import { RunDetail } from './run-detail';
import { shortId } from '../../lib/labels';
import type { RunLinkHandlers } from './run-links';
import type { TimeZoneChoice } from './search-schema';

interface RunDrawerProps extends RunLinkHandlers {
  /** The run open beside the list (the `run` search parameter); closed when absent. */
  runId: string | undefined;
  tz: TimeZoneChoice;
  onClose: () => void;
}

export function RunDrawer({ runId, tz, onClose, href, open }: RunDrawerProps) {
  return (
    // Built from parts: Mantine's default drawer header is a <header>, which in the body-level
    // portal would be a second banner landmark next to the app's.
    <Drawer.Root opened={!!runId} onClose={onClose} position="right" size="xl">
      <Drawer.Overlay />
      <Drawer.Content>
        <Group
          justify="space-between"
          wrap="nowrap"
          p="md"
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 1,
            background: 'var(--mantine-color-body)',
          }}
        >
          <Drawer.Title fw={600}>{runId ? `Run ${shortId(runId)}` : 'Run'}</Drawer.Title>
          <Drawer.CloseButton aria-label="Close run details" />
        </Group>
        <Drawer.Body>
          {runId ? (
            <RunDetail runId={runId} tz={tz} variant="panel" href={href} open={open} />
          ) : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
