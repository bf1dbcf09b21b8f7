/**
 * Graph layout, run in the worker: columns by GraphNode.layer (left → right), namespaces as stacked
 * bands, and inside each band elkjs' layered algorithm orders the nodes to keep edges from crossing.
 * Inputs are sorted by id so that the same graph always gets the same picture, and a small edit moves
 * only the nodes of the namespace it touches.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphNode, Topology } from '../core/index';
import type { Placement } from './protocol';

export const NODE_W = 210;
export const NODE_H = 58;
const COL_GAP = 90;
const ROW_GAP = 18;
const GROUP_PAD = { top: 34, left: 16, bottom: 16, right: 16 };
const BAND_GAP = 30;

/** Something that lays out an elk graph (elkjs, or a stand-in in tests). */
export interface Layouter { layout(graph: ElkNode): Promise<ElkNode>; }

export function groupId(ns: string): string {
  return `Namespace/${ns}`;
}

/** Places every node and every namespace group; positions of children are relative to their group. */
/** Band orders already computed, by band shape: an edit that changes no node or edge of a band costs no layout. */
export type LayoutCache = Map<string, Map<string, number>>;

export async function layoutTopology(topo: Topology, elk: Layouter | null, cache: LayoutCache = new Map()): Promise<Record<string, Placement>> {
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
    const order = await cachedOrder(nodes, topo, elk, cache);
    // Rows: each column stacks its nodes in the order elk chose; the band is as tall as its tallest column.
    const rows = new Map<number, number>();
    const grouped = ns !== '';
    const top = grouped ? GROUP_PAD.top : 0;
    for (const n of nodes.slice().sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))) {
      const row = rows.get(n.layer) ?? 0;
      rows.set(n.layer, row + 1);
      const p: Placement = { x: colX.get(n.layer)!, y: top + row * (NODE_H + ROW_GAP), width: NODE_W, height: NODE_H };
      if (grouped) p.parent = groupId(ns);
      else p.y += y;
      out[n.id] = p;
    }
    const maxRows = Math.max(1, ...rows.values());
    const h = top + maxRows * (NODE_H + ROW_GAP) - ROW_GAP + (grouped ? GROUP_PAD.bottom : 0);
    if (grouped) out[groupId(ns)] = { x: 0, y, width, height: h };
    y += h + BAND_GAP;
  }
  return out;
}

async function cachedOrder(nodes: GraphNode[], topo: Topology, elk: Layouter | null, cache: LayoutCache): Promise<Map<string, number>> {
  const ids = new Set(nodes.map((n) => n.id));
  const key = JSON.stringify([
    nodes.map((n) => `${n.layer}:${n.id}`),
    topo.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => e.id).sort(),
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const order = await orderInBand(nodes, topo, elk);
  if (cache.size > 256) cache.clear();
  cache.set(key, order);
  return order;
}

/** The vertical order elk gives the nodes of one band (by layer partition), or id order without elk. */
async function orderInBand(nodes: GraphNode[], topo: Topology, elk: Layouter | null): Promise<Map<string, number>> {
  const order = new Map<string, number>();
  const ids = new Set(nodes.map((n) => n.id));
  if (!elk || nodes.length < 3) {
    nodes.forEach((n, i) => order.set(n.id, i));
    return order;
  }
  const graph: ElkNode = {
    id: 'band',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.spacing.nodeNode': String(ROW_GAP),
    },
    children: nodes.map((n) => ({ id: n.id, width: NODE_W, height: NODE_H, layoutOptions: { 'elk.partitioning.partition': String(n.layer) } })),
    edges: topo.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const r = await elk.layout(graph);
  const ys = (r.children ?? []).map((c) => ({ id: c.id, y: c.y ?? 0 }));
  ys.sort((a, b) => a.y - b.y || (a.id < b.id ? -1 : 1));
  ys.forEach((c, i) => order.set(c.id, i));
  return order;
}
