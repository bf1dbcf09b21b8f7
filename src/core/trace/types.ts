import type { Cite } from '../diagnostics/diagnostic';

export type TraceStep = 'dns' | 'entry' | 'route' | 'service' | 'endpoint' | 'policy-egress' | 'policy-ingress' | 'pod';

/** One hop of a request (as `knet trace` prints it): the object that decided, its result and a sentence why. */
export interface Hop {
  step: TraceStep;
  /** `Kind/ns/name`, or null when no object decided (an address outside the cluster). */
  object: string | null;
  result: 'ok' | 'blocked' | 'failed';
  reason: string;
  /** The YAML responsible (policy rules, route rule, Service port...). */
  cites: Cite[];
  /** Where the client is sent instead, when this hop answered with a redirect (3xx and its Location). */
  redirect?: { status: number; location: string };
  /** Other objects this hop touched (every possible endpoint, each policy...), for highlighting. */
  objects?: string[];
}

export interface TraceQuery {
  /** `ns/pod`, `ip:A.B.C.D` (a client outside the cluster) or `node:<name>`. */
  from: string;
  url: string;
  headers?: [string, string][];
  method?: string;
  /** Pin the entry point for requests from outside (`ns/name`), as `knet route --gateway`. */
  gateway?: string;
  ingressClass?: string;
}

export interface TraceResult {
  verdict: 'delivered' | 'blocked' | 'failed';
  hops: Hop[];
  /** One sentence for the whole request. */
  summary: string;
  /** Implementation-defined choices the answer depends on (§7). */
  assumptions: string[];
  /** Set when the question cannot be answered (bad URL, unknown pod); `hops` is then empty. */
  error?: string;
}
