import type { Node, Pod, Service, ServicePort, TrafficPolicy } from '../../model/core';
import type { World } from '../../model/world';
import { cidrContains, parseCIDR, parseIP } from '../../net/ip';
import type { Via } from '../../net/service-address';
import { servicePortEndpoints, usableEndpoints, type Backend } from './endpoints';

/** Who opens the connection. A hostNetwork pod counts as a process on its node. */
export type Client =
  | { kind: 'pod'; pod: Pod }
  | { kind: 'node'; node: Node }
  /** A client outside the cluster; `node` is the node whose address (or LB path) the packet arrives at. */
  | { kind: 'external'; ip: string; node: Node };

export type { Via };

export interface Reason {
  /** Rule id (`KP-4`), explained in docs/rules.md. */
  rule: string;
  message: string;
}

export interface ServiceBackends {
  service: string;
  port: ServicePort;
  via: Via;
  /** ok: balanced over `endpoints`; reject: no endpoint anywhere (refused at once); drop: timeout; not-proxied: headless/ExternalName (KP-9). */
  outcome: 'ok' | 'reject' | 'drop' | 'not-proxied';
  /** The endpoints a new connection is balanced over (randomly, KP-7). */
  endpoints: Backend[];
  /** Every endpoint of this service port (KP-1), usable or not. */
  candidates: Backend[];
  view: 'Cluster' | 'Local';
  /** The node whose kube-proxy handles the packet. */
  node?: string;
  /** ClientIP session affinity (KP-8): the key and timeout. */
  affinity?: { clientIP: string; timeoutSeconds: number };
  reasons: Reason[];
}

/** The node a client's packets are proxied on, and the address the client has as seen by that node. */
function clientNode(world: World, from: Client): { node?: Node; ip?: string; hostNetwork: boolean } {
  if (from.kind === 'pod') {
    const node = world.nodes.find((n) => n.name === from.pod.nodeName);
    return { ...(node ? { node } : {}), ...(from.pod.ips[0] ? { ip: from.pod.ips[0] } : {}), hostNetwork: from.pod.hostNetwork };
  }
  if (from.kind === 'node') return { node: from.node, ...(from.node.addresses[0] ? { ip: from.node.addresses[0] } : {}), hostNetwork: true };
  return { node: from.node, ip: from.ip, hostNetwork: false };
}

/**
 * kube-proxy's decision for one new connection to a Service port (KP-1..KP-15): which view applies
 * (KP-4), which endpoints are usable (KP-2/3 with topology hints KP-12), and whether the packet is
 * rejected or dropped when none is (KP-5). Reasons name the rules in the order they applied.
 */
