import type { IPFamily, Service, ServicePort } from '../../model/core';
import type { Endpoint } from '../../model/discovery';
import type { World } from '../../model/world';
import { parseIP } from '../../net/ip';

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

/** The slices of a Service (SVC-10): same namespace, `kubernetes.io/service-name` label naming it. */
export function slicesOf(world: World, service: Pick<Service, 'namespace' | 'name'>) {
  return world.endpointSlices.filter((s) => s.namespace === service.namespace && (s.serviceName ?? s.labels[SVC_NAME]) === service.name);
}

/**
 * KP-1 with SVC-11/12: every endpoint of every slice of the Service whose slice has a port with the Service
 * port's name and protocol, at that slice port's number; the first address only, of the Service's family,
 * de-duplicated by IP:port (first slice in name order wins). Slice ports without a number are ignored.
 */
export function servicePortEndpoints(world: World, service: Service, port: ServicePort): Backend[] {
  const families = new Set<IPFamily>(service.ipFamilies);
  const seen = new Set<string>();
  const out: Backend[] = [];
  const slices = slicesOf(world, service).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const slice of slices) {
    if (slice.addressType === 'FQDN' || !families.has(slice.addressType)) continue;
    const sp = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    if (!sp || !sp.port) continue;
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      const parsed = ip ? parseIP(ip) : null;
      if (!ip || !parsed || (parsed.family === 4 ? 'IPv4' : 'IPv6') !== slice.addressType) continue;
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
  return out;
}
