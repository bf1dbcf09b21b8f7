import type { IPFamily, Node, Pod, Service } from '../../model/core';
import type { Endpoint, EndpointPort, EndpointSlice } from '../../model/discovery';
import { copyFields, objectId } from '../../model/meta';
import { matchesEquality } from '../../net/labels';
import { generatedName, safeSuffix } from '../../net/hash';
import { applyHints } from './hints';
import { CONTROLLER_NAME, HEADLESS_LABEL, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, familyOf, getEndpointPorts, podToEndpoint, portsKey, shouldPodBeInEndpoints } from './utils';

/** Pods a Service's selector picks (SVC-5): same namespace, every selector pair present. */
export function selectedPods(service: Service, pods: Pod[]): Pod[] {
  if (!service.selector) return [];
  return pods.filter((p) => p.namespace === service.namespace && matchesEquality(service.selector!, p.labels));
}

/**
 * The EndpointSlice reconciler for one Service (EPS-1..6, [SIM] I-2): for each address type, eligible pods
 * (SVC-7) become endpoints (EPS-5), grouped by their resolved port list (EPS-2), sorted by pod
 * namespace/name and cut into slices of `maxPerSlice` (EPS-3). No endpoint → one placeholder slice without
 * ports (EPS-4). Names are `<service>-<5 chars>` hashed from the service, family, port list and chunk.
 * Services without selector and ExternalName Services get nothing (SVC-3, SVC-6).
 */
export function reconcile(service: Service, pods: Pod[], nodes: Node[], maxPerSlice: number, nodeByName = new Map(nodes.map((n) => [n.name, n]))): EndpointSlice[] {
  if (service.type === 'ExternalName' || !service.selector) return [];
  const candidates = selectedPods(service, pods).filter(shouldPodBeInEndpoints).sort(byPodName);
  const slices: EndpointSlice[] = [];
  const used = new Set<string>();
  for (const family of service.ipFamilies) {
    const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    for (const pod of candidates) {
      if (!pod.ips.some((ip) => familyOf(ip) === family)) continue;
      const node = nodeByName.get(pod.nodeName);
      if (!node && !service.publishNotReadyAddresses) continue; // SVC-7: node unknown
      const ports = getEndpointPorts(service, pod);
      const key = portsKey(ports);
      if (!groups.has(key)) groups.set(key, { ports, endpoints: [] });
      groups.get(key)!.endpoints.push(podToEndpoint(pod, service, node ?? null, family));
    }
    applyHints(service, [...groups.values()].flatMap((g) => g.endpoints), nodes);
    if (groups.size === 0) {
      slices.push(makeSlice(service, family, [], [], nameFor(service, `${family}/placeholder`, used)));
      continue;
    }
    for (const [key, g] of groups) {
      for (let i = 0; i < g.endpoints.length; i += maxPerSlice) {
        const chunk = g.endpoints.slice(i, i + maxPerSlice);
        slices.push(makeSlice(service, family, g.ports, chunk, nameFor(service, `${family}/${key}/${i / maxPerSlice}`, used)));
      }
    }
  }
  return slices;
}

/** Orders pods as their `namespace/name` texts compare (UTF-16 code units), without writing the texts. */
function byPodName(a: Pod, b: Pod): number {
  const la = a.namespace.length + 1 + a.name.length;
  const lb = b.namespace.length + 1 + b.name.length;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const ca = joinedCode(a, i);
    const cb = joinedCode(b, i);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** The code unit at `i` of `${pod.namespace}/${pod.name}`. */
function joinedCode(pod: Pod, i: number): number {
  const ns = pod.namespace.length;
  return i < ns ? pod.namespace.charCodeAt(i) : i === ns ? 47 : pod.name.charCodeAt(i - ns - 1);
}

function nameFor(service: Service, seed: string, used: Set<string>): string {
  let name = generatedName(`${service.name}-`, safeSuffix(`${service.id}/${seed}`));
  for (let k = 1; used.has(name); k++) name = generatedName(`${service.name}-`, safeSuffix(`${service.id}/${seed}#${k}`));
  used.add(name);
  return name;
}

/** EPS-6 labels: the Service's own labels, then service-name, managed-by and (headless) the headless label. */
export function sliceLabels(service: Service): Record<string, string> {
  // Copied key by key, not spread and then grown: that gets a hidden class per object (model/meta.ts).
  const out: Record<string, string> = {};
  copyFields(out, service.labels);
  out[SERVICE_NAME_LABEL] = service.name;
  out[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  if (service.headless) out[HEADLESS_LABEL] = '';
  return out;
}

function makeSlice(service: Service, family: IPFamily, ports: EndpointPort[], endpoints: Endpoint[], name: string): EndpointSlice {
  return {
    id: objectId('EndpointSlice', service.namespace, name),
    kind: 'EndpointSlice',
    name,
    namespace: service.namespace,
    labels: sliceLabels(service),
    annotations: {},
    order: service.order,
    source: service.source,
    ...(service.system ? { system: true } : {}),
    addressType: family,
    ports,
    endpoints,
    serviceName: service.name,
    managedBy: CONTROLLER_NAME,
    generated: true,
    ownerId: service.id,
  };
}
