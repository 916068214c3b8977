import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import type { IntegrationRun } from '../../api';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { runQueries, type RunChain } from '../../queries/runs';
import { countNodes, type ChainNode } from '../../queries/run-chains';
import { isPlainClick, type RunLinkHandlers } from './run-links';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant } from '../../lib/time';

interface RetryChainTreeProps extends RunLinkHandlers {
  run: IntegrationRun;
  tz: TimeZoneChoice;
}

/** The run's retry chain as a small tree: the first attempt at the top, each retry under its parent. */
export function RetryChainTree({ run, tz, href, open }: RetryChainTreeProps) {
  const chain = useQuery(runQueries.chain(run));
  return (
    <QueryState
      query={chain}
      what="the retry chain"
      skeleton={
        <Text size="sm" c="dimmed">
          Looking for the runs of this retry chain…
        </Text>
      }
    >
      {(found) => <ChainView chain={found} run={run} tz={tz} href={href} open={open} />}
    </QueryState>
  );
}
function ChainView({ chain, run, tz, href, open }: RetryChainTreeProps & { chain: RunChain }) {
  const total = countNodes(chain.root);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {total === 1
          ? 'This run is not part of a retry chain: it has no parent and no retries.'
          : `${total} runs in this chain.`}
        {chain.truncated
          ? ' Some runs may be missing: a parent could not be fetched, or the search for retries stopped after 1,000 later runs.'
          : ''}
      </Text>
      {total > 1 ? (
        <Box component="ul" m={0} pl={0} style={{ listStyle: 'none' }} aria-label="Retry chain">
          <ChainItem
            node={chain.root}
            currentId={run.id}
            tz={tz}
            href={href}
            open={open}
            depth={0}
          />
        </Box>
      ) : null}
    </Stack>
  );
}

function ChainItem({
  node,
  currentId,
  tz,
  href,
  open,
  depth,
}: {
  node: ChainNode;
  currentId: string;
  tz: TimeZoneChoice;
  depth: number;
} & RunLinkHandlers) {
  const isCurrent = node.run.id === currentId;
  const started = node.run.dtStarted ?? node.run.dtCreated;
  const onClick = (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    open(node.run.id);
  };
  return (
    <Box
      component="li"
      pl={depth === 0 ? 0 : 'md'}
      style={
        depth === 0 ? undefined : { borderLeft: '2px solid var(--mantine-color-default-border)' }
      }
    >
      <Group gap="xs" py={4} wrap="nowrap">
        <StatusBadge status={node.run.status} />
        {isCurrent ? (
          <Text size="sm" ff="monospace" fw={700} aria-current="true">
            {node.run.id.slice(0, 8)} (this run)
          </Text>
        ) : (
          <Anchor href={href(node.run.id)} onClick={onClick} size="sm" ff="monospace">
            {node.run.id.slice(0, 8)}
            <span className="visually-hidden">, open run {node.run.id}</span>
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {depth === 0 ? 'first attempt' : `retry ${depth}`}
          {started ? ` · ${formatInstant(started, tz)}` : ''}
        </Text>
      </Group>
      {node.children.length > 0 ? (
        <Box component="ul" m={0} pl="sm" style={{ listStyle: 'none' }}>
          {node.children.map((child) => (
            <ChainItem
              key={child.run.id}
              node={child}
              currentId={currentId}
              tz={tz}
              href={href}
              open={open}
              depth={depth + 1}
            />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
