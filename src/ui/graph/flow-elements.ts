/**
 * The React Flow nodes and edges for a reply. Each keeps its identity across replies when nothing it draws
 * changed, so React Flow re-renders only what an edit touched (a reply is a fresh copy: every object is new).
 */
import { MarkerType, Position, type Edge, type EdgeMarker, type Node, type NodeHandle } from '@xyflow/react';
import { columnRoute } from '../../core/index';
import type { SimulatedReply } from '../../worker/protocol';
import type { Selection } from '../store';
import { VERDICT_STYLE, type VerdictFlowEdge } from './edges';
import type { GroupFlowNode, ObjectFlowNode } from './nodes';
import { absoluteBoxes } from './Overview';
import type { TraceOverlay } from './trace-overlay';

/** Data attributes on a node's or an edge's DOM element (browser tests and embedders read them): React Flow spreads `domAttributes` there. */
type DataAttrs = Record<`data-${string}`, string>;

/**
 * Where edges attach: the middle of the left side (in) and of the right side (out). Given, not measured from
 * the DOM: a node replaced by a new object (selected, deselected) then keeps its edges in place, where
 * measuring again dropped them for a frame (and a focused edge lost its focus), and 700 nodes need no
 * measuring at all.
 */
function handlesOf(w: number, h: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Left, x: 0, y: h / 2 - 0.5, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: w - 1, y: h / 2 - 0.5, width: 1, height: 1 },
  ];
}

/**
 * An edge's arrowhead, in the colour of how it is drawn (the theme's variables, as the line). In user space,
 * so a thick line (a trace) keeps a normal-sized head: React Flow's default scales it with the stroke.
 */
function arrow(look: 'allowed' | 'blocked' | 'unknown'): EdgeMarker {
  return { type: MarkerType.ArrowClosed, width: 30, height: 30, markerUnits: 'userSpaceOnUse', color: VERDICT_STYLE[look].stroke };
}

/** What the last call built, by id with what it drew from, and the arrays it returned. */
export interface Kept {
  nodes: Map<string, [string, Node]>;
  edges: Map<string, [string, Edge]>;
  all: { nodes: Node[]; edges: Edge[] };
}

export const nothingKept = (): Kept => ({ nodes: new Map(), edges: new Map(), all: { nodes: [], edges: [] } });

type Drawn = Pick<SimulatedReply, 'topology' | 'layout' | 'routes'>;

