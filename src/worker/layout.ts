/**
 * Graph layout, run in the worker: columns by GraphNode.layer (left → right), each as wide as its names
 * need (within bounds); namespaces as stacked boxes that span only their own columns; inside each box an
 * order and heights that keep edges short and uncrossed (order.ts). Cluster-scoped nodes sit beside the
 * boxes, level with what they connect to, not in a band of their own: the internet client at the top of the
 * first column (it needs no column of its own), IngressClasses level with their Ingresses. Edges that do not
 * simply run to the next column get a route through the gaps between columns (routes.ts).
 * Inputs are sorted by id so that the same graph always gets the same picture, and a small edit moves only
 * the nodes of the namespace it touches, unless it widens a column (widths go in steps, so typing a name
 * does not shift the graph at every key).
 */
import { detailLines, type GraphEdge, type GraphNode, type Topology } from '../core/index';
import { layoutBand } from './order';
import type { Placement } from './protocol';
import { routeEdges, type Box, type Column, type Point } from './routes';

export const NODE_H = 64;
/** Room between columns: curves, arrowheads, and the lanes that routed edges take. */
export const COL_GAP = 44;
const ROW_GAP = 16;
const PITCH = NODE_H + ROW_GAP;
const GROUP_PAD = { top: 30, left: 14, bottom: 14, right: 14 };
const BAND_GAP = 26;
/** What a node spends besides its text: padding, border, the kind badge and a gap (styles.css `.obj`). */
export const NODE_CHROME = 58;
const MIN_W = 128;
/** Widths go in steps of this much. */
const WIDTH_STEP = 16;
/** Longer names are cut in the middle (their ends tell replicas apart) and shown whole on hover and focus. */
const MAX_W = 240;
/** A detail line (IP, ports, readiness) widens its column by this much at most; it is cut instead. */
const DETAIL_MAX = 150;
/** Kinds whose detail line never widens a column (the internet's "any client outside the cluster"). */
const TERSE = new Set(['Client', 'IngressClass']);

export function groupId(ns: string): string {
  return `Namespace/${ns}`;
}

/**
 * An estimate of a text's width in CSS pixels in the page's sans-serif font (the worker has no fonts to
 * measure with), on the generous side; the node cuts what does not fit (fit-text.ts).
 */
