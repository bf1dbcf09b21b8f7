import { citeOf } from '../manifest/reader';
import type { GraphEdge, GraphNode } from './types';
import type { Verdicts } from './cache';

/** What the caller may ask of the graph (the page's settings). */
export interface TopologyOptions {
  /** Draw system objects (kube-system, the API server's Service, controller and gateway pods) too. */
  showSystem?: boolean;
  /** Leave out the policy verdicts of entry and east-west edges (faster; the graph then shows structure only). */
  skipPolicy?: boolean;
}

export { INTERNET } from '../model/peer';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** True for objects the cluster made for itself, which the graph hides unless asked. */
export function isSystem(o: { namespace: string; name: string; kind: string; system?: boolean }): boolean {
  if (o.system || SYSTEM_NAMESPACES.has(o.namespace)) return true;
  // The `kubernetes` Service in `default` fronts the API server (§0), not the user's apps.
  return o.namespace === 'default' && (o.name === 'kubernetes' || o.name.startsWith('kubernetes-')) && (o.kind === 'Service' || o.kind === 'EndpointSlice');
}

/** The graph under construction: nodes and edges by id, so each layer adds without duplicates. */
export interface Builder {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  opts: TopologyOptions;
  /** Call verdicts kept from earlier graphs (the worker's); absent: every call is judged. */
  verdicts?: Verdicts;
}

export function shown(g: Builder, o: { namespace: string; name: string; kind: string; system?: boolean }): boolean {
  return g.opts.showSystem === true || !isSystem(o);
}

export function addNode(g: Builder, n: GraphNode): void {
  if (!g.nodes.has(n.id)) g.nodes.set(n.id, n);
}

/** Add an edge between two drawn nodes (both ends are nodes); edges to hidden nodes are dropped. */
export function addEdge(g: Builder, e: Omit<GraphEdge, 'id'>): void {
  if (!g.nodes.has(e.from) || !g.nodes.has(e.to)) return;
  const id = `${e.from}->${e.to}`;
  if (!g.edges.has(id)) g.edges.set(id, { id, ...e });
}

export { citeOf };
