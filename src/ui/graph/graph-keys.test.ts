import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Topology } from '../../core/index';
import { nextFocus } from './graph-keys';

const n = (id: string): GraphNode => ({ id, kind: 'Pod', label: id, namespace: 'x', layer: 5, status: 'ok' });
const e = (from: string, to: string): GraphEdge => ({
  id: `${from}->${to}`,
  from,
  to,
  verdict: 'allowed',
  relation: 'endpoint',
  reason: '',
  cites: [],
});
// svc → slice → pods a (top) and b (below); c sits under the slice.
const topo: Topology = { nodes: ['svc', 'slice', 'a', 'b', 'c'].map(n), edges: [e('svc', 'slice'), e('slice', 'b'), e('slice', 'a')] };
const at = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
const layout = { svc: at(0, 0), slice: at(200, 0), c: at(200, 100), a: at(400, 0), b: at(400, 100) };

describe('arrow keys on the graph', () => {
  it.each([
    { from: { type: 'node', id: 'svc' }, key: 'ArrowRight', to: { type: 'edge', id: 'svc->slice' } },
    { from: { type: 'edge', id: 'svc->slice' }, key: 'ArrowRight', to: { type: 'node', id: 'slice' } },
    { from: { type: 'node', id: 'slice' }, key: 'ArrowRight', to: { type: 'edge', id: 'slice->a' } },
    { from: { type: 'edge', id: 'slice->a' }, key: 'ArrowDown', to: { type: 'edge', id: 'slice->b' } },
    { from: { type: 'edge', id: 'slice->b' }, key: 'ArrowDown', to: null },
    { from: { type: 'edge', id: 'slice->b' }, key: 'ArrowLeft', to: { type: 'node', id: 'slice' } },
    { from: { type: 'node', id: 'slice' }, key: 'ArrowLeft', to: { type: 'edge', id: 'svc->slice' } },
    { from: { type: 'node', id: 'slice' }, key: 'ArrowDown', to: { type: 'node', id: 'c' } },
    { from: { type: 'node', id: 'c' }, key: 'ArrowUp', to: { type: 'node', id: 'slice' } },
    { from: { type: 'node', id: 'svc' }, key: 'ArrowLeft', to: null },
  ] as const)('$from.id $key → $to.id', ({ from, key, to }) => {
    expect(nextFocus(topo, layout, from, key)).toEqual(to);
  });
});
