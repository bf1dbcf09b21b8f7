import type { Node, Service } from '../../model/core';
import type { World } from '../../model/world';
import { servicePortEndpoints, type Backend } from './endpoints';
import type { Client, Reason, ServiceBackends } from './proxy';

export { lookupServiceAddress, type ServiceTarget } from '../../net/service-address';

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
