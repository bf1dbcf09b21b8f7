import type { HttpRequest } from './http';
import type { EntryResult, RouteResult } from './model/route';
import type { Simulation } from './simulate';
import { routeIngressClass } from './controllers/ingress/index';
import { routeGateways, routeMesh } from './controllers/gateway/index';
import { findPod, resolve } from './controllers/coredns/index';
import { lookupServiceAddress } from './controllers/kube-proxy/index';
import { reachDNS } from './controllers/netpol/index';
import { canonicalIP, parseIP } from './net/ip';

export type { Entry, EntryResult, RouteBackend, RouteEndpoint, RouteResult, Upstream } from './model/route';

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
  if (!opts.ingressClass) results.push(...routeGateways(sim.world, sim.options, req, opts.gateway));
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
    // The pod's own resolver, over the network its policies allow (NP-14), as `knet dns` and trace ask it.
    const r = resolve(sim.world, sim.options, { from: pod.id, name: req.host, type: 'A' }, reachDNS(sim.world, sim.options, sim.policies));
    ip = r.answers.find((a) => a.type === 'A' || a.type === 'AAAA')?.data;
    if (!ip) return { request: req, results: [], error: `${req.host} does not resolve from ${pod.namespace}/${pod.name} (${r.status})` };
  }
  const target = lookupServiceAddress(sim.world, ip, req.port, 'TCP');
  if (!target || target.via !== 'clusterIP') return { request: req, results: [], error: `${req.host} (${ip}) port ${req.port} is not a Service's ClusterIP port, so no mesh route can apply` };
  return { request: req, results: [routeMesh(sim.world, req, pod, target.service, target.port)] };
}
