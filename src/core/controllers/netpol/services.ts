import type { Service, ServicePort } from '../../model/core';
import type { Protocol } from '../../model/meta';
import type { World } from '../../model/world';
import { canonicalIP } from '../../net/ip';
import { servicePortEndpoints, usableEndpoints, type EndpointLookups } from '../../net/endpoints';

/** A post-DNAT destination of a Service port (NP-10): the endpoint address and the targetPort. */
export interface ServiceBackend {
  ip: string;
  port: number;
  podId?: string;
  node?: string;
  /** A terminating endpoint still serving, used because no endpoint is ready (KP-2). */
  terminating?: boolean;
}

export interface ServiceHit {
  service: Service;
  port: ServicePort;
  via: 'clusterIP' | 'loadBalancer' | 'externalIP' | 'nodePort';
  /** For a NodePort dialled at a node address: that node, which receives the packet (KP-4, KP-6). */
  node?: string;
}

/** Which Service port answers at `ip:port` (ClusterIP, LB IP, externalIP, or a node address with the nodePort). */
export function serviceAt(world: World, ip: string, port: number, protocol: Protocol, nodes: { name: string; addresses: string[] }[]): ServiceHit | undefined {
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
      if (p.nodePort === port) {
        const node = nodes.find((n) => n.addresses.includes(a));
        if (node) return { service: s, port: p, via: 'nodePort', node: node.name };
      }
    }
  }
  return undefined;
}

/**
 * The backends a new connection to a Service port may reach, as kube-proxy picks them (KP-1, KP-2 without
 * topology, SVC-12): the ready endpoints of its EndpointSlices, else those terminating but still serving
 * (edge case 8). Read from the World with the dataplane's own rule (`net/endpoints.ts`), so a policy
 * check never disagrees with kube-proxy about which backends exist.
 */
export function serviceBackends(world: World, s: Service, sp: ServicePort, lookups?: EndpointLookups): ServiceBackend[] {
  return usableEndpoints(servicePortEndpoints(world, s, sp, lookups)).endpoints.map((b) => ({
    ip: b.ip,
    port: b.port,
    ...(b.podId ? { podId: b.podId } : {}),
    ...(b.node ? { node: b.node } : {}),
    ...(b.terminating ? { terminating: true } : {}),
  }));
}
