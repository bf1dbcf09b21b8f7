import type { Cite } from '../diagnostics/diagnostic';
import type { HttpRequest } from '../http';

/*
 * What routing a request through an entry point answers (the Ingress and Gateway routers write it; `knet
 * route`, trace and the exercise checker read it). Plain data, here so that no controller imports a reader.
 */

/** Where a request enters the cluster: an IngressClass's controller or a Gateway (listener). */
export type Entry = { kind: 'IngressClass'; name: string; controller?: string } | { kind: 'Gateway'; namespace: string; name: string; listener?: string };

/** A pod address behind a backend. */
export interface RouteEndpoint {
  /** `namespace/name`, when known. */
  pod?: string;
  ip: string;
  port: number;
  node?: string;
}

/** One backend of the chosen rule, as `knet route --json` prints `backends[]`, plus what explains it. */
export interface RouteBackend {
  namespace: string;
  name: string;
  /** The Service port (Ingress: resolved from number or name); null when unresolved. */
  port: number | null;
  weight: number;
  /** `Service` unless a resource/other backend. */
  kind: string;
  /** ok | no-ready-endpoints | service-missing | port-missing | unresolved | external-name | refused (Gateway) ... */
  state: string;
  /** Ready endpoints that receive the request (ingress-nginx: straight to pod IPs, ING-13). */
  endpoints: RouteEndpoint[];
  reason: string;
  /** e.g. GRPC/HTTPS from `backend-protocol`: the protocol of the hop to the pod. */
  protocol?: string;
  /** Canary or mirror role, when it is not the main backend. */
  role?: 'canary' | 'mirror';
  /** The YAML field that names this backend. */
  cite?: Cite;
}

/** The answer for one entry point (`knet route --json` results[] plus explanation fields). */
export interface EntryResult {
  entry: Entry;
  /** What the client sees: 200, 3xx redirect, 404 no match, 500 invalid backend, 503 no ready endpoint. */
  status: number;
  route: { kind: 'Ingress' | 'HTTPRoute' | 'GRPCRoute'; namespace: string; name: string; rule: number | null } | null;
  backends: RouteBackend[];
  /** The rule (or path, or defaultBackend) that decided, in the YAML. */
  cite?: Cite;
  /** How the answer was reached, in order; each sentence cites a rule id (docs/rules.md). */
  reasons: string[];
  /** Implementation-defined choices the answer depends on (controller-specific behaviour). */
  assumptions: string[];
  /** The path the backend receives (after rewrites), when it differs or is notable. */
  upstreamPath?: string;
  /** For redirects: the Location header. */
  redirect?: { status: number; location: string };
  /** Pods that send the request on to the backends (the controller/gateway pods): NetworkPolicy sees them as source. */
  proxy?: { namespace: string; pods: string[]; note: string };
}

export interface RouteResult {
  request: HttpRequest;
  results: EntryResult[];
}
