/**
 * The worker's logic as a pure-ish function of (state, request) → reply, testable in Node without a
 * Worker. The shell (sim.worker.ts) only moves messages in and out.
 */
import { buildTopology, toCompared, createSimCache, createTopologyCache, diff, documentStarts, matrixPorts, prepareQuery, QUERY_NAMES, simulate, type DeepPartial, type GraphEdge, type SimCache, type SimOptions, type Simulation, type TopologyCache } from '../core/index';
import { layoutCached, type LayoutCache } from './layout';
import type { AnswerReply, CitesReply, CitesRequest, ComparedReply, QueryRequest, Request, SimulateRequest, SimulatedDeltaReply, SimulatedReply, WorkerReply } from './protocol';

export interface WorkerState {
  sim: Simulation | null;
  /** The options the latest simulation ran with (a query that implies others simulates again with both). */
  options: DeepPartial<SimOptions>;
  /** Parsed YAML documents from the last run, so an edit re-parses only what it changed. */
  simCache: SimCache;
  /** Call verdicts of the last graph, so an edit re-judges only the calls it can have changed. */
  topologyCache: TopologyCache;
  /** The last picture and its input: an edit that changes nothing the layout reads reuses it. */
  layoutCache: LayoutCache;
  /** A monotonic clock for timings (performance.now in the worker); absent in tests. */
  now?: () => number;
  /** The latest graph's edges by id, with their cites' ranges (a reply carries cites without them). */
  edges?: Map<string, GraphEdge>;
  /** The last simulation reply sent, as replies are compared: the next one is sent as the changes from it. */
  sent?: ComparedReply;
}

export function createState(now?: () => number): WorkerState {
  const base = { sim: null, options: {}, simCache: createSimCache(), topologyCache: createTopologyCache(), layoutCache: {} };
  return now ? { ...base, now } : base;
}

/** The file name the page's single editor buffer is simulated under (diagnostics carry `file: 0`). */
export const EDITOR_FILE = 'playground.yaml';

export function handle(state: WorkerState, msg: Request): WorkerReply {
  if (msg.type === 'simulate') {
    try {
      return sendChanges(state, msg, runSimulation(state, msg));
    } catch (e) {
      return { type: 'failed', rev: msg.rev, error: e instanceof Error ? `${e.message}` : String(e) };
    }
  }
  if (msg.type === 'cites') return cites(state, msg);
  return answer(state, msg);
}

function cites(state: WorkerState, msg: CitesRequest): CitesReply {
  return { type: 'cites', id: msg.id, cites: state.edges?.get(msg.edge)?.cites ?? null };
}

function runSimulation(state: WorkerState, msg: SimulateRequest): SimulatedReply {
  const now = state.now ?? (() => 0);
  const t0 = now();
  const sim = simulate([{ name: EDITOR_FILE, text: msg.text }], msg.options, state.simCache);
  state.sim = sim;
  state.options = msg.options;
  const topology = buildTopology(sim, { showSystem: msg.showSystem === true }, state.topologyCache);
  const t1 = now();
  const { placements: layout, routes } = layoutCached(topology, state.layoutCache);
  const t2 = now();
  state.edges = new Map(topology.edges.map((e) => [e.id, e]));
  const w = sim.world;
  const all = [
    ...w.namespaces.filter((n) => !n.implicit),
    ...w.workloads,
    ...w.pods.filter((p) => !p.ownerId),
    ...w.services,
    ...w.endpointSlices.filter((e) => !e.generated),
    ...w.ingressClasses.filter((c) => !c.implicit),
    ...w.ingresses,
    ...w.gatewayClasses,
    ...w.gateways,
    ...w.httpRoutes,
    ...w.grpcRoutes,
    ...w.tlsRoutes,
    ...w.tcpRoutes,
    ...w.udpRoutes,
    ...w.referenceGrants,
    ...w.networkPolicies,
    ...w.adminNetworkPolicies,
  ];
  const objects = all
    .filter((o) => o.source.file === 0 && o.source.range.end > o.source.range.start)
    .map((o) => ({ id: o.id, file: o.source.file, start: o.source.range.start, end: o.source.range.end }));
  return {
    type: 'simulated',
    rev: msg.rev,
    diagnostics: sim.diagnostics,
    // Cites go without their ranges (asked for when someone looks): a line added inside a policy then
    // changes no edge it decides. Nodes keep theirs: the editor finds the node under the cursor by them.
    topology: { nodes: topology.nodes, edges: topology.edges.map((e) => ({ ...e, cites: e.cites.map(({ range: _, ...ref }) => ref) })) },
    layout,
    routes,
    summary: {
      objects: objects.length,
      pods: topology.nodes.filter((n) => n.kind === 'Pod').length,
      services: topology.nodes.filter((n) => n.kind === 'Service').length,
      errors: sim.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: sim.diagnostics.filter((d) => d.severity === 'warning').length,
    },
    objects,
    pods: w.pods.map((p) => p.id),
    services: w.services.map((s) => s.id),
    hosts: [
      ...new Set([
        ...w.ingresses.flatMap((i) => i.rules.flatMap((r) => (r.host ? [r.host] : []))),
        ...w.httpRoutes.flatMap((r) => r.hostnames),
        ...w.grpcRoutes.flatMap((r) => r.hostnames),
        ...w.tlsRoutes.flatMap((r) => r.hostnames),
      ]),
    ],
    matrixPorts: matrixPorts(w),
    queries: [...QUERY_NAMES].sort(),
    timings: { simulate: t1 - t0, layout: t2 - t1 },
    documents: documentStarts(msg.text),
  };
}

