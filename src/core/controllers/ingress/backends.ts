import type { Service, ServicePort } from '../../model/core';
import type { IngressBackend } from '../../model/networking';
import type { World } from '../../model/world';

/** One address behind a backend: the pod and `ip:port` that receive the request. */
export interface BackendEndpoint {
  /** `namespace/name` of the pod, when the EndpointSlice names one. */
  pod?: string;
  ip: string;
  port: number;
  node?: string;
}

export type BackendState = 'ok' | 'no-ready-endpoints' | 'service-missing' | 'port-missing' | 'unresolved' | 'external-name';

/** An Ingress backend resolved against the World (ING-12, ING-14). */
export interface ResolvedBackend {
  state: BackendState;
  service?: Service;
  servicePort?: ServicePort;
  endpoints: BackendEndpoint[];
  /** Why the state is what it is, for explanations. */
  reason: string;
}

/**
 * ING-12: `port.number` is a Service port, `port.name` a Service port name; the Service lives in the
 * Ingress's namespace. ING-13: ingress-nginx sends to the ready endpoints of the Service's
 * EndpointSlices, not to the ClusterIP. ING-14: a missing Service/port or no ready endpoint → 503.
 */
export function resolveBackend(world: World, namespace: string, backend: IngressBackend): ResolvedBackend {
  if (backend.resource) {
    const r = backend.resource;
    return { state: 'unresolved', endpoints: [], reason: `resource backend ${r.apiGroup ? r.apiGroup + '/' : ''}${r.kind} ${r.name} is unresolved: the simulated controller does not support resource backends (ING-14 [SIM])` };
  }
  const ref = backend.service!;
  const service = world.services.find((s) => s.namespace === namespace && s.name === ref.name);
  if (!service) return { state: 'service-missing', endpoints: [], reason: `Service ${namespace}/${ref.name} does not exist (the Service must be in the Ingress's namespace) → ingress-nginx answers 503 (ING-12, ING-14)` };
  const servicePort = ref.port.number !== undefined ? service.ports.find((p) => p.port === ref.port.number && p.protocol === 'TCP') : service.ports.find((p) => p.name === ref.port.name && p.protocol === 'TCP');
  const want = ref.port.number !== undefined ? `port ${ref.port.number}` : `port named "${ref.port.name}"`;
  // An ExternalName Service is proxied to its DNS name on the port asked for: a number needs no Service port,
  // but a name that the Service does not list leaves no port to proxy to (missing port, ING-14).
  if (service.type === 'ExternalName' && (servicePort || ref.port.number !== undefined)) {
    return { state: 'external-name', service, ...(servicePort ? { servicePort } : {}), endpoints: [], reason: `Service ${namespace}/${ref.name} is ExternalName ${service.externalName ?? ''}: ingress-nginx proxies to that DNS name (controller-specific)` };
  }
  if (!servicePort) {
    const have = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
    const hint = ref.port.number !== undefined && service.ports.some((p) => p.targetPort === ref.port.number) ? ' — the number is a targetPort; an Ingress names the Service port (ING-12)' : ref.port.name ? ' — port.name is a Service port name, not a container port name (ING-12)' : '';
    return { state: 'port-missing', service, endpoints: [], reason: `Service ${namespace}/${ref.name} has no TCP ${want} (it has ${have})${hint} → 503 (ING-14)` };
  }
  const endpoints = readyEndpoints(world, service, servicePort);
  if (endpoints.length === 0) return { state: 'no-ready-endpoints', service, servicePort, endpoints, reason: `Service ${namespace}/${ref.name} port ${servicePort.port} has no ready endpoint → ingress-nginx answers 503 (ING-14)` };
  return { state: 'ok', service, servicePort, endpoints, reason: `${endpoints.length} ready endpoint${endpoints.length === 1 ? '' : 's'} of Service ${namespace}/${ref.name} port ${servicePort.port}` };
}

/** Ready endpoints of one Service port, from the EndpointSlices labelled with the Service's name (SVC-10). */
export function readyEndpoints(world: World, service: Service, port: ServicePort): BackendEndpoint[] {
  const out: BackendEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of world.endpointSlices) {
    if (slice.namespace !== service.namespace || slice.serviceName !== service.name) continue;
    const sp = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol && p.port !== null);
    if (!sp || sp.port === null) continue;
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        const key = `${ip}:${sp.port}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const e: BackendEndpoint = { ip, port: sp.port };
        if (ep.targetRef?.kind === 'Pod') e.pod = `${ep.targetRef.namespace || service.namespace}/${ep.targetRef.name}`;
        if (ep.nodeName) e.node = ep.nodeName;
        out.push(e);
      }
    }
  }
  return out.sort((a, b) => (a.pod ?? a.ip).localeCompare(b.pod ?? b.ip) || a.port - b.port);
}
