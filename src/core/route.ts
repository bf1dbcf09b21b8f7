import type { Cite } from './diagnostics/diagnostic';
import type { HttpRequest } from './http';
import type { Simulation } from './simulate';
import { routeIngressClass } from './controllers/ingress/index';
import { routeGateways, routeMesh } from './controllers/gateway/index';
import { findPod, resolve } from './controllers/coredns/index';
import { lookupServiceAddress } from './controllers/kube-proxy/index';
import { canonicalIP, parseIP } from './net/ip';

/** Where a request enters the cluster: an IngressClass's controller or a Gateway (listener). */
export type Entry =
  | { kind: 'IngressClass'; name: string; controller?: string }
  | { kind: 'Gateway'; namespace: string; name: string; listener?: string }
  /** GW-19: a request from a pod to a Service that mesh (GAMMA) routes are attached to. */
  | { kind: 'Service'; namespace: string; name: string; port: number };

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
  /** What this backend receives when its own filters change the request (GW-18). */
  upstream?: Upstream;
  reason: string;
  /** e.g. GRPC/HTTPS from `backend-protocol`: the protocol of the hop to the pod. */
  protocol?: string;
  /** Canary, mirror or default-backend role, when it is not the main backend. */
  role?: 'canary' | 'mirror' | 'default-backend';
  /** The YAML field that names this backend. */
  cite?: Cite;
}

/** The request as the backend receives it: after rewrites, redirects excluded, header filters applied. */
export interface Upstream {
  /** The Host header the backend sees. */
  host: string;
  /** Path and query string the backend receives. */
  path: string;
  /** Request headers, names lowercased (repeats joined with ", "). */
  headers: Record<string, string>;
}

/** The answer for one entry point (`knet route --json` results[] plus explanation fields). */
export interface EntryResult {
  entry: Entry;
  /**
   * What the client sees: 200, 3xx redirect, 404 no match, 421 misdirected, 500 invalid backend, 503 no ready
   * endpoint; 0 when no HTTP answer comes back at all (curl's `000`): then `connection` says why.
   */
  status: number;
  /** How the connection itself went: `refused` (nothing listens, or no valid backend), `reset` (handshake fails), `established`. */
  connection?: 'established' | 'refused' | 'reset';
  route: { kind: 'Ingress' | 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute'; namespace: string; name: string; rule: number | null } | null;
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
  /** When the request is forwarded: what the backend receives (`knet route --json` `upstream`). */
  upstream?: Upstream;
  /** Pods that send the request on to the backends (the controller/gateway pods): NetworkPolicy sees them as source. */
  proxy?: { namespace: string; pods: string[]; note: string };
}

export interface RouteResult {
  request: HttpRequest;
  results: EntryResult[];
  /** Set when the question cannot be answered (`from` names no pod, or the URL reaches no Service from it). */
  error?: string;
}

export interface RouteOptions {
  /** `ns/name`: only this Gateway. */
  gateway?: string;
  /** Only this IngressClass. */
  ingressClass?: string;
  /** `ns/pod`: the request is sent from inside this pod, so the mesh routes of its target Service apply (GW-19). */
  from?: string;
}

/**
 * Route one request from outside the cluster through every entry point (or the one asked for): each
 * IngressClass with a controller (§4) and each Gateway (§5). A pure query over a Simulation.
 */
export function route(sim: Simulation, req: HttpRequest, opts: RouteOptions = {}): RouteResult {
  if (opts.from) return routeFromPod(sim, req, opts.from);
  const results: EntryResult[] = [];
  // Ingress controllers proxy HTTP(S) only; a bare tcp:// or udp:// connection can only meet a Gateway listener.
  if (!opts.gateway && (req.scheme === 'http' || req.scheme === 'https')) {
    const classes = [...sim.world.ingressClasses].filter((c) => !opts.ingressClass || c.name === opts.ingressClass).sort((a, b) => a.name.localeCompare(b.name));
    for (const cls of classes) results.push(routeIngressClass(sim.world, sim.options, cls.name, req));
  }
  if (!opts.ingressClass) {
    // GATEWAY-ROUTER: the Gateway API router adds its results here, one EntryResult per Gateway
    // (or only `opts.gateway`), e.g. `results.push(...routeGateways(sim.world, sim.options, req, opts.gateway))`.
    results.push(...routeGateways(sim.world, sim.options, req, opts.gateway));
  }
  return { request: req, results };
}

/**
 * GW-19: a request sent from inside a pod to a Service (its name, resolved by the pod's resolver, or its
 * ClusterIP): the Service's mesh (GAMMA) routes decide before kube-proxy. One result, for that Service.
 */
function routeFromPod(sim: Simulation, req: HttpRequest, from: string): RouteResult {
  const pod = findPod(sim.world, from);
  if (!pod) return { request: req, results: [], error: `no pod ${from.includes('/') ? from : `default/${from}`}` };
  if (req.scheme !== 'http' && req.scheme !== 'https') return { request: req, results: [], error: 'mesh routes carry HTTP: give an http:// or https:// URL with --from' };
  let ip = parseIP(req.host) ? canonicalIP(req.host) : undefined;
  if (!ip) {
    const r = resolve(sim, { from: pod.id, name: req.host, type: 'A' });
    ip = r.answers.find((a) => a.type === 'A' || a.type === 'AAAA')?.data;
    if (!ip) return { request: req, results: [], error: `${req.host} does not resolve from ${pod.namespace}/${pod.name} (${r.status})` };
  }
  const target = lookupServiceAddress(sim.world, ip, req.port, 'TCP');
  if (!target || target.via !== 'clusterIP') return { request: req, results: [], error: `${req.host} (${ip}) port ${req.port} is not a Service's ClusterIP port, so no mesh route can apply` };
  return { request: req, results: [routeMesh(sim.world, sim.options, req, pod, target.service, target.port)] };
}
