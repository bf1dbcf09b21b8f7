/**
 * A trace drawn on the graph, truthfully: which nodes and edges the request passed
 * (`ok`), where it stopped (`blocked` or `failed`), and its source. Pure: topology + trace in, marks out.
 *
 * The request's path is a chain of stages: the source, then the objects of the hops that the graph draws
 * (entry point, route, Service, EndpointSlice), then the pods it reaches. Edges between two consecutive
 * stages are the path's edges. Where the graph has no edge between two stages (a pod that calls a Service
 * the manifests do not reveal, a pod IP dialled directly), a trace-only edge joins them so the path reads
 * without gaps. A policy verdict is about the connection to the destination pods (after DNAT), so a policy
 * that blocks marks the last step, into those pods.
 */
import { INTERNET, parsePeer, peerObject, type TraceDocument } from '../../core/index';
import type { ShownTopology } from '../../worker/protocol';

export type TraceMark = 'ok' | 'blocked' | 'failed';

export interface TraceOverlay {
  /** The drawn node the request left from (none for a node's host network, say). */
  source: string | null;
  nodes: Map<string, TraceMark>;
  /** Drawn edges on the path, by edge id. */
  edges: Map<string, TraceMark>;
  /** Trace-only edges where the graph draws none between two stages of the path. */
  extra: { id: string; from: string; to: string; mark: TraceMark }[];
  /** The nodes of the path's last stage: where the request arrived, or stopped. */
  end: string[];
}

/**
 * The graph node a trace source stands for, through the core's one peer notation: a pod is its node, and any
 * address outside the cluster is the internet client (the graph draws one node for every outside client).
 */
export function traceSourceNode(from: string): string | null {
  const p = parsePeer(from);
  if ('error' in p) return null;
  return p.kind === 'ip' ? INTERNET : peerObject(p);
}

const STAGE_STEPS = new Set(['entry', 'route', 'service']);

export function traceOverlay(topo: ShownTopology, from: string, r: TraceDocument): TraceOverlay {
  const drawn = new Set(topo.nodes.map((n) => n.id));
  const out: TraceOverlay = { source: null, nodes: new Map(), edges: new Map(), extra: [], end: [] };
  const stages: string[][] = [];
  const src = traceSourceNode(from);
  if (src && drawn.has(src)) {
    out.source = src;
    stages.push([src]);
  }
  let dest: string[] = [];
  /** Where the request stopped: on the nodes of a stage, or on the way into the destination pods. */
  let stop: { mark: TraceMark; into: boolean } | null = null;

  for (const hop of r.hops) {
    const ids = unique([hop.object, ...(hop.objects ?? [])].filter((x): x is string => !!x && drawn.has(x)));
    const bad = hop.result !== 'ok' ? hop.result : null;
    if (STAGE_STEPS.has(hop.step) || (hop.step === 'endpoint' && ids.some((id) => !id.startsWith('Pod/')))) {
      const stage = ids.filter((id) => !id.startsWith('Pod/'));
      if (stage.length) stages.push(stage);
      if (hop.step === 'endpoint') dest = ids.filter((id) => id.startsWith('Pod/'));
    } else if (hop.step === 'endpoint' || hop.step === 'pod') {
      if (ids.length) dest = ids;
    }
    if (!bad) continue;
    // A policy verdict or a failed delivery (nothing listens) stops on the way into the pods; anything else
    // stops at the last stage reached: the object that decided, or the source when a lookup fails.
    const policy = hop.step === 'policy-egress' || hop.step === 'policy-ingress';
    stop = { mark: bad, into: (policy || hop.step === 'pod') && dest.length > 0 };
    break;
  }
  if (dest.length && (stop === null || stop.into)) stages.push(dest);
  const path = bridged(topo, stages);

  const last = path.length - 1;
  out.end = path[last] ?? [];
  path.forEach((stage, i) => {
    const stopped = stop && i === last;
    for (const id of stage) out.nodes.set(id, stopped ? stop!.mark : 'ok');
  });
  for (let i = 0; i < last; i++) {
    const a = new Set(path[i]);
    const b = new Set(path[i + 1]);
    const mark: TraceMark = stop && stop.into && i + 1 === last ? stop.mark : 'ok';
    const joined = topo.edges.filter((e) => a.has(e.from) && b.has(e.to));
    for (const e of joined) out.edges.set(e.id, mark);
    if (joined.length === 0) {
      const fromId = path[i]![path[i]!.length - 1]!;
      for (const to of path[i + 1]!) out.extra.push({ id: `trace:${fromId}->${to}`, from: fromId, to, mark });
    }
  }
  return out;
}

/**
 * Consecutive stages that the graph joins only through one node in between get that node as a stage of their
 * own: an Ingress controller reads the EndpointSlice and connects to the pods, and the graph draws
 * Service → EndpointSlice → pod.
 */
function bridged(topo: ShownTopology, stages: string[][]): string[][] {
  const out: string[][] = [];
  stages.forEach((stage, i) => {
    const prev = i > 0 ? new Set(stages[i - 1]) : null;
    const next = new Set(stage);
    if (prev && !topo.edges.some((e) => prev.has(e.from) && next.has(e.to))) {
      const firsts = new Set(topo.edges.filter((e) => prev.has(e.from)).map((e) => e.to));
      const middle = unique(topo.edges.filter((e) => firsts.has(e.from) && next.has(e.to)).map((e) => e.from));
      if (middle.length) out.push(middle);
    }
    out.push(stage);
  });
  return out;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
