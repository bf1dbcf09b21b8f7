import type { IPFamily, Service } from '../../model/core';
import type { Endpoint, EndpointSlice, LegacyEndpoints } from '../../model/discovery';
import { objectId } from '../../model/meta';
import { generatedName, safeSuffix } from '../../net/hash';
import { MANAGED_BY_LABEL, MIRRORING_CONTROLLER_NAME, SERVICE_NAME_LABEL, familyOf } from './utils';

export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

/**
 * The EndpointSlice mirroring controller (SVC-13): a legacy `v1/Endpoints` whose Service exists and has no
 * selector, and that is not labelled `skip-mirror: "true"`, is copied into EndpointSlices — one per subset
 * and address family, at most `maxPerSlice` endpoints each — labelled `managed-by:
 * endpointslicemirroring-controller.k8s.io`. `addresses` become ready endpoints, `notReadyAddresses`
 * not-ready ones; ports keep the Endpoints' port names.
 */
export function mirrorEndpoints(ep: LegacyEndpoints, service: Service | undefined, maxPerSlice: number): EndpointSlice[] {
  if (!service || service.selector || service.type === 'ExternalName') return [];
  if (ep.labels[SKIP_MIRROR_LABEL] === 'true') return [];
  const slices: EndpointSlice[] = [];
  const used = new Set<string>();
  ep.subsets.forEach((subset, s) => {
    const byFamily = new Map<IPFamily, Endpoint[]>();
    const add = (a: (typeof subset.addresses)[number], ready: boolean) => {
      const family = familyOf(a.ip);
      if (!family) return;
      const e: Endpoint = {
        addresses: [a.ip],
        conditions: { ready, serving: ready, terminating: false },
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.targetRef ? { targetRef: { ...a.targetRef, namespace: a.targetRef.namespace || ep.namespace } } : {}),
      };
      byFamily.set(family, [...(byFamily.get(family) ?? []), e]);
    };
    for (const a of subset.addresses) add(a, true);
    for (const a of subset.notReadyAddresses) add(a, false);
    for (const [family, endpoints] of byFamily) {
      for (let i = 0; i < endpoints.length; i += maxPerSlice) {
        let name = generatedName(`${ep.name}-`, safeSuffix(`${ep.id}/${s}/${family}/${i}`));
        for (let k = 1; used.has(name); k++) name = generatedName(`${ep.name}-`, safeSuffix(`${ep.id}/${s}/${family}/${i}#${k}`));
        used.add(name);
        slices.push({
          id: objectId('EndpointSlice', ep.namespace, name),
          kind: 'EndpointSlice',
          name,
          namespace: ep.namespace,
          labels: { ...ep.labels, [SERVICE_NAME_LABEL]: service.name, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER_NAME },
          annotations: {},
          order: ep.order,
          source: ep.source,
          addressType: family,
          ports: subset.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
          endpoints: endpoints.slice(i, i + maxPerSlice),
          serviceName: service.name,
          managedBy: MIRRORING_CONTROLLER_NAME,
          generated: true,
          ownerId: ep.id,
        });
      }
    }
  });
  return slices;
}
