import type { Service, ServicePort } from '../../model/core';
import type { Protocol } from '../../model/meta';
import type { World } from '../../model/world';
import { canonicalIP } from '../../net/ip';
import { matchesEquality } from '../../net/labels';
import { namedPort } from './compile';

/** A post-DNAT destination of a Service port (NP-10): the endpoint address and the targetPort. */
export interface ServiceBackend {
  ip: string;
  port: number;
  podId?: string;
  node?: string;
}

export interface ServiceHit {
  service: Service;
  port: ServicePort;
  via: 'clusterIP' | 'loadBalancer' | 'externalIP' | 'nodePort';
}

const SVC_NAME = 'kubernetes.io/service-name';

/** Which Service port answers at `ip:port` (ClusterIP, LB IP, externalIP, or a node address with the nodePort). */
export function serviceAt(world: World, ip: string, port: number, protocol: Protocol, nodeIPs: string[]): ServiceHit | undefined {
  const a = canonicalIP(ip);
  for (const s of world.services) {
    if (s.type === 'ExternalName' || s.headless) continue;
    for (const p of s.ports) {
      if (p.protocol !== protocol) continue;
      if (p.port === port) {
        if (s.clusterIPs.includes(a)) return { service: s, port: p, via: 'clusterIP' };
        if (s.loadBalancerIPs.includes(a)) return { service: s, port: p, via: 'loadBalancer' };
        if (s.externalIPs.map(canonicalIP).includes(a)) return { service: s, port: p, via: 'externalIP' };
      }
      if (p.nodePort === port && nodeIPs.includes(a)) return { service: s, port: p, via: 'nodePort' };
    }
  }
  return undefined;
}

/**
 * The ready endpoints of a Service port (KP-1/KP-2 without topology): from its EndpointSlices when there
 * are any, else from the selector and targetPort directly, as the EndpointSlice controller would make them.
 */
export function serviceBackends(world: World, s: Service, sp: ServicePort): ServiceBackend[] {
  const slices = world.endpointSlices.filter((x) => x.namespace === s.namespace && (x.serviceName ?? x.labels[SVC_NAME]) === s.name);
  if (slices.length) {
    const out: ServiceBackend[] = [];
    const seen = new Set<string>();
    for (const slice of slices) {
      const p = slice.ports.find((x) => x.name === sp.name && x.protocol === sp.protocol);
      if (!p || !p.port) continue;
      for (const e of slice.endpoints) {
        const ip = e.addresses[0];
        if (!ip || !e.conditions.ready || seen.has(`${ip}:${p.port}`)) continue;
        seen.add(`${ip}:${p.port}`);
        const podId = e.targetRef?.kind === 'Pod' ? `Pod/${e.targetRef.namespace}/${e.targetRef.name}` : undefined;
        out.push({ ip, port: p.port, ...(podId ? { podId } : {}), ...(e.nodeName ? { node: e.nodeName } : {}) });
      }
    }
    return out;
  }
  if (!s.selector) return [];
  const out: ServiceBackend[] = [];
  for (const p of world.pods) {
    if (p.namespace !== s.namespace || !matchesEquality(s.selector, p.labels) || !p.ready || !p.ips[0] || p.terminating) continue;
    const port = typeof sp.targetPort === 'number' ? sp.targetPort : namedPort(p, sp.targetPort, sp.protocol);
    if (port === undefined) continue;
    out.push({ ip: p.ips[0], port, podId: p.id, ...(p.nodeName ? { node: p.nodeName } : {}) });
  }
  return out;
}
