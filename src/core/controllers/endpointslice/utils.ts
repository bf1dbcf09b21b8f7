import type { IPFamily, Node, Pod, Service, ServicePort } from '../../model/core';
import type { Endpoint, EndpointPort } from '../../model/discovery';
import { parseIP } from '../../net/ip';

/** Labels and values the controller writes (EPS-6). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/**
 * podutil.FindPort (SVC-9): a numeric targetPort is used as is; a name is looked up in the pod's regular
 * containers in order, then in its restartable init containers (sidecars), and matches only a port of the
 * same protocol. Plain init containers are never searched. Returns null when nothing matches.
 */
export function findPort(pod: Pick<Pod, 'containers' | 'initContainers'>, port: ServicePort): number | null {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const sidecars = pod.initContainers.filter((c) => c.restartPolicy === 'Always');
  for (const c of [...pod.containers, ...sidecars]) {
    for (const cp of c.ports) if (cp.name === port.targetPort && cp.protocol === port.protocol) return cp.containerPort;
  }
  return null;
}

/** getEndpointPorts (K-EPS-UTILS): the Service's ports resolved for one pod; unresolved ports are left out (SVC-9). */
export function getEndpointPorts(service: Pick<Service, 'ports'>, pod: Pick<Pod, 'containers' | 'initContainers'>): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of service.ports) {
    const port = findPort(pod, sp);
    if (port === null) continue;
    out.push({ name: sp.name, port, protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** ipFamily of an address text. */
export function familyOf(ip: string): IPFamily | undefined {
  const p = parseIP(ip);
  return p ? (p.family === 4 ? 'IPv4' : 'IPv6') : undefined;
}

/**
 * ShouldPodBeInEndpoints (SVC-7): phase not Succeeded/Failed and at least one IP. Terminating pods are
 * included (EndpointSlices carry their conditions, EPS-5).
 */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return false;
  return pod.ips.length > 0;
}

/**
 * podToEndpoint (EPS-5): the endpoint for `pod` in a slice of `addressType`. `node` may be null (then no
 * zone). `hostname` only when the pod's subdomain names this Service.
 */
export function podToEndpoint(pod: Pod, service: Pick<Service, 'name' | 'namespace' | 'publishNotReadyAddresses'>, node: Pick<Node, 'zone'> | null | undefined, addressType: IPFamily): Endpoint {
  const serving = pod.ready;
  const terminating = pod.terminating;
  const ready = service.publishNotReadyAddresses || (serving && !terminating);
  const addresses = pod.ips.filter((ip) => familyOf(ip) === addressType);
  return {
    addresses,
    conditions: { ready, serving, terminating },
    ...(pod.hostname && pod.subdomain === service.name && pod.namespace === service.namespace ? { hostname: pod.hostname } : {}),
    ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
    ...(node?.zone ? { zone: node.zone } : {}),
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

function portKey(p: EndpointPort): string {
  return `${p.name}\u0000${p.port}\u0000${p.protocol}\u0000${p.appProtocol ?? ''}`;
}

/** Order-insensitive key of a port list (EPS-2): name, port, protocol, appProtocol. */
export function portsKey(ports: EndpointPort[]): string {
  // Asked once per selected pod of every Service: one port needs no sort.
  if (ports.length === 1) return portKey(ports[0]!);
  if (ports.length === 2) {
    // Two ports (a Service's common case) in the order sort() gives: by UTF-16 code units.
    const a = portKey(ports[0]!);
    const b = portKey(ports[1]!);
    return b < a ? `${b}\u0001${a}` : `${a}\u0001${b}`;
  }
  return ports
    .map(portKey)
    .sort()
    .join('\u0001');
}