export function flowElements(reply: Drawn, selection: Selection, overlay: TraceOverlay | null, kept: { current: Kept }): { nodes: Node[]; edges: Edge[] } {
  const prev = kept.current;
  const nextNodes = new Map<string, [string, Node]>();
  const nextEdges = new Map<string, [string, Edge]>();
  const keepNode = (id: string, sig: string, make: () => Node): Node => {
    const old = prev.nodes.get(id);
    const node = old && old[0] === sig ? old[1] : make();
    nextNodes.set(id, [sig, node]);
    return node;
  };
  const groups: Node[] = [];
  const counts = new Map<string, number>();
  for (const n of reply.topology.nodes) if (n.namespace) counts.set(n.namespace, (counts.get(n.namespace) ?? 0) + 1);
  for (const [ns, count] of [...counts].sort()) {
    const id = `Namespace/${ns}`;
    const p = reply.layout[id];
    if (!p) continue;
    const selected = selection?.type === 'node' && selection.id === id;
    groups.push(
      keepNode(id, `${count}|${p.x},${p.y},${p.width},${p.height}|${selected}`, (): GroupFlowNode => ({
        id,
        type: 'namespace',
        position: { x: p.x, y: p.y },
        data: { namespace: ns, count },
        style: { width: p.width, height: p.height },
        width: p.width,
        height: p.height,
        selectable: true,
        focusable: false,
        draggable: false,
        zIndex: -1,
        selected,
        domAttributes: { 'data-kind': 'Namespace', 'data-object': id } as DataAttrs,
        ariaLabel: `Namespace ${ns}`,
      })),
    );
  }
  const objects = reply.topology.nodes.map((n) => {
    const p = reply.layout[n.id] ?? { x: 0, y: 0, width: 200, height: 56 };
    const selected = selection?.type === 'node' && selection.id === n.id;
    const mark = overlay?.nodes.get(n.id);
    const isSource = overlay?.source === n.id;
    const dim = overlay !== null && !mark;
    const sig = `${n.kind}|${n.label}|${n.detail ?? ''}|${n.status}|${n.isolation ? JSON.stringify(n.isolation) : ''}|${p.x},${p.y},${p.width},${p.height},${p.parent ?? ''}|${selected}|${mark ?? ''}|${isSource}|${dim}`;
    return keepNode(n.id, sig, (): ObjectFlowNode => ({
      id: n.id,
      type: 'object',
      position: { x: p.x, y: p.y },
      ...(p.parent ? { parentId: p.parent, extent: 'parent' as const } : {}),
      data: { node: n, ...(mark ? { trace: mark } : {}), ...(isSource ? { source: true } : {}), ...(dim ? { dim } : {}) },
      width: p.width,
      height: p.height,
      handles: handlesOf(p.width, p.height),
      draggable: false,
      selected,
      domAttributes: {
        'data-kind': n.kind,
        'data-object': n.id,
        'data-status': n.status,
        ...(mark ? { 'data-trace': mark } : {}),
        ...(isSource ? { 'data-trace-source': 'true' } : {}),
      } as DataAttrs,
      ariaLabel: `${n.kind} ${n.label}`,
    }));
  });
  const flowEdges = reply.topology.edges.map((e) => {
    const selected = selection?.type === 'edge' && selection.id === e.id;
    const mark = overlay?.edges.get(e.id);
    const dim = overlay !== null && !mark;
    const sp = reply.layout[e.from];
    const tp = reply.layout[e.to];
    const route = reply.routes[e.id];
    const size = {
      source: [sp?.width ?? 200, sp?.height ?? 56] as [number, number],
      target: [tp?.width ?? 200, tp?.height ?? 56] as [number, number],
    };
    const sig = `${e.from}|${e.to}|${e.verdict}|${e.relation}|${e.reason}|${selected}|${mark ?? ''}|${dim}|${size.source.join()}|${size.target.join()}|${route ? route.join(' ') : ''}`;
    const old = prev.edges.get(e.id);
    const edge: Edge =
      old && old[0] === sig
        ? old[1]
        : {
            id: e.id,
            source: e.from,
            target: e.to,
            type: 'verdict',
            data: { edge: e, size, ...(route ? { route } : {}), ...(mark ? { trace: mark } : {}), ...(dim ? { dim } : {}) },
            selected,
            markerEnd: arrow(mark ? (mark === 'ok' ? 'allowed' : 'blocked') : e.verdict),
            domAttributes: {
              'data-verdict': e.verdict,
              'data-from': e.from,
              'data-to': e.to,
              'data-relation': e.relation,
              // Out of the tab order (Tab visits the nodes), reached from a node with the arrow keys (graph-keys.ts).
              tabIndex: -1,
              ...(mark ? { 'data-trace': mark } : {}),
            } as DataAttrs,
            ariaLabel: `${e.verdict} ${e.relation} from ${e.from} to ${e.to}`,
          } satisfies VerdictFlowEdge;
    nextEdges.set(e.id, [sig, edge]);
    return edge;
  });
  // Where the graph draws no edge between two steps of a trace, a trace-only edge joins them. Between two
  // nodes of one column (a pod dialling a pod) it is routed as the layout routes such edges, beside the
  // column, not across the nodes between them.
  const boxes = overlay?.extra.length ? absoluteBoxes(reply.layout) : null;
  for (const x of overlay?.extra ?? []) {
    const sp = reply.layout[x.from];
    const tp = reply.layout[x.to];
    const verdict = x.mark === 'ok' ? 'allowed' : 'blocked';
    const a = boxes?.get(x.from);
    const b = boxes?.get(x.to);
    const column = a && b && a.x === b.x ? [...boxes!].filter(([id, o]) => !id.startsWith('Namespace/') && o.x === a.x).map(([, o]) => o) : null;
    const route = column && a && b ? columnRoute(a, b, column) : undefined;
    flowEdges.push({
      id: x.id,
      source: x.from,
      target: x.to,
      type: 'verdict',
      selectable: false,
      focusable: false,
      data: {
        edge: {
          id: x.id,
          from: x.from,
          to: x.to,
          verdict,
          relation: 'call',
          reason: 'The path of the trace (the manifests reveal no such call).',
          cites: [],
        },
        size: { source: [sp?.width ?? 200, sp?.height ?? 56], target: [tp?.width ?? 200, tp?.height ?? 56] },
        ...(route ? { route } : {}),
        trace: x.mark,
      },
      markerEnd: arrow(verdict),
      domAttributes: {
        'data-verdict': verdict,
        'data-from': x.from,
        'data-to': x.to,
        'data-relation': 'trace',
        'data-trace': x.mark,
      } as DataAttrs,
      ariaLabel: `trace step from ${x.from} to ${x.to}: ${x.mark}`,
    } satisfies VerdictFlowEdge);
  }
  const all = [...groups, ...objects];
  // Same objects in the same order: hand React Flow the very same array (nodes and edges each on their own:
  // React Flow tells every node and edge on the canvas about a new array, tens of ms at 700 nodes).
  const same = <T>(next: T[], before: T[]) => next.length === before.length && next.every((x, i) => x === before[i]);
  const nodes = same(all, prev.all.nodes) ? prev.all.nodes : all;
  const edges = same(flowEdges, prev.all.edges) ? prev.all.edges : flowEdges;
  const out = nodes === prev.all.nodes && edges === prev.all.edges ? prev.all : { nodes, edges };
  kept.current = { nodes: nextNodes, edges: nextEdges, all: out };
  return out;
}
