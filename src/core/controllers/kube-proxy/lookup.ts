import type { Node, Service, ServicePort } from '../../model/core';
import type { Protocol } from '../../model/meta';
import type { World } from '../../model/world';
import { canonicalIP } from '../../net/ip';
import { servicePortEndpoints, type Backend } from './endpoints';
import type { Client, Reason, ServiceBackends, Via } from './proxy';

export interface ServiceTarget {
  service: Service;
  port: ServicePort;
  via: Via;
  /** For NodePort traffic: the node whose address was dialled. */
  node?: Node;
}

/**
 * Which Service port (if any) kube-proxy has a rule for at `ip:port/protocol`: a ClusterIP, a Service
 * externalIP, a LoadBalancer ingress IP, or `<node InternalIP>:<nodePort>` ([SIM] KP-11/I-5: NodePorts
 * answer on node InternalIPs only). Headless and ExternalName Services have no rules (KP-9).
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

/**
 * KP-6: the source address the backend sees for a connection decided by `serviceBackends`.
 * [SIM] I-4: hairpin and masquerade use the proxying node's InternalIP.
 */
export function sourceIPSeen(world: World, result: Pick<ServiceBackends, 'via' | 'view' | 'node' | 'service'>, from: Client, backend: Pick<Backend, 'ip' | 'podId'>): { ip: string; reason: Reason } {
  const node = world.nodes.find((n) => n.name === result.node);
  const nodeIP = node?.addresses[0] ?? '';
  if (from.kind === 'node' || (from.kind === 'pod' && from.pod.hostNetwork)) {
    return { ip: nodeIP, reason: { rule: 'KP-6', message: 'A node process (or hostNetwork pod) connects from the node IP.' } };
  }
  if (from.kind === 'external') {
    if (result.view === 'Local') return { ip: from.ip, reason: { rule: 'KP-6', message: 'externalTrafficPolicy Local keeps the client IP.' } };
    return { ip: nodeIP, reason: { rule: 'KP-6', message: `externalTrafficPolicy Cluster: the receiving node ${node?.name ?? ''} SNATs to its own IP.` } };
  }
  const podIP = from.pod.ips[0] ?? '';
  if (backend.podId === from.pod.id || backend.ip === podIP) {
    return { ip: nodeIP, reason: { rule: 'KP-6', message: 'Hairpin: the pod reached itself through the Service, so the source is masqueraded to the node IP (I-4).' } };
  }
  const etp = world.services.find((s) => s.id === result.service)?.externalTrafficPolicy ?? 'Cluster';
  if (result.via !== 'clusterIP' && etp === 'Local') {
    return { ip: podIP, reason: { rule: 'KP-6', message: `externalTrafficPolicy Local: traffic from a pod is short-circuited to the Service's endpoints and keeps the client pod IP.` } };
  }
  if (result.via !== 'clusterIP' && result.view === 'Cluster') {
    return { ip: nodeIP, reason: { rule: 'KP-6', message: `Traffic from a pod to a ${result.via} address is masqueraded to the IP of the proxying node ${node?.name ?? ''} under externalTrafficPolicy Cluster.` } };
  }
  return { ip: podIP, reason: { rule: 'KP-6', message: 'Pod to Service traffic keeps the client pod IP (no SNAT).' } };
}

/** KP-10: what `GET /healthz` on the healthCheckNodePort answers on `node`: 200 with a local ready endpoint, else 503. */
export function healthCheck(world: World, service: Service, node: Node): { status: 200 | 503; localEndpoints: number } | undefined {
  if (service.healthCheckNodePort === undefined) return undefined;
  const local = new Set<string>();
  for (const p of service.ports) for (const b of servicePortEndpoints(world, service, p)) if (b.node === node.name && b.ready) local.add(b.ip);
  return { status: local.size ? 200 : 503, localEndpoints: local.size };
}
