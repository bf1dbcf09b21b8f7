import type { Node, Service, ServicePort } from '../model/core';
import type { Protocol } from '../model/meta';
import type { World } from '../model/world';
import { canonicalIP } from './ip';

/** How a Service port is addressed: its ClusterIP, a node's NodePort, its load balancer or an externalIP. */
export type Via = 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';

/** The Service port kube-proxy has a rule for at an address. */
export interface ServiceTarget {
  service: Service;
  port: ServicePort;
  via: Via;
  /** For NodePort traffic: the node whose address was dialled, which receives the packet (KP-4, KP-6). */
  node?: Node;
}

/**
 * Which Service port (if any) kube-proxy has a rule for at `ip:port/protocol`: a ClusterIP, a Service
 * externalIP, a LoadBalancer ingress IP, or `<node InternalIP>:<nodePort>` ([SIM] KP-11/I-5: NodePorts
 * answer on node InternalIPs only). Headless and ExternalName Services have no rules (KP-9). Written once
 * for every reader (kube-proxy decides with it, a NetworkPolicy check finds the Service behind an address);
 * it lives here, not in a controller, because controllers never import one another.
 */
export function lookupServiceAddress(world: World, ip: string, port: number, protocol: Protocol = 'TCP'): ServiceTarget | undefined {
  const addr = canonicalIP(ip);
  for (const s of world.services) {
    if (s.type === 'ExternalName' || s.headless) continue;
    for (const p of s.ports) {
      if (p.protocol !== protocol) continue;
      if (p.port === port) {
        if (s.clusterIPs.includes(addr)) return { service: s, port: p, via: 'clusterIP' };
        if (s.loadBalancerIPs.includes(addr)) return { service: s, port: p, via: 'loadBalancer' };
        if (s.externalIPs.map(canonicalIP).includes(addr)) return { service: s, port: p, via: 'externalIP' };
      }
      if (p.nodePort === port) {
        const node = world.nodes.find((n) => n.addresses.includes(addr));
        if (node) return { service: s, port: p, via: 'nodePort', node };
      }
    }
  }
  return undefined;
}