/**
 * The reply as the changes since the last one sent (issue 15: a one-field edit at 382 objects was a 1.6 MB
 * structured clone; the changes are kilobytes). Ranges are compared counted from their document's start, so
 * a line added above a document does not change the places inside it. The first reply, and any the page asks
 * to have whole, goes whole.
 */
function sendChanges(state: WorkerState, msg: SimulateRequest, reply: SimulatedReply): SimulatedReply | SimulatedDeltaReply {
  const prev = state.sent;
  // The same placements object is the same picture from the layout cache: same routes, edge ends and
  // placements, so the same anchored routes (and nothing to compare in them).
  const compared = toCompared(reply, prev && prev.layout === reply.layout ? prev.routes : undefined);
  state.sent = compared;
  if (!prev || msg.full) return reply;
  return { type: 'simulated-delta', rev: reply.rev, base: prev.rev, patch: diff(prev, compared) ?? { o: {} } };
}

/**
 * A question about the latest simulation, through the core's query map: the answer is the CLI's `--json`
 * document for the same question. Arguments that imply other simulation options (`ipblock-ignores-pods`)
 * are answered from a simulation with them, as `knet` would run one.
 */
function answer(state: WorkerState, msg: QueryRequest): AnswerReply {
  const prepared = prepareQuery(msg.query, msg.args);
  if (!prepared.ok) return { type: 'answer', id: msg.id, ok: false, kind: 'usage', error: prepared.error };
  if (!state.sim) return { type: 'answer', id: msg.id, ok: false, kind: 'input', error: 'Nothing has been simulated yet.' };
  try {
    const extra = prepared.query.options;
    const sim = Object.keys(extra).length ? simulate(state.sim.files, merge(state.options, extra)) : state.sim;
    const r = prepared.query.run(sim);
    if (!r.ok) return { type: 'answer', id: msg.id, ok: false, kind: r.kind, error: r.error };
    // The document as JSON carries it (fields left undefined are dropped, as the CLI prints it).
    const result: unknown = JSON.parse(JSON.stringify(r.result));
    return { type: 'answer', id: msg.id, ok: true, query: msg.query, result } as AnswerReply;
  } catch (e) {
    return { type: 'answer', id: msg.id, ok: false, kind: 'input', error: `The simulator failed answering ${msg.query} (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** Options section by section, the query's winning (`{policy: {...}}` over the page's settings). */
function merge(base: DeepPartial<SimOptions>, extra: DeepPartial<SimOptions>): DeepPartial<SimOptions> {
  const out: Record<string, object | undefined> = { ...base };
  for (const [k, v] of Object.entries(extra)) out[k] = { ...out[k], ...v };
  return out;
}