export function serviceBackends(world: World, service: Service, port: ServicePort, from: Client, via: Via = 'clusterIP', receiving?: Node): ServiceBackends {
  const reasons: Reason[] = [];
  const candidates = servicePortEndpoints(world, service, port);
  const here = clientNode(world, from);
  // KP-6: kube-proxy catches NodePorts on local addresses only, so a NodePort dialled on another node's
  // address (`receiving`, e.g. lookupServiceAddress's node) leaves the client's node untouched and is
  // proxied by the node that receives it.
  if (via === 'nodePort' && receiving && from.kind !== 'external' && receiving.name !== here.node?.name) {
    reasons.push({ rule: 'KP-6', message: `The NodePort was dialled on node ${receiving.name}'s address: the client's node does not catch it, so ${receiving.name} proxies the packet.` });
    here.node = receiving;
  }
  const base = { service: service.id, port, via, candidates, ...(here.node ? { node: here.node.name } : {}) };
  if (service.type === 'ExternalName' || service.headless) {
    reasons.push({ rule: 'KP-9', message: `${service.type === 'ExternalName' ? 'ExternalName' : 'Headless'} Service ${service.name} has no virtual IP; kube-proxy installs no rules for it.` });
    return { ...base, outcome: 'not-proxied', endpoints: [], view: 'Cluster', reasons };
  }
  if (via === 'loadBalancer' && service.loadBalancerSourceRanges.length && here.ip && !inRanges(here.ip, service.loadBalancerSourceRanges)) {
    reasons.push({ rule: 'KP-15', message: `Source ${here.ip} is outside loadBalancerSourceRanges (${service.loadBalancerSourceRanges.join(', ')}); the load balancer traffic is dropped.` });
    return { ...base, outcome: 'drop', endpoints: [], view: 'Cluster', reasons };
  }
  const view = chooseView(service, from, via, here.hostNetwork, reasons);
  reasons.push({ rule: 'KP-1', message: `${candidates.length} endpoint${candidates.length === 1 ? '' : 's'} for port ${port.name || port.port}/${port.protocol} in the Service's EndpointSlices.` });
  // KP-12: hints are consulted only in the Cluster view.
  let endpoints = view === 'Local' ? localView(candidates, here.node, reasons) : clusterView(candidates, here.node, reasons);
  const base2 = healthyNodesPath(world, service, via, from, view, candidates, reasons);
  if (base2) {
    endpoints = base2.endpoints;
    if (base2.node) here.node = base2.node;
  }
  let outcome: ServiceBackends['outcome'] = 'ok';
  if (endpoints.length === 0) {
    const anywhere = view === 'Local' ? clusterView(candidates, here.node, []).length > 0 : false;
    if (anywhere) {
      outcome = 'drop';
      reasons.push({ rule: 'KP-5', message: `No usable endpoint on node ${here.node?.name ?? '?'} under the Local policy, though endpoints exist elsewhere: packets are dropped (the client times out).` });
    } else {
      outcome = 'reject';
      reasons.push({ rule: 'KP-5', message: `Service ${service.name} has no usable endpoint for port ${port.name || port.port}: kube-proxy rejects the connection (connection refused).` });
    }
  }
  const result: ServiceBackends = { ...base, ...(here.node ? { node: here.node.name } : {}), outcome, endpoints, view, reasons };
  if (service.sessionAffinity === 'ClientIP' && here.ip) {
    result.affinity = { clientIP: here.ip, timeoutSeconds: service.sessionAffinityTimeoutSeconds ?? 10800 };
    reasons.push({ rule: 'KP-8', message: `sessionAffinity ClientIP: connections from ${here.ip} stick to one endpoint of this port for ${result.affinity.timeoutSeconds}s after the last one.` });
  }
  return result;
}

function inRanges(ip: string, ranges: string[]): boolean {
  const p = parseIP(ip);
  return !!p && ranges.some((r) => {
    const c = parseCIDR(r);
    return !!c && cidrContains(c, p);
  });
}

/**
 * KP-10: an external client reaching a LoadBalancer IP with externalTrafficPolicy Local goes through the
 * cloud load balancer, which health-checks `healthCheckNodePort` and sends only to nodes with a local
 * endpoint; each such node serves its local endpoints. Returns undefined when this does not apply or when
 * no node passes (then the receiving node's own Local view decides, as if the LB failed open).
 */
function healthyNodesPath(world: World, service: Service, via: Via, from: Client, view: 'Cluster' | 'Local', candidates: Backend[], reasons: Reason[]): { endpoints: Backend[]; node?: Node } | undefined {
  if (via !== 'loadBalancer' || from.kind !== 'external' || view !== 'Local') return undefined;
  const healthy = world.nodes.filter((n) => localView(candidates, n, []).length > 0);
  if (healthy.length === 0) return undefined;
  const endpoints = healthy.flatMap((n) => localView(candidates, n, []));
  reasons.push({
    rule: 'KP-10',
    message: `The load balancer health-checks port ${service.healthCheckNodePort ?? '(healthCheckNodePort)'} and sends only to nodes with a local endpoint (${healthy.map((n) => n.name).join(', ')}); each forwards to its own endpoints and keeps the client IP.`,
  });
  return { endpoints, node: healthy.find((n) => n.name === from.node.name) ?? healthy[0]! };
}

/** KP-4: which traffic policy governs, and whether it yields the Local view. */
function chooseView(service: Service, from: Client, via: Via, hostNetwork: boolean, reasons: Reason[]): 'Cluster' | 'Local' {
  if (via === 'clusterIP') {
    const itp: TrafficPolicy = service.internalTrafficPolicy ?? 'Cluster';
    reasons.push({ rule: 'KP-4', message: `Traffic to the ClusterIP follows internalTrafficPolicy ${itp}${itp === 'Local' ? ": only endpoints on the client's node" : ''}.` });
    return itp;
  }
  const etp: TrafficPolicy = service.externalTrafficPolicy ?? 'Cluster';
  if (etp === 'Local' && from.kind === 'pod' && !hostNetwork) {
    reasons.push({ rule: 'KP-4', message: 'externalTrafficPolicy Local, but the client is a pod in the cluster: kube-proxy short-circuits to the Cluster view.' });
    return 'Cluster';
  }
  if (etp === 'Local' && from.kind !== 'external') {
    reasons.push({ rule: 'KP-4', message: 'externalTrafficPolicy Local does not apply to traffic from a node itself: Cluster view, masqueraded.' });
    return 'Cluster';
  }
  reasons.push({ rule: 'KP-4', message: `Traffic via ${via} follows externalTrafficPolicy ${etp}${etp === 'Local' ? ': only endpoints on the receiving node' : ''}.` });
  return etp;
}

