import type { IPFamily, Service, ServicePort } from '../model/core';
import type { Endpoint, EndpointSlice } from '../model/discovery';
import type { World } from '../model/world';
import { clusterIPIndex, slicesByService } from '../model/lookup';
import { cidrContains, formatIP, parseCIDR, parseIP } from './ip';

export { clusterIPIndex };

/**
 * How the dataplane reads a Service's EndpointSlices (KP-1, KP-2, SVC-10..SVC-12), written once
 * for every reader of the World: kube-proxy decides with it, NetworkPolicy checks judge the same
 * backends after DNAT (NP-10), the EndpointSlice diagnostics flag addresses it would drop. It lives
 * here, not in a controller, because controllers never import one another.
 */

/** One IP:port kube-proxy may send a Service port's traffic to. */
export interface Backend {
  ip: string;
  port: number;
  /** `Pod/ns/name` when the endpoint's targetRef is a Pod. */
  podId?: string;
  node?: string;
  zone?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  hints?: Endpoint['hints'];
  /** The EndpointSlice it came from. */
  slice: string;
}

const SVC_NAME = 'kubernetes.io/service-name';

/** Address ranges an endpoint must not use (SVC-12): loopback and link-local (unicast, and IPv4 link-local multicast). */
const FORBIDDEN = [
  ['127.0.0.0/8', 'loopback'],
  ['::1/128', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['224.0.0.0/24', 'link-local multicast'],
  ['fe80::/10', 'link-local'],
].map(([cidr, what]) => ({ cidr: parseCIDR(cidr!)!, what: what! }));

/**
 * SVC-12: why `ip` cannot be an endpoint address (loopback, link-local, or a Service's ClusterIP, which
 * kube-proxy does not chase), or null when it can. Names the Service when it is a ClusterIP.
 */
export function unusableEndpointAddress(world: World, ip: string, vips: Map<string, Service> = clusterIPIndex(world)): string | null {
  const parsed = parseIP(ip);
  if (!parsed) return null;
  const bad = FORBIDDEN.find((f) => f.cidr.family === parsed.family && cidrContains(f.cidr, parsed));
  if (bad) return `${ip} is a ${bad.what} address`;
  const svc = vips.get(formatIP(parsed)); // the canonical text, without reading the address again
  if (svc) return `${ip} is the ClusterIP of Service ${svc.namespace}/${svc.name}, and kube-proxy does not forward to virtual IPs`;
  return null;
}

/**
 * What a reader asking about many Services keeps, built once from a finished World (`endpointLookups`):
 * slices by Service and ClusterIPs. Without it each question scans the World's arrays.
 */
export interface EndpointLookups {
  slices: Map<string, EndpointSlice[]>;
  vips: Map<string, Service>;
}

export function endpointLookups(world: World): EndpointLookups {
  return { slices: slicesByService(world), vips: clusterIPIndex(world) };
}

/** The slices of a Service (SVC-10): same namespace, `kubernetes.io/service-name` label naming it; in World order. */
export function slicesOf(world: World, service: Pick<Service, 'namespace' | 'name'>, lookups?: EndpointLookups): EndpointSlice[] {
  if (lookups) return lookups.slices.get(`${service.namespace}/${service.name}`) ?? [];
  return world.endpointSlices.filter((s) => s.namespace === service.namespace && (s.serviceName ?? s.labels[SVC_NAME]) === service.name);
}

/**
 * KP-1 with SVC-11/12: every endpoint of every slice of the Service whose slice has a port with the Service
 * port's name and protocol, at that slice port's number; the first address only, of the Service's family,
 * not loopback, link-local or a ClusterIP, de-duplicated by IP:port (first slice in name order wins),
 * listed in slice order.
 * Slice ports without a number are ignored.
 */
export function servicePortEndpoints(world: World, service: Service, port: ServicePort, lookups?: EndpointLookups): Backend[] {
  const families = new Set<IPFamily>(service.ipFamilies);
  const seen = new Set<string>();
  const out: Backend[] = [];
  const inWorldOrder = slicesOf(world, service, lookups);
  const slices = [...inWorldOrder].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const vips = lookups ? lookups.vips : slices.length ? clusterIPIndex(world) : new Map<string, Service>();
  for (const slice of slices) {
    if (slice.addressType === 'FQDN' || !families.has(slice.addressType)) continue;
    const sp = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    if (!sp || !sp.port) continue;
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      const parsed = ip ? parseIP(ip) : null;
      if (!ip || !parsed || (parsed.family === 4 ? 'IPv4' : 'IPv6') !== slice.addressType) continue;
      if (unusableEndpointAddress(world, ip, vips)) continue;
      const key = `${ip}:${sp.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ip,
        port: sp.port,
        ...(e.targetRef?.kind === 'Pod' ? { podId: `Pod/${e.targetRef.namespace || slice.namespace}/${e.targetRef.name}` } : {}),
        ...(e.nodeName ? { node: e.nodeName } : {}),
        ...(e.zone ? { zone: e.zone } : {}),
        ready: e.conditions.ready,
        serving: e.conditions.serving,
        terminating: e.conditions.terminating,
        ...(e.hints ? { hints: e.hints } : {}),
        slice: slice.id,
      });
    }
  }
  // Listed in the order the slices were written (or generated), which readers show; de-duplication above
  // used name order. The sort is stable, so endpoints keep their order within a slice.
  const rank = new Map(inWorldOrder.map((s, i) => [s.id, i]));
  return out.sort((a, b) => rank.get(a.slice)! - rank.get(b.slice)!);
}

/**
 * KP-2 without topology: the ready endpoints; if there are none, those that are terminating but still
 * serving (anywhere in the cluster). `fallback` says which set it is. Empty ⇒ kube-proxy rejects (KP-5).
 */
export function usableEndpoints<T extends Pick<Backend, 'ready' | 'serving' | 'terminating'>>(candidates: T[]): { endpoints: T[]; fallback: boolean } {
  const ready = candidates.filter((b) => b.ready);
  if (ready.length) return { endpoints: ready, fallback: false };
  return { endpoints: candidates.filter((b) => b.serving && b.terminating), fallback: true };
}
