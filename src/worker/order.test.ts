import { describe, expect, it } from 'vitest';
import { crossings, isotonic, layoutBand, orderBand, type BandEdge, type BandNode } from './order';

const node = (id: string, layer: number): BandNode => ({ id, layer });
const edge = (from: string, to: string): BandEdge => ({ from, to });
/** Crossings of a straight-line drawing given as rows per node. */
function crossed(nodes: BandNode[], edges: BandEdge[], rows: Map<string, number>): number {
  const cols = [...new Set(nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const row = Float64Array.from(nodes.map((n) => rows.get(n.id)!));
  const segs = edges.map((e) => {
    let [a, b] = [idx.get(e.from)!, idx.get(e.to)!];
    if (nodes[a]!.layer > nodes[b]!.layer) [a, b] = [b, a];
    return { c0: cols.indexOf(nodes[a]!.layer), c1: cols.indexOf(nodes[b]!.layer), a, b };
  });
  return crossings(segs, row);
}

describe('isotonic regression (pool adjacent violators)', () => {
  it.each([
    { xs: [], want: [] },
    { xs: [1, 2, 3], want: [1, 2, 3] },
    { xs: [3, 1], want: [2, 2] },
    { xs: [1, 3, 2, 4], want: [1, 2.5, 2.5, 4] },
    { xs: [5, 4, 3, 2, 1], want: [3, 3, 3, 3, 3] },
  ])('$xs → $want', ({ xs, want }) => {
    expect(isotonic(xs)).toEqual(want);
  });
});

describe('crossings in the stacked drawing', () => {
  it.each([
    { name: 'two parallel edges', rows: { a: 0, b: 1, x: 0, y: 1 }, want: 0 },
    { name: 'two swapped edges', rows: { a: 0, b: 1, x: 1, y: 0 }, want: 1 },
  ])('$name: $want', ({ rows, want }) => {
    const nodes = [node('a', 3), node('b', 3), node('x', 4), node('y', 4)];
    const edges = [edge('a', 'x'), edge('b', 'y')];
    expect(crossed(nodes, edges, new Map(Object.entries(rows)))).toBe(want);
  });

  it('does not count edges that share an end, and follows an edge across a skipped column', () => {
    const nodes = [node('s', 3), node('t', 3), node('m', 4), node('n', 4), node('p', 5)];
    // s → p spans two columns (heights 0 → 2) and is at height 1 in the middle one, where t → n ends at 1:
    // touching is not crossing.
    const rows = new Map(Object.entries({ s: 0, t: 1, m: 0, n: 1, p: 2 }));
    expect(crossed(nodes, [edge('s', 'p'), edge('t', 'n'), edge('s', 'm')], rows)).toBe(0);
    // Now t → m goes up while s → p goes down: one crossing.
    expect(crossed(nodes, [edge('s', 'p'), edge('t', 'm')], rows)).toBe(1);
  });
});

describe('the order of a band', () => {
  it('untangles two Services whose pods sort the other way round', () => {
    // Id order puts a's pods under b's: every a edge would cross every b edge.
    const nodes = [node('Pod/a-1', 5), node('Pod/a-2', 5), node('Pod/b-1', 5), node('Service/a', 3), node('Service/b', 3)].sort((x, y) =>
      x.id < y.id ? -1 : 1,
    );
    const edges = [edge('Service/b', 'Pod/a-1'), edge('Service/b', 'Pod/a-2'), edge('Service/a', 'Pod/b-1')];
    const idOrder = new Map(nodes.map((n) => [n.id, n.layer === 5 ? ['Pod/a-1', 'Pod/a-2', 'Pod/b-1'].indexOf(n.id) : ['Service/a', 'Service/b'].indexOf(n.id)]));
    expect(crossed(nodes, edges, idOrder)).toBe(2);
    expect(crossed(nodes, edges, orderBand(nodes, edges))).toBe(0);
  });

  it('is the same for the same band, whatever order the edges come in', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => node(id, i % 3));
    const edges = [edge('a', 'e'), edge('d', 'b'), edge('b', 'f'), edge('c', 'e'), edge('a', 'c')];
    expect([...layoutBand(nodes, edges)]).toEqual([...layoutBand(nodes, [...edges].reverse())]);
  });
});

describe('heights in a band', () => {
  it('centres a Service on its three pods and its slice beside them', () => {
    const nodes = [node('EndpointSlice/web-x', 4), node('Pod/web-1', 5), node('Pod/web-2', 5), node('Pod/web-3', 5), node('Service/web', 3)];
    const edges = [edge('Service/web', 'EndpointSlice/web-x'), ...[1, 2, 3].map((i) => edge('EndpointSlice/web-x', `Pod/web-${i}`))];
    const y = layoutBand(nodes, edges);
    expect([y.get('Pod/web-1'), y.get('Pod/web-2'), y.get('Pod/web-3')]).toEqual([0, 1, 2]);
    expect(y.get('EndpointSlice/web-x')).toBe(1);
    expect(y.get('Service/web')).toBe(1);
  });

  it('keeps a row between the nodes of a column and nothing above the top', () => {
    const nodes = [node('a', 0), node('b', 0), node('c', 0), node('x', 1)];
    const y = layoutBand(nodes, [edge('a', 'x'), edge('b', 'x'), edge('c', 'x')]);
    const col = ['a', 'b', 'c'].map((id) => y.get(id)!).sort((p, q) => p - q);
    expect(col[1]! - col[0]!).toBeGreaterThanOrEqual(1);
    expect(col[2]! - col[1]!).toBeGreaterThanOrEqual(1);
    expect(Math.min(...y.values())).toBe(0);
  });

  it('leaves a band without edges stacked from the top in id order', () => {
    const nodes = [node('a', 3), node('b', 3), node('c', 5)];
    expect(Object.fromEntries(layoutBand(nodes, []))).toEqual({ a: 0, b: 1, c: 0 });
  });
});