export function textWidth(s: string, px: number, bold: boolean): number {
  let em = 0;
  for (const ch of s) em += /[ilj.,:;'|!·]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.6;
  return em * px * (bold ? 1.15 : 1);
}

/** How wide a node wants to be to show its name whole (and most of its detail line), within bounds. */
export function nodeWidth(n: Pick<GraphNode, 'kind' | 'label' | 'detail'>): number {
  const lines = detailLines(n.detail);
  const detail = TERSE.has(n.kind) ? 0 : Math.min(DETAIL_MAX, Math.max(0, ...lines.map((l) => textWidth(l, 11.5, false))));
  const want = Math.max(textWidth(n.label, 14, true), detail) + NODE_CHROME;
  return Math.min(MAX_W, Math.max(MIN_W, Math.ceil(want / WIDTH_STEP) * WIDTH_STEP));
}

export interface Layout {
  /** Node id (and `Namespace/<ns>` for groups) → placement; a child's position is relative to its group. */
  placements: Record<string, Placement>;
  /** Edge id → the points of its route (flow coordinates), for edges that do not run to the next column. */
  routes: Record<string, Point[]>;
}

/**
 * All the layout reads of a graph, and so (the type checker holds it to that) all a picture depends on: the
 * worker keeps the last picture with this input and reuses it while the input stays the same.
 */
export interface LayoutInput {
  /** A node's name and detail line matter only through the width they ask for (`nodeWidth`, in steps). */
  nodes: (Pick<GraphNode, 'id' | 'kind' | 'namespace' | 'layer'> & { width: number })[];
  edges: Pick<GraphEdge, 'id' | 'from' | 'to'>[];
}

type LayoutNode = LayoutInput['nodes'][number];

/** The layout's input taken out of a graph (a new object each time; nothing else of the graph). */
export function layoutInput(topo: Topology): LayoutInput {
  return {
    nodes: topo.nodes.map((n) => ({ id: n.id, kind: n.kind, namespace: n.namespace, layer: n.layer, width: nodeWidth(n) })),
    edges: topo.edges.map(({ id, from, to }) => ({ id, from, to })),
  };
}

/** The last picture made and the input it was made from (as JSON), kept by the worker between edits. */
export interface LayoutCache {
  input?: string;
  layout?: Layout;
}

/**
 * The picture of a graph, reused from `cache` when the layout's whole input is what it was (an edit of a
 * comment, a policy's labels, a verdict, a detail line within its width step): the same input gives the same
 * picture, so only the work is saved.
 */
export function layoutCached(topo: Topology, cache: LayoutCache): Layout {
  const input = layoutInput(topo);
  const key = JSON.stringify(input);
  if (cache.layout && cache.input === key) return cache.layout;
  const layout = layoutTopology(input);
  cache.input = key;
  cache.layout = layout;
  return layout;
}

/** The column each node goes in: its layer's, except the internet client, which tops the first column. */
function columnsOf(topo: LayoutInput): { colOf: Map<string, number>; layers: number[] } {
  const layers = [...new Set(topo.nodes.filter((n) => n.kind !== 'Client').map((n) => n.layer))].sort((a, b) => a - b);
  if (layers.length === 0) layers.push(0);
  const index = new Map(layers.map((l, i) => [l, i]));
  const colOf = new Map(topo.nodes.map((n) => [n.id, n.kind === 'Client' ? 0 : index.get(n.layer)!]));
  return { colOf, layers };
}

export function layoutTopology(topo: LayoutInput): Layout {
  const out: Record<string, Placement> = {};
  const { colOf, layers } = columnsOf(topo);
  const cols: Column[] = layers.map(() => ({ x: 0, w: MIN_W }));
  for (const n of topo.nodes) cols[colOf.get(n.id)!]!.w = Math.max(cols[colOf.get(n.id)!]!.w, n.width);
  let x = GROUP_PAD.left;
  for (const c of cols) {
    c.x = x;
    x += c.w + COL_GAP;
  }
  const byId = (a: LayoutNode, b: LayoutNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const clients = topo.nodes.filter((n) => n.kind === 'Client').sort(byId);
  const bands = new Map<string, LayoutNode[]>();
  for (const n of [...topo.nodes].sort(byId)) {
    if (n.kind === 'Client') continue;
    bands.set(n.namespace, [...(bands.get(n.namespace) ?? []), n]);
  }

  // The clients first, at the top of the first column; boxes that span that column start below them.
  clients.forEach((n, i) => (out[n.id] = { x: cols[0]!.x, y: i * PITCH, width: cols[0]!.w, height: NODE_H }));
  const boxes: { box: Box; span: [number, number] }[] = [];
  let y = 0;
  for (const ns of [...bands.keys()].sort()) {
    if (ns === '') continue;
    const nodes = bands.get(ns)!;
    const ids = new Set(nodes.map((n) => n.id));
    const rows = layoutBand(
      nodes.map((n) => ({ id: n.id, layer: colOf.get(n.id)! })),
      topo.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
    );
    const lo = Math.min(...nodes.map((n) => colOf.get(n.id)!));
    const hi = Math.max(...nodes.map((n) => colOf.get(n.id)!));
    if (lo === 0 && y < clients.length * PITCH) y = clients.length * PITCH;
    const left = cols[lo]!.x - GROUP_PAD.left;
    const right = cols[hi]!.x + cols[hi]!.w + GROUP_PAD.right;
    let lowest = 0;
    for (const n of nodes) {
      const row = rows.get(n.id) ?? 0;
      lowest = Math.max(lowest, row);
      const c = cols[colOf.get(n.id)!]!;
      out[n.id] = { x: c.x - left, y: GROUP_PAD.top + row * PITCH, width: c.w, height: NODE_H, parent: groupId(ns) };
    }
    const box = { x: left, y, width: right - left, height: GROUP_PAD.top + lowest * PITCH + NODE_H + GROUP_PAD.bottom };
    out[groupId(ns)] = box;
    boxes.push({ box, span: [lo, hi] });
    y += box.height + BAND_GAP;
  }
  placeClusterNodes(topo, bands.get('') ?? [], clients.length, out, boxes, cols, colOf);

  const abs = new Map<string, Box>();
  for (const n of topo.nodes) {
    const p = out[n.id]!;
    const parent = p.parent ? out[p.parent] : undefined;
    abs.set(n.id, { x: p.x + (parent?.x ?? 0), y: p.y + (parent?.y ?? 0), width: p.width, height: p.height });
  }
  return { placements: out, routes: routeEdges(topo.edges, abs, colOf, cols, COL_GAP) };
}

/**
 * Cluster-scoped nodes, right to left (an IngressClass before a client that reaches it): each as near as it
 * can get to the mean height of the nodes it connects to, below its column's previous node (and the clients
 * topping the first column), outside every namespace box that spans its column.
 */
function placeClusterNodes(
  topo: LayoutInput,
  nodes: LayoutNode[],
  clients: number,
  out: Record<string, Placement>,
  boxes: { box: Box; span: [number, number] }[],
  cols: Column[],
  colOf: Map<string, number>,
): void {
  const centre = (id: string): number | undefined => {
    const p = out[id];
    if (!p) return undefined;
    const parent = p.parent ? out[p.parent] : undefined;
    return p.y + (parent?.y ?? 0) + p.height / 2;
  };
  const byCol = new Map<number, LayoutNode[]>();
  for (const n of nodes) byCol.set(colOf.get(n.id)!, [...(byCol.get(colOf.get(n.id)!) ?? []), n]);
  for (const col of [...byCol.keys()].sort((a, b) => b - a)) {
    const wanted = byCol.get(col)!.map((n) => {
      const ys = topo.edges
        .flatMap((e) => (e.from === n.id ? [e.to] : e.to === n.id ? [e.from] : []))
        .filter((id) => !id.startsWith('Client/'))
        .map(centre)
        .filter((v): v is number => v !== undefined);
      return { n, y: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length - NODE_H / 2 : 0 };
    });
    wanted.sort((a, b) => a.y - b.y || (a.n.id < b.n.id ? -1 : 1));
    const blocked = boxes.filter((b) => b.span[0] <= col && col <= b.span[1]).map((b) => b.box);
    let cursor = col === 0 ? clients * PITCH : 0;
    for (const { n, y } of wanted) {
      let top = Math.max(cursor, Math.round(y));
      for (let moved = true; moved;) {
        moved = false;
        for (const b of blocked) {
          if (top < b.y + b.height + ROW_GAP && top + NODE_H + ROW_GAP > b.y) {
            top = b.y + b.height + ROW_GAP;
            moved = true;
          }
        }
      }
      out[n.id] = { x: cols[col]!.x, y: top, width: cols[col]!.w, height: NODE_H };
      cursor = top + PITCH;
    }
  }
}