/** KP-2 with KP-12: ready endpoints (topology-filtered), else serving+terminating ones cluster-wide. */
export function clusterView(candidates: Backend[], node: Node | undefined, reasons: Reason[]): Backend[] {
  const usable = usableEndpoints(candidates);
  if (!usable.fallback) return topologyFilter(usable.endpoints, node, reasons);
  if (usable.endpoints.length) reasons.push({ rule: 'KP-2', message: 'No ready endpoint: falling back to endpoints that are terminating but still serving.' });
  return usable.endpoints;
}

/** KP-3: ready endpoints on this node, else serving+terminating ones on this node; no hints. */
export function localView(candidates: Backend[], node: Node | undefined, reasons: Reason[]): Backend[] {
  const local = candidates.filter((b) => node && b.node === node.name);
  const ready = local.filter((b) => b.ready);
  if (ready.length) return ready;
  const fallback = local.filter((b) => b.serving && b.terminating);
  if (fallback.length) reasons.push({ rule: 'KP-3', message: `No ready endpoint on ${node?.name}: using local endpoints that are terminating but still serving.` });
  return fallback;
}

/** KP-12: node hints, then zone hints, when every ready endpoint has them and some match this node. */
export function topologyFilter(ready: Backend[], node: Node | undefined, reasons: Reason[]): Backend[] {
  if (!node) return ready;
  if (ready.every((b) => b.hints && b.hints.forNodes.length) ) {
    const mine = ready.filter((b) => b.hints!.forNodes.includes(node.name));
    if (mine.length) {
      reasons.push({ rule: 'KP-12', message: `Topology hints: using the ${mine.length} endpoint(s) hinted for node ${node.name}.` });
      return mine;
    }
  }
  if (!node.zone) return ready;
  if (ready.every((b) => b.hints && b.hints.forZones.length)) {
    const mine = ready.filter((b) => b.hints!.forZones.includes(node.zone!));
    if (mine.length) {
      reasons.push({ rule: 'KP-12', message: `Topology hints: using the ${mine.length} endpoint(s) hinted for zone ${node.zone}.` });
      return mine;
    }
  } else if (ready.some((b) => b.hints)) {
    reasons.push({ rule: 'KP-12', message: 'Some ready endpoints carry no zone hint, so hints are ignored: cluster-wide routing.' });
  }
  return ready;
}

/**
 * kube-proxy's `CategorizeEndpoints` (pkg/proxy/topology.go): the endpoints a node's rules use for a
 * Service port. `clusterEndpoints` is the Cluster view (KP-2, topology-filtered) when some traffic uses
 * the Cluster policy; `localEndpoints` the Local view (KP-3) when some traffic uses Local;
 * `allReachableEndpoints` their union; `hasAnyEndpoints` whether any endpoint is usable anywhere (else
 * kube-proxy rejects, KP-5).
 */
export function categorizeEndpoints(candidates: Backend[], service: Pick<Service, 'internalTrafficPolicy' | 'externalTrafficPolicy'>, node: Node | undefined) {
  const internalLocal = service.internalTrafficPolicy === 'Local';
  const externalLocal = service.externalTrafficPolicy === 'Local';
  const usesCluster = !internalLocal || !externalLocal;
  const usesLocal = internalLocal || externalLocal;
  const clusterEndpoints = usesCluster ? clusterView(candidates, node, []) : null;
  const localEndpoints = usesLocal ? localView(candidates, node, []) : null;
  const all = [...(clusterEndpoints ?? []), ...(localEndpoints ?? [])];
  const allReachableEndpoints = all.filter((b, i) => all.findIndex((x) => x.ip === b.ip && x.port === b.port) === i);
  const hasAnyEndpoints = candidates.some((b) => b.ready || (b.serving && b.terminating));
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
