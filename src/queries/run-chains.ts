/**
 * Retry chains: a run whose `parentIntegrationRunId` is set is a retry of that parent, so runs form
 * trees. The list can only count what it has loaded; the detail view fetches the whole chain.
 */
import type { IntegrationRun } from '../api';

export interface LoadedChainInfo {
  /** 1 for the first attempt, 2 for its retry, … (counted over loaded runs). */
  attempt: number;
  /** Runs in the chain among the loaded runs. */
  size: number;
  /** False when an ancestor is not among the loaded runs, so the counts are lower bounds. */
  complete: boolean;
}

/** Chain position and size for every loaded run, keyed by run id. */
export function chainInfoOfLoaded(runs: readonly IntegrationRun[]): Map<string, LoadedChainInfo> {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const rootOf = new Map<string, { root: string; depth: number; complete: boolean }>();

  type Resolved = { root: string; depth: number; complete: boolean };
  const resolve = (run: IntegrationRun): Resolved => {
    // Walk up iteratively (chains can be long), stopping at a cached run, a parent that is not
    // loaded, or a cycle in bad data.
    const stack: IntegrationRun[] = [];
    const seen = new Set<string>();
    let current = run;
    let base: Resolved | undefined;
    for (;;) {
      base = rootOf.get(current.id);
      if (base || seen.has(current.id)) break;
      seen.add(current.id);
      stack.push(current);
      const parentId = current.parentIntegrationRunId;
      const parent = parentId ? byId.get(parentId) : undefined;
      if (!parent) break;
      current = parent;
    }
    let info: Resolved;
    if (base) {
      info = base;
    } else {
      const top = stack.pop() as IntegrationRun;
      info = { root: top.id, depth: 0, complete: !top.parentIntegrationRunId };
      rootOf.set(top.id, info);
    }
    for (let next = stack.pop(); next; next = stack.pop()) {
      info = { root: info.root, depth: info.depth + 1, complete: info.complete };
      rootOf.set(next.id, info);
    }
    return rootOf.get(run.id) as Resolved;
  };

  const sizes = new Map<string, number>();
  for (const run of runs) {
    const { root } = resolve(run);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  const result = new Map<string, LoadedChainInfo>();
  for (const run of runs) {
    const { root, depth, complete } = resolve(run);
    result.set(run.id, { attempt: depth + 1, size: sizes.get(root) ?? 1, complete });
  }
  return result;
}

export interface ChainNode {
  run: IntegrationRun;
  children: ChainNode[];
}

/**
 * The tree under `root` from runs listed in start order (oldest first): a run joins when its parent
 * is already in the tree.
 */
export function buildChainTree(
  root: IntegrationRun,
  laterRuns: readonly IntegrationRun[],
): ChainNode {
  const top: ChainNode = { run: root, children: [] };
  const nodes = new Map<string, ChainNode>([[root.id, top]]);
  for (const run of laterRuns) {
    if (nodes.has(run.id) || !run.parentIntegrationRunId) continue;
    const parent = nodes.get(run.parentIntegrationRunId);
    if (!parent) continue;
    const node = { run, children: [] };
    parent.children.push(node);
    nodes.set(run.id, node);
  }
  return top;
}

export function countNodes(node: ChainNode): number {
  return 1 + node.children.reduce((sum, child) => sum + countNodes(child), 0);
}
