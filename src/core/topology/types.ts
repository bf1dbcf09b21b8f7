import type { Cite } from '../diagnostics/diagnostic';

/** Kinds drawn as graph nodes (their `data-kind`). */
export type GraphKind =
  | 'Client'
  | 'Node'
  | 'IngressClass'
  | 'Ingress'
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'UDPRoute'
  | 'Service'
  | 'EndpointSlice'
  | 'Pod'
  | 'Namespace'
  | 'External';

/** The column a node sits in, left to right (clients → entry → routes → Services → slices → pods). */
export type GraphLayer = 0 | 1 | 2 | 3 | 4 | 5;

export interface GraphNode {
  /** The node's `data-object`: `Kind/namespace/name` or `Kind/name`; always starts with `kind`. */
  id: string;
  kind: GraphKind;
  label: string;
  /** Second line (IP, ports, replicas...). */
  detail?: string;
  /** The namespace group it is drawn in ('' for cluster-scoped and clients). */
  namespace: string;
  layer: GraphLayer;
  /** Health badge: `ok`, `warning` (e.g. a Service with no ready endpoint), `error`. */
  status: 'ok' | 'warning' | 'error';
  /** The YAML that declares it (for generated objects, the workload or controller that made it). */
  cite?: Cite;
  /** A system object (kube-system, controller pods): hidden unless the user asks. */
  system?: boolean;
  /** Pods only: the NetworkPolicies that select the pod and so isolate it, per direction (NP-2). */
  isolation?: { ingress: string[]; egress: string[] };
}

export type Verdict = 'allowed' | 'blocked' | 'unknown';

export interface GraphEdge {
  id: string;
  /** `data-from` / `data-to`: ids of drawn nodes, pointing the way traffic flows. */
  from: string;
  to: string;
  verdict: Verdict;
  /** What the edge is: a route to a backend, a Service's slice, a slice's endpoint, an inferred call... */
  relation: 'entry' | 'route' | 'backend' | 'slice' | 'endpoint' | 'call' | 'member';
  label?: string;
  /**
   * Backend edges only, when a rule splits its requests by weight: the share this backend gets, as the graph
   * writes it on the edge (`text`: `90%`), and the sentence that says whose share it is (`why`).
   */
  share?: { text: string; why: string };
  /** One sentence: why this verdict. */
  reason: string;
  /** The YAML responsible (policy rules, route rules, env var that revealed the call...). */
  cites: Cite[];
}

/** What the graph shows, computed in core from a Simulation; positions are the layout's business. */
export interface Topology {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * A node's detail as the graph draws it: two lines, split at the first ` · ` (`10.96.0.10` / `53/UDP, 53/TCP`),
 * so that a column is as wide as its names rather than its details. The layout and the page both use it.
 */
export function detailLines(detail: string | undefined): string[] {
  if (!detail) return [];
  const i = detail.indexOf(' · ');
  return i < 0 ? [detail] : [detail.slice(0, i), detail.slice(i + 3)];
}

/** A policy verdict on an edge, with why and the YAML that decided it. */
export interface Judged {
  verdict: Verdict;
  reason: string;
  cites: Cite[];
}
