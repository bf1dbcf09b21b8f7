/**
 * Graph layout, run in the worker: columns by GraphNode.layer (left → right), namespaces as stacked
 * bands, and inside each band an order and heights that keep edges short and uncrossed (order.ts).
 * Inputs are sorted by id so that the same graph always gets the same picture, and a small edit moves
 * only the nodes of the namespace it touches.
 */
import type { GraphNode, Topology } from '../core/index';
import { layoutBand } from './order';
import type { Placement } from './protocol';

export const NODE_W = 210;
export const NODE_H = 58;
const COL_GAP = 90;
const ROW_GAP = 18;
const PITCH = NODE_H + ROW_GAP;
const GROUP_PAD = { top: 34, left: 16, bottom: 16, right: 16 };
const BAND_GAP = 30;

export function groupId(ns: string): string {
  return `Namespace/${ns}`;
}

/** Places every node and every namespace group; positions of children are relative to their group. */
export function layoutTopology(topo: Topology): Record<string, Placement> {
  const out: Record<string, Placement> = {};
  const layers = [...new Set(topo.nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const colX = new Map<number, number>();
  layers.forEach((l, i) => colX.set(l, GROUP_PAD.left + i * (NODE_W + COL_GAP)));
  const width = layers.length * (NODE_W + COL_GAP) - COL_GAP + GROUP_PAD.left + GROUP_PAD.right;

  const bands = new Map<string, GraphNode[]>();
  for (const n of [...topo.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = bands.get(n.namespace) ?? [];
    list.push(n);
    bands.set(n.namespace, list);
  }
  const names = [...bands.keys()].sort();

  let y = 0;
  for (const ns of names) {
    const nodes = bands.get(ns)!;
    const ids = new Set(nodes.map((n) => n.id));
    const rows = layoutBand(nodes, topo.edges.filter((e) => ids.has(e.from) && ids.has(e.to)));
    const grouped = ns !== '';
    const top = grouped ? GROUP_PAD.top : 0;
    let lowest = 0;
    for (const n of nodes) {
      const row = rows.get(n.id) ?? 0;
      lowest = Math.max(lowest, row);
      const p: Placement = { x: colX.get(n.layer)!, y: top + row * PITCH, width: NODE_W, height: NODE_H };
      if (grouped) p.parent = groupId(ns);
      else p.y += y;
      out[n.id] = p;
    }
    const h = top + lowest * PITCH + NODE_H + (grouped ? GROUP_PAD.bottom : 0);
    if (grouped) out[groupId(ns)] = { x: 0, y, width, height: h };
    y += h + BAND_GAP;
  }
  return out;
}
