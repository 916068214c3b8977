import { describe, expect, it } from 'vitest';
import type { IntegrationRun } from '../api';
import { buildChainTree, chainInfoOfLoaded, countNodes } from './run-chains';

const run = (id: string, parent?: string): IntegrationRun => ({
  id,
  entityType: 'Bill',
  entityId: 'b',
  destination: 'Stripe',
  status: 'ERROR',
  parentIntegrationRunId: parent ?? null,
});

describe('retry chains over loaded runs', () => {
  it('numbers attempts and counts the chain, whatever order the runs come in', () => {
    const info = chainInfoOfLoaded([
      run('c', 'b'),
      run('x'),
      run('b', 'a'),
      run('a'),
      run('d', 'a'),
    ]);
    expect(info.get('a')).toEqual({ attempt: 1, size: 4, complete: true });
    expect(info.get('b')).toEqual({ attempt: 2, size: 4, complete: true });
    expect(info.get('c')).toEqual({ attempt: 3, size: 4, complete: true });
    expect(info.get('d')).toEqual({ attempt: 2, size: 4, complete: true });
    expect(info.get('x')).toEqual({ attempt: 1, size: 1, complete: true });
  });

  it('marks chains whose parent is not loaded as incomplete', () => {
    const info = chainInfoOfLoaded([run('c', 'b'), run('b', 'missing')]);
    expect(info.get('b')).toEqual({ attempt: 1, size: 2, complete: false });
    expect(info.get('c')).toEqual({ attempt: 2, size: 2, complete: false });
  });

  it('survives a cycle in bad data', () => {
    const info = chainInfoOfLoaded([run('a', 'b'), run('b', 'a')]);
    expect(info.size).toBe(2);
  });

  it('builds the tree under a root from later runs', () => {
    const tree = buildChainTree(run('a'), [
      run('z'),
      run('b', 'a'),
      run('c', 'b'),
      run('d', 'a'),
      run('e', 'q'),
    ]);
    expect(countNodes(tree)).toBe(4);
    expect(tree.children.map((n) => n.run.id)).toEqual(['b', 'd']);
    expect(tree.children[0]?.children.map((n) => n.run.id)).toEqual(['c']);
  });
});
