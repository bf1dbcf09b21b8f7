/**
 * Moving around the graph with the arrow keys (issue 12: keyboard use). Tab visits the nodes; the arrows follow
 * the traffic: from a node, → and ← step onto its outgoing and incoming edges, ↑ and ↓ onto the node above and
 * below in its column; from an edge, → and ← step onto its target and source, ↑ and ↓ onto the next edge out
 * of the same source. Enter or Space opens the focused node or edge in the Inspector (GraphView).
 */
import type { Placement, ShownTopology } from '../../worker/protocol';

export type Focus = { type: 'node' | 'edge'; id: string };

export function nextFocus(topo: ShownTopology, layout: Record<string, Placement>, at: Focus, key: string): Focus | null {
  const pos = (id: string) => {
    const p = layout[id];
    const parent = p?.parent ? layout[p.parent] : undefined;
    return p ? { x: p.x + (parent?.x ?? 0), y: p.y + (parent?.y ?? 0) } : { x: 0, y: 0 };
  };
  const byY = (ids: string[]) => [...ids].sort((a, b) => pos(a).y - pos(b).y || (a < b ? -1 : 1));
  const edge = (id: string): Focus => ({ type: 'edge', id });
  const node = (id: string): Focus => ({ type: 'node', id });
  if (at.type === 'node') {
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const out = key === 'ArrowRight';
      const edges = topo.edges.filter((e) => (out ? e.from : e.to) === at.id);
      const order = byY(edges.map((e) => (out ? e.to : e.from)));
      const first = edges.find((e) => (out ? e.to : e.from) === order[0]);
      return first ? edge(first.id) : null;
    }
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const here = pos(at.id);
      const column = byY(topo.nodes.filter((n) => Math.abs(pos(n.id).x - here.x) < 1).map((n) => n.id));
      const i = column.indexOf(at.id) + (key === 'ArrowDown' ? 1 : -1);
      return column[i] ? node(column[i]) : null;
    }
    return null;
  }
  const e = topo.edges.find((x) => x.id === at.id);
  if (!e) return null;
  if (key === 'ArrowRight') return node(e.to);
  if (key === 'ArrowLeft') return node(e.from);
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const siblings = topo.edges.filter((x) => x.from === e.from);
    const order = byY(siblings.map((x) => x.to));
    const sorted = order.map((to) => siblings.find((x) => x.to === to)!);
    const i = sorted.indexOf(e) + (key === 'ArrowDown' ? 1 : -1);
    return sorted[i] ? edge(sorted[i].id) : null;
  }
  return null;
}
