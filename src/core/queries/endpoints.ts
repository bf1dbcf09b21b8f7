import type { EndpointSlice } from '../model/discovery';
import type { Service } from '../model/core';
import type { World } from '../model/world';
import { ArgReader, fail, ok, type Query } from './query';

export interface EndpointsInput {
  /** `ns/name`, or `name` in `default`: only this Service. */
  service?: string;
  /** Also the Services the simulator adds itself (kube-system/kube-dns, default/kubernetes). */
  all?: boolean;
}

/** One Service and its EndpointSlices, as `knet endpoints --json` prints it. */
export interface ServiceEndpoints {
  namespace: string;
  name: string;
  type: Service['type'];
  clusterIP: string | null;
  system?: true;
  ports: { name: string | null; port: number; protocol: string; targetPort: number | string; nodePort?: number }[];
  loadBalancerIPs?: string[];
  externalName?: string;
  slices: {
    name: string;
    addressType: EndpointSlice['addressType'];
    managedBy: string | null;
    ports: { name: string | null; port: number | null; protocol: string; appProtocol?: string }[];
    endpoints: {
      addresses: string[];
      conditions: EndpointSlice['endpoints'][number]['conditions'];
      targetRef: EndpointSlice['endpoints'][number]['targetRef'] | null;
      nodeName: string | null;
      zone: string | null;
      hostname?: string;
      hints?: EndpointSlice['endpoints'][number]['hints'];
    }[];
  }[];
}

export interface EndpointsDocument {
  services: ServiceEndpoints[];
}

/**
 * `knet endpoints`: every Service with its EndpointSlices as the EndpointSlice controller (and the mirroring
 * controller) leave them, plus hand-written slices. Services the simulator adds itself are listed only with
 * `all` or when `service` names one, so the answer shows what the input declared.
 */
export const endpoints: Query<EndpointsInput, { service?: string; all: boolean }, EndpointsDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['service', 'all']);
    const service = a.str('service');
    const all = a.flag('all');
    if (service !== undefined && !/^([^/]+\/)?[^/]+$/.test(service)) return fail('--service takes namespace/name (or name, in default)');
    return a.done({ ...(service !== undefined ? { service } : {}), all });
  },
  run: (sim, args) => {
    const w = sim.world;
    let services: Service[];
    if (args.service !== undefined) {
      const id = args.service.includes('/') ? args.service : `default/${args.service}`;
      services = w.services.filter((s) => `${s.namespace}/${s.name}` === id);
      if (services.length === 0) return fail(`there is no Service "${id}" in the input`);
    } else services = w.services.filter((s) => args.all || !s.system);
    services = [...services].sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
    return ok({ services: services.map((s) => serviceJSON(w, s)) });
  },
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ExternalName Services have no slices, whatever is labelled with their name. */
function slicesFor(w: World, s: Service): EndpointSlice[] {
  if (s.type === 'ExternalName') return [];
  return w.endpointSlices.filter((e) => e.namespace === s.namespace && e.serviceName === s.name);
}

function clusterIP(s: Service): string | null {
  if (s.type === 'ExternalName') return null;
  if (s.headless) return 'None';
  return s.clusterIPs[0] ?? null;
}

function serviceJSON(w: World, s: Service): ServiceEndpoints {
  return {
    namespace: s.namespace,
    name: s.name,
    type: s.type,
    clusterIP: clusterIP(s),
    ...(s.system ? { system: true as const } : {}),
    ports: s.ports.map((p) => ({ name: p.name || null, port: p.port, protocol: p.protocol, targetPort: p.targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
    ...(s.loadBalancerIPs.length ? { loadBalancerIPs: s.loadBalancerIPs } : {}),
    ...(s.externalName ? { externalName: s.externalName } : {}),
    slices: slicesFor(w, s).map((e) => ({
      name: e.name,
      addressType: e.addressType,
      managedBy: e.managedBy ?? null,
      ports: e.ports.map((p) => ({ name: p.name || null, port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })),
      endpoints: e.endpoints.map((ep) => ({
        addresses: ep.addresses,
        conditions: ep.conditions,
        targetRef: ep.targetRef ?? null,
        nodeName: ep.nodeName ?? null,
        zone: ep.zone ?? null,
        ...(ep.hostname ? { hostname: ep.hostname } : {}),
        ...(ep.hints ? { hints: ep.hints } : {}),
      })),
    })),
  };
}
